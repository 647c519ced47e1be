package it.piazza.preservation;

import static org.awaitility.Awaitility.await;

import it.piazza.cases.CaseId;
import it.piazza.documents.DocumentStore;
import it.piazza.identity.FiscalCode;
import it.piazza.issuance.DocumentIssued;
import it.piazza.issuance.DocumentKind;
import it.piazza.issuance.IssuedDocumentId;
import it.piazza.payments.PaymentFixtures;
import it.piazza.support.Api;
import it.piazza.tenancy.TenantId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The context of the preservation tests: the sender on, quick, with short backoffs; Borgo Piazza (c_b001, basic
 * authentication) and Prova Nove (c_t109, bearer token) send to the {@link TestPole}; Prova Dieci (c_t110) has no
 * pole configured, so with the demo profile it sends to the built-in demo pole. Issuance is simulated: a small PDF in
 * the document store and a {@link DocumentIssued} published in a transaction, as the issuer will do.
 */
public abstract class PreservationTestBase {

  public static final TestPole POLE = new TestPole();
  public static final String NOVE = "c_t109";
  public static final String DIECI = "c_t110";
  public static final int MAX_ATTEMPTS = 6;

  @DynamicPropertySource
  static void pole(DynamicPropertyRegistry registry) {
    registry.add("piazza.preservation.sender.enabled", () -> "true");
    registry.add("piazza.preservation.sender.every", () -> "150ms");
    registry.add("piazza.preservation.sender.first-backoff", () -> "300ms");
    registry.add("piazza.preservation.sender.max-backoff", () -> "1s");
    registry.add("piazza.preservation.sender.max-attempts", () -> String.valueOf(MAX_ATTEMPTS));
    registry.add("piazza.preservation.sender.timeout", () -> "1s");
    registry.add("piazza.preservation.comuni[c_b001].endpoint", POLE::url);
    registry.add("piazza.preservation.comuni[c_b001].username", () -> "borgo");
    registry.add("piazza.preservation.comuni[c_b001].password", () -> "segreto");
    registry.add("piazza.preservation.comuni[c_t109].endpoint", POLE::url);
    registry.add("piazza.preservation.comuni[c_t109].token", () -> "token-prova-nove");
  }

  @Autowired
  protected Api api;

  @Autowired
  protected DocumentStore store;

  @Autowired
  protected ApplicationEventPublisher events;

  @Autowired
  protected TransactionTemplate transactions;

  protected String administrator(String tenant) {
    return new PaymentFixtures(api).administrator(tenant);
  }

  protected String citizen(String tenant, int n) {
    return new PaymentFixtures(api).citizen(tenant, PaymentFixtures.person(n), "Cittadino Prova " + n);
  }

  protected String operator(String tenant, String office) {
    FiscalCode person = FiscalCode.compute("Operatore", "Prova", LocalDate.of(1980, 3, 3), false, "F205");
    return api.signedToken("operatore-" + tenant + "-" + office, Map.of("tenant", tenant, "fiscal_number",
        person.value(), "name", "Operatore di prova", "roles", List.of("operator"), "office", office),
        Instant.now(), Instant.now().plusSeconds(3600));
  }

  /** A certificate application in a test comune, filed, taken, approved and closed; answers the case id. */
  protected String closedCertificateCase(String tenant, int person) {
    String citizen = citizen(tenant, person);
    Api.Response filed = api.post("/api/v1/applications", citizen, Map.of("serviceId", "registry-certificate",
        "data", Map.of("certificateType", "residence", "subject", "self", "stampDutyExempt", true,
            "exemptionReason", "legal-proceedings")),
        "Idempotency-Key", UUID.randomUUID().toString());
    if (filed.status() != 201) {
      throw new AssertionError("not filed: " + filed);
    }
    String id = filed.json().get("id").asString();
    String office = operator(tenant, filed.json().get("office").asString());
    for (String action : List.of("take", "approve", "close")) {
      Api.Response done = api.post("/api/v1/cases/" + id + "/actions/" + action, office,
          Map.of("reason", "Certificato rilasciato"));
      if (done.status() != 200) {
        throw new AssertionError(action + " failed: " + done);
      }
    }
    return id;
  }

  /** What the issuer will do: the sealed PDF in the store, then DocumentIssued in a transaction. */
  protected DocumentIssued issue(String tenant, DocumentKind kind, String caseId, LocalDate registerDay,
                                 String title) {
    byte[] pdf = Api.pdf(title + " " + UUID.randomUUID());
    DocumentStore.Stored stored = store.put(new ByteArrayInputStream(pdf), 1_000_000);
    DocumentIssued issued = new DocumentIssued(IssuedDocumentId.random(), new TenantId(tenant), kind, title,
        stored.sha256(), stored.size(), Instant.now(), kind == DocumentKind.DAILY_REGISTER ? null : "2026/0900001",
        caseId == null ? null : new CaseId(UUID.fromString(caseId)), registerDay, "VER-" + UUID.randomUUID());
    transactions.executeWithoutResult(tx -> events.publishEvent(issued));
    return issued;
  }

  protected JsonNode list(String tenant, String query) {
    Api.Response answer = api.get("/api/v1/admin/preservation/packages" + query, administrator(tenant));
    if (answer.status() != 200) {
      throw new AssertionError(answer.toString());
    }
    return answer.json();
  }

  /** Waits until the comune's package of {@code kind} about {@code subject} exists and satisfies {@code until}. */
  protected JsonNode awaitPackage(String tenant, String kind, String subject, Predicate<JsonNode> until) {
    return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
        .until(() -> find(tenant, kind, subject), p -> p != null && until.test(p));
  }

  protected JsonNode find(String tenant, String kind, String subject) {
    for (JsonNode p : list(tenant, "?size=200&kind=" + kind).get("items")) {
      if (p.get("subject").asString().equals(subject)) {
        return p;
      }
    }
    return null;
  }

  protected static Predicate<JsonNode> inState(String state) {
    return p -> p.get("state").asString().equals(state);
  }

  /** The package with {@code path} changed after its index was written. */
  protected static byte[] tamper(byte[] zip, String path) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
         ZipOutputStream copy = new ZipOutputStream(out)) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        byte[] content = in.readAllBytes();
        copy.putNextEntry(new ZipEntry(e.getName()));
        copy.write(content);
        if (e.getName().equals(path)) {
          copy.write("\n changed after indexing\n".getBytes(StandardCharsets.UTF_8));
        }
        copy.closeEntry();
      }
    }
    return out.toByteArray();
  }

  /** A package of the comune made to be rejected: while the pole is down, its stored ZIP is tampered with. */
  protected JsonNode rejectedRegister(String tenant, LocalDate day, JdbcClient jdbc) throws IOException {
    POLE.mode(TestPole.Mode.FAIL);
    DocumentIssued register = issue(tenant, DocumentKind.DAILY_REGISTER, null, day, "Registro del " + day);
    String subject = register.documentId().toString();
    JsonNode waiting = awaitPackage(tenant, "daily-register", subject, p -> p.get("attempts").asInt() >= 1);
    String path = "documenti/daily-register-" + subject + ".pdf";
    byte[] tampered = tamper(store.open(waiting.get("sha256").asString()).orElseThrow().readAllBytes(), path);
    DocumentStore.Stored stored = store.put(new ByteArrayInputStream(tampered), 10_000_000);
    jdbc.sql("update preservation_package set sha256 = ?, size = ? where id = ?::uuid")
        .params(stored.sha256(), stored.size(), waiting.get("id").asString()).update();
    POLE.mode(TestPole.Mode.ACCEPT);
    return awaitPackage(tenant, "daily-register", subject, inState("rejected"));
  }
}
