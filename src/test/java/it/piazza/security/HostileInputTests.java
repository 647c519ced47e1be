package it.piazza.security;

import static org.assertj.core.api.Assertions.assertThat;

import it.piazza.identity.FiscalCode;
import it.piazza.payments.PaymentFixtures;
import it.piazza.security.Hostile.Body;
import it.piazza.security.Sweep.Entry;
import it.piazza.support.Api;
import it.piazza.support.PiazzaTest;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Bad input gets a clear 4xx problem and changes nothing: every write operation of the API (from the OpenAPI
 * document, through {@link Sweep#ENTRIES}) is sent broken, truncated, too deep, too big, mistyped and
 * Unicode-laden bodies, wrong content types and no body; every operation gets nonsense path and query parameters;
 * forged tokens, bad Idempotency-Key and On-Behalf-Of headers are tried. No answer may be a 5xx, every refusal is
 * {@code application/problem+json}, and the comune's business tables are checksummed around each refused request:
 * only the audit log may change. In a comune of its own (c_t111, host prova11.localhost).
 */
@PiazzaTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTests {

  static final String COMUNE = "c_t111";
  static final String HOST = "prova11.localhost";

  /** Bodies close to valid, per operation, for the hostile variants to start from; others start from "{}". */
  static final Map<String, String> SEEDS = Map.ofEntries(
      Map.entry("POST /api/v1/applications", "{\"serviceId\":\"registry-certificate\",\"data\":{\"certificateType\":"
          + "\"residence\",\"subject\":\"self\",\"stampDutyExempt\":false},\"attachmentIds\":[\"{attachment}\"]}"),
      Map.entry("POST /api/v1/drafts", "{\"serviceId\":\"registry-certificate\",\"onBehalfOf\":\"{marioCode}\","
          + "\"data\":{\"certificateType\":\"residence\"},\"attachmentIds\":[\"{attachment}\"]}"),
      Map.entry("PUT /api/v1/drafts/{id}", "{\"onBehalfOf\":\"{marioCode}\",\"data\":{\"certificateType\":"
          + "\"residence\"},\"attachmentIds\":[\"{attachment}\"]}"),
      Map.entry("POST /api/v1/cases/{id}/notes", "{\"note\":\"una nota\"}"),
      Map.entry("POST /api/v1/cases/{id}/actions/{action}", "{\"reason\":\"perché\",\"assignee\":\"op-t111\","
          + "\"group\":\"nidi\",\"note\":\"n\",\"attachmentIds\":[\"{attachment}\"]}"),
      Map.entry("POST /api/v1/office/applications", "{\"serviceId\":\"registry-certificate\",\"applicant\":"
          + "{\"fiscalCode\":\"{marioCode}\",\"name\":\"Cittadino Prova\"},\"data\":{\"certificateType\":"
          + "\"residence\",\"subject\":\"self\",\"stampDutyExempt\":false},\"attachmentIds\":[]}"),
      Map.entry("POST /api/v1/payments/{id}/cancel", "{\"reason\":\"errore\"}"),
      Map.entry("POST /api/v1/payments/receipts", "{\"receiptId\":\"R-1\",\"noticeNumber\":\"{notice}\","
          + "\"amountCents\":1,\"paidAt\":\"2026-01-01T10:00:00Z\",\"psp\":\"Banca\"}"),
      Map.entry("POST /api/v1/payments/positions", "{\"payerFiscalCode\":\"{marioCode}\",\"payerName\":\"P\","
          + "\"amountCents\":-5,\"dueDate\":\"2020-01-01\",\"description\":\"TARI\",\"category\":\"tari\"}"),
      Map.entry("PUT /api/v1/payments/canteen-meals/{month}", "{\"children\":[{\"fiscalCode\":\"{marioCode}\","
          + "\"meals\":3}]}"),
      Map.entry("POST /api/v1/payments/recurring-charges/run", "{\"date\":\"2000-01-01\"}"),
      Map.entry("PUT /api/v1/admin/services/{id}", "{\"id\":\"registry-certificate\",\"version\":1,\"title\":"
          + "{\"it\":\"t\",\"en\":\"t\"},\"form\":{\"type\":\"object\"},\"fee\":null,\"legalDeadlineDays\":30}"),
      Map.entry("POST /demo/token", "{\"subject\":\"anna.bianchi\"}"));

  @Autowired
  Api api;

  @Autowired
  JdbcClient jdbc;

  @Value("${piazza.data-dir}")
  String dataDirectory;

  final Map<String, String> ids = new LinkedHashMap<>();
  final Map<String, String> tokens = new LinkedHashMap<>();
  BusinessTables tables;
  Instant started;
  final List<String> failures = new ArrayList<>();
  final List<String> succeeded = new ArrayList<>();

  Set<String> marioDraftsBefore;

  /** Mario's citizen file is shared with the portal's stories: drafts the page forms saved are removed. */
  @AfterAll
  void removeMariosNewDrafts() {
    String mario = api.token("mario.rossi");
    marioDrafts().stream().filter(id -> !marioDraftsBefore.contains(id))
        .forEach(id -> api.send(api.request("/api/v1/drafts/" + id, mario).DELETE().build()));
  }

  private Set<String> marioDrafts() {
    Set<String> drafts = new HashSet<>();
    api.get("/api/v1/me/drafts", api.token("mario.rossi")).json().forEach(d -> drafts.add(d.get("id").asString()));
    return drafts;
  }

  @BeforeAll
  void aComuneWithOneOfEverything() {
    marioDraftsBefore = marioDrafts();
    started = Instant.now();
    PaymentFixtures payments = new PaymentFixtures(api);
    FiscalCode citizen = FiscalCode.compute("Ostile", "Prova", LocalDate.of(1981, 4, 1), false, "F205");
    FiscalCode operator = FiscalCode.compute("Sportello", "Prova", LocalDate.of(1979, 2, 3), true, "F205");
    tokens.put("citizen", payments.citizen(COMUNE, citizen, "Cittadino Prova"));
    tokens.put("operator", api.signedToken("op-t111", Map.of("tenant", COMUNE, "fiscal_number", operator.value(),
        "name", "Operatrice Prova", "roles", List.of("operator"), "office", "anagrafe"), Instant.now(),
        Instant.now().plusSeconds(3600)));
    tokens.put("admin", payments.administrator(COMUNE));
    tokens.put("system", payments.intermediary(COMUNE));
    String token = tokens.get("citizen");
    ids.put("marioCode", citizen.value());
    ids.put("sofiaCode", citizen.value());
    ids.put("attachment", upload(token, "isee.pdf").json().get("id").asString());
    Api.Response filed = api.send(api.request("/api/v1/applications", token, "Host", HOST)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
            "{\"serviceId\":\"registry-certificate\",\"data\":{\"certificateType\":\"residence\",\"subject\":"
                + "\"self\",\"stampDutyExempt\":false}}")).build());
    assertThat(filed.status()).as("application %s", filed).isEqualTo(201);
    ids.put("application", filed.json().get("id").asString());
    ids.put("case", ids.get("application"));
    ids.put("feeCase", ids.get("application"));
    ids.put("protocol", filed.json().get("protocol").get("number").asString());
    ids.put("today", filed.json().get("protocol").get("date").asString());
    for (String draft : List.of("draft", "draftToSubmit", "draftToDelete")) {
      ids.put(draft, post("/api/v1/drafts", token, "{\"serviceId\":\"registry-certificate\",\"data\":{}}")
          .json().get("id").asString());
    }
    JsonNode position = payments.importPosition(tokens.get("system"), citizen, 1234, LocalDate.now().plusDays(30),
        "tari", Map.of()).json();
    ids.put("payment", position.path("id").asString(position.path("positions").path(0).path("id").asString()));
    ids.put("notice", position.path("noticeNumber").asString(position.path("positions").path(0)
        .path("noticeNumber").asString()));
    ids.put("auditEntry", api.get("/api/v1/me/audit", token, "Host", HOST).json().get(0).get("id").asString());
    // Hostile input needs no issued document or package of its own: their paths are aimed at with unknown ids.
    ids.put("decidedCase", ids.get("application"));
    ids.put("document", UUID.randomUUID().toString());
    ids.put("verification", "0000-0000-0000-0000-0000");
    ids.put("package", UUID.randomUUID().toString());
    tables = new BusinessTables(jdbc, COMUNE);
    tables.awaitQuiet(started);
  }

  @Test
  void everyWriteRefusesHostileBodiesWithAProblemAndChangesNothing() {
    failures.clear();
    for (Entry entry : Sweep.ENTRIES) {
      if (!entry.writes() || "multipart".equals(entry.body())) {
        continue;
      }
      String seed = Sweep.fill(SEEDS.getOrDefault(entry.operation(), entry.body() == null || entry.body().equals("csv")
          || entry.body().equals("zip") ? "{}" : entry.body()), ids);
      List<Body> bodies = new ArrayList<>(Hostile.anyBody(seed));
      bodies.addAll(Hostile.fieldBodies(api.json(), seed, 6));
      for (Body body : bodies) {
        send(entry.operation() + " with " + body.name(), entry.method(), Sweep.fill(entry.request(), ids),
            callerOf(entry), body, "Idempotency-Key", UUID.randomUUID().toString());
      }
    }
    assertThat(failures).as("hostile bodies: %d failures", failures.size()).isEmpty();
  }

  @Test
  void everyOperationRefusesNonsenseInItsPathAndQuery() {
    failures.clear();
    JsonNode document = api.get("/v3/api-docs", null).json();
    for (Entry entry : Sweep.ENTRIES) {
      String template = entry.operation().substring(entry.operation().indexOf(' ') + 1);
      String filled = Sweep.fill(entry.request(), ids);
      String seed = Sweep.fill(SEEDS.getOrDefault(entry.operation(), "{}"), ids);
      Body body = entry.writes() ? Body.json("seed", seed) : new Body("none", null, null);
      List<String> templateParts = List.of(template.split("/"));
      List<String> filledParts = List.of(filled.replaceAll("\\?.*", "").split("/"));
      for (int i = 0; i < templateParts.size(); i++) {
        if (!templateParts.get(i).startsWith("{") || i >= filledParts.size()) {
          continue;
        }
        for (Map.Entry<String, String> value : Hostile.PATH_VALUES.entrySet()) {
          List<String> parts = new ArrayList<>(filledParts);
          parts.set(i, value.getValue());
          send(entry.operation() + " with " + templateParts.get(i) + " " + value.getKey(), entry.method(),
              String.join("/", parts), callerOf(entry), body);
        }
      }
      JsonNode operation = document.path("paths").path(template).path(entry.method().toLowerCase());
      for (JsonNode parameter : operation.path("parameters")) {
        if (!parameter.path("in").asString().equals("query")) {
          continue;
        }
        String name = parameter.path("name").asString();
        String path = filled.replaceAll("\\?.*", "");
        for (Map.Entry<String, String> value : Hostile.QUERY_VALUES.entrySet()) {
          send(entry.operation() + " with ?" + name + "= " + value.getKey(), entry.method(),
              path + "?" + name + "=" + value.getValue(), callerOf(entry), body);
        }
        send(entry.operation() + " with ?" + name + " twice", entry.method(), path + "?" + name + "=1&" + name + "=2",
            callerOf(entry), body);
      }
    }
    assertThat(failures).as("hostile parameters: %d failures", failures.size()).isEmpty();
  }

  /** The forgeries tried on every operation; the others are tried on one read and one write. */
  static final Set<String> EVERYWHERE = java.util.Set.of("a bad signature", "alg none",
      "extra privileged roles in a real token", "from another issuer", "expired");

  @Test
  void forgedAndMalformedTokensAreRefusedEverywhere() {
    failures.clear();
    String real = tokens.get("citizen");
    String[] parts = real.split("\\.");
    Map<String, String> forged = new LinkedHashMap<>();
    forged.put("a bad signature", parts[0] + "." + parts[1] + "." + flip(parts[2]));
    forged.put("alg none", b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".");
    forged.put("alg none without the dot", b64("{\"alg\":\"none\"}") + "." + parts[1]);
    forged.put("HS256 signed with nothing", b64("{\"alg\":\"HS256\"}") + "." + parts[1] + "." + parts[2]);
    forged.put("extra privileged roles in a real token", parts[0] + "." + b64(new String(Base64.getUrlDecoder()
        .decode(parts[1]), StandardCharsets.UTF_8).replaceFirst("\\{", "{\"roles\":[\"administrator\",\"system\"],"))
        + "." + parts[2]);
    forged.put("expired", signed(Map.of(), Instant.now().minusSeconds(7200), Instant.now().minusSeconds(3600)));
    forged.put("not yet valid", signed(Map.of("nbf", Instant.now().plusSeconds(3600)), Instant.now(),
        Instant.now().plusSeconds(7200)));
    forged.put("for a comune this deployment does not serve", signed(Map.of("tenant", "c_zz999"), Instant.now(),
        Instant.now().plusSeconds(600)));
    forged.put("with a fiscal code that is not one", signed(Map.of("fiscal_number", "RSSMRA00A00A000A"), Instant.now(),
        Instant.now().plusSeconds(600)));
    forged.put("from another issuer", signed(Map.of("iss", "https://idp.evil.example"), Instant.now(),
        Instant.now().plusSeconds(600)));
    forged.put("not a JWT", "abc");
    forged.put("empty", "");
    forged.put("three dots", "...");
    forged.put("base64 of nonsense", b64("{") + "." + b64("{") + "." + b64("{"));
    Map<String, String> odd = new LinkedHashMap<>();
    odd.put("roles as an object", signed(Map.of("roles", Map.of("administrator", true)), Instant.now(),
        Instant.now().plusSeconds(600)));
    odd.put("tenant as a list", signed(Map.of("tenant", List.of(COMUNE, "c_t112")), Instant.now(),
        Instant.now().plusSeconds(600)));
    odd.put("8 KB of garbage (over the container's header limit)", "x".repeat(8000));
    odd.put("a 10 KB name", signed(Map.of("name", "n".repeat(10_000)), Instant.now(), Instant.now().plusSeconds(600)));
    odd.put("office as an object", signed(Map.of("office", Map.of("id", "anagrafe")), Instant.now(),
        Instant.now().plusSeconds(600)));
    odd.put("another comune's", new PaymentFixtures(api).citizen("c_t112", FiscalCode.compute("Altro", "Comune",
        LocalDate.of(1985, 1, 1), false, "F205"), "Altro Comune"));
    for (Entry entry : Sweep.ENTRIES) {
      if (entry.owner() == Sweep.Owner.OPEN) {
        continue;
      }
      String uri = Sweep.fill(entry.request(), ids);
      Body body = Body.json("seed", Sweep.fill(SEEDS.getOrDefault(entry.operation(), "{}"), ids));
      boolean representative = entry.operation().equals("GET /api/v1/me/applications")
          || entry.operation().equals("POST /api/v1/drafts");
      forged.forEach((name, token) -> {
        if (!representative && !EVERYWHERE.contains(name)) {
          return;
        }
        Api.Response answer = send(entry.operation() + " with a token " + name, entry.method(), uri, token, body);
        if (answer != null && answer.status() != 401) {
          failures.add(entry.operation() + " with a token " + name + ": expected 401, got " + answer);
        }
      });
      odd.forEach((name, token) -> sendIf(representative || name.startsWith("office"), entry.operation() + " with a token whose " + name, entry.method(), uri, token,
          body));
    }
    assertThat(failures).as("forged tokens: %d failures", failures.size()).isEmpty();
  }

  @Test
  void badIdempotencyKeysAndOnBehalfOfHeadersAreRefused() {
    failures.clear();
    String citizen = tokens.get("citizen");
    String seed = Sweep.fill(SEEDS.get("POST /api/v1/applications"), ids).replace(",\"attachmentIds\":[\""
        + ids.get("attachment") + "\"]", "");
    Body body = Body.json("seed", seed);
    for (String key : List.of("k".repeat(256), "k".repeat(10_000), " ", "a b", "\u0001")) {
      Api.Response answer = send("Idempotency-Key of " + key.length() + " odd characters", "POST",
          "/api/v1/applications", citizen, body, "Idempotency-Key", key);
      if (answer != null && answer.status() != 400) {
        failures.add("Idempotency-Key '" + key.substring(0, Math.min(10, key.length())) + "…': expected 400, got "
            + answer);
      }
    }
    String key = "reused-" + UUID.randomUUID();
    Api.Response first = send("a first application with a key", "POST", "/api/v1/applications", citizen, body,
        "Idempotency-Key", key);
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    Api.Response other = send("the same key with another body", "POST", "/api/v1/applications", citizen,
        Body.json("other", seed.replace("false", "true")), "Idempotency-Key", key);
    assertThat(other.status()).isEqualTo(422);
    assertThat(other.json().get("code").asString()).isEqualTo("idempotency-key-reused");
    for (String onBehalfOf : List.of("garbage", "x".repeat(5000), "../../etc/passwd",
        ids.get("marioCode").toLowerCase(), "RSSMRA84E12F205X", "%00", "RSSGLI23C55F205G,RSSMRA84E12F205X")) {
      for (String path : List.of("/api/v1/me", "/api/v1/me/applications", "/api/v1/me/payments")) {
        Api.Response answer = send(path + " On-Behalf-Of " + onBehalfOf.substring(0, Math.min(20, onBehalfOf.length())),
            "GET", path, citizen, new Body("none", null, null), "On-Behalf-Of", onBehalfOf);
        if (answer != null && answer.status() < 400 && !onBehalfOf.equals(ids.get("marioCode").toLowerCase())) {
          failures.add(path + " On-Behalf-Of " + onBehalfOf + ": expected a refusal, got " + answer);
        }
      }
      send("a draft On-Behalf-Of " + onBehalfOf.substring(0, Math.min(20, onBehalfOf.length())), "POST",
          "/api/v1/drafts", citizen, body, "On-Behalf-Of", onBehalfOf);
    }
    assertThat(failures).as("bad headers: %d failures", failures.size()).isEmpty();
  }

  @Test
  void nastyUploadsAreRefusedOrStoredUnderASafeNameInsideTheDocumentStore() throws Exception {
    failures.clear();
    Path data = Path.of(dataDirectory).toAbsolutePath().normalize();
    Set<Path> filesBefore = files(data);
    Map<String, byte[]> names = new LinkedHashMap<>();
    for (String name : List.of("../../etc/passwd", "..\\..\\win.ini", "/etc/passwd", "C:\\Windows\\win.ini",
        "dir/sub/name.pdf", "a\u0000b.pdf", "x".repeat(5000) + ".pdf", "fattura\u202Efdp.exe", "\u200F\u202Dnome.pdf",
        ".", "..", "", "\ud83d\udca9.pdf", "nome\rX-Injected: 1.pdf", "nome\".pdf")) {
      names.put(name, name.getBytes(StandardCharsets.UTF_8));
    }
    names.put("invalid UTF-8", new byte[] {'a', (byte) 0xC0, (byte) 0xAF, (byte) 0xFF, '.', 'p', 'd', 'f'});
    byte[] pdf = Api.pdf("hostile " + UUID.randomUUID());
    for (Map.Entry<String, byte[]> name : names.entrySet()) {
      Api.Response answer = send("an upload named " + HostileInputTests.abbreviate(name.getKey()), "POST",
          "/api/v1/attachments", tokens.get("citizen"), multipartBody("upload", name.getValue(), pdf));
      if (answer != null && answer.status() == 201) {
        String stored = answer.json().get("fileName").asString();
        if (!stored.matches("[^/\\\\\\p{Cntrl}\\p{Cf}]{1,200}") || stored.startsWith("..")) {
          failures.add("an upload named " + name.getKey() + " was stored as '" + stored + "'");
        }
      }
    }
    String citizen = tokens.get("citizen");
    send("an upload cut short", "POST", "/api/v1/attachments", citizen, new Body("cut", java.util.Arrays.copyOf(
        multipart("a.pdf".getBytes(StandardCharsets.UTF_8), pdf), 120), "multipart/form-data; boundary=" + BOUNDARY));
    send("an upload without its file", "POST", "/api/v1/attachments", citizen, new Body("no file",
        ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"serviceId\"\r\n\r\nnursery-enrolment\r\n--"
            + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8), "multipart/form-data; boundary=" + BOUNDARY));
    send("an empty file", "POST", "/api/v1/attachments", citizen, multipartBody("empty",
        "a.pdf".getBytes(StandardCharsets.UTF_8), new byte[0]));
    send("a program disguised as a PDF", "POST", "/api/v1/attachments", citizen, multipartBody("exe",
        "a.pdf".getBytes(StandardCharsets.UTF_8), "MZ\u0090\u0000 this program cannot be run".getBytes(
            StandardCharsets.ISO_8859_1)));
    send("a file over the service's 10 MB", "POST", "/api/v1/attachments", citizen, multipartBody("big",
        "a.pdf".getBytes(StandardCharsets.UTF_8), Hostile.concat(pdf, new byte[11 * 1024 * 1024])));
    for (String csv : List.of("", "payerFiscalCode;amountCents\n\u0000;1\n", "a;b\n" + "x;".repeat(400_000),
        "\ufeffpayerFiscalCode;payerName;amountCents;dueDate;description;category\nRSSMRA84E12F205X;\"unterminated;1;x;y;z\n")) {
      send("a positions CSV of " + csv.length() + " characters", "POST", "/api/v1/payments/positions.csv",
          tokens.get("system"), new Body("csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv"));
    }
    send("a positions CSV that is not UTF-8", "POST", "/api/v1/payments/positions.csv", tokens.get("system"),
        new Body("csv", new byte[] {'a', ';', (byte) 0xC0, (byte) 0xFF, '\n'}, "text/csv"));
    Set<Path> added = files(data);
    added.removeAll(filesBefore);
    added.removeIf(file -> file.startsWith(data.resolve("documents")) || file.startsWith(data.resolve("postgres")));
    assertThat(added).as("files written outside the document store").isEmpty();
    try (Stream<Path> everything = Files.walk(data.getParent())) {
      assertThat(everything.map(file -> file.getFileName().toString())
          .filter(name -> name.equals("passwd") || name.equalsIgnoreCase("win.ini")).toList())
          .as("traversal targets under " + data.getParent()).isEmpty();
    }
    assertThat(failures).as("hostile uploads: %d failures", failures.size()).isEmpty();
  }

  /**
   * The pages that write (the apply form, uploads from the form, the office's notes, actions and desk) get the same
   * treatment, signed in with a session as browsers are, in Borgo Piazza: no 5xx, and a refused form changes
   * nothing. A page answers a refused form with the form again (200 or 422) and a done one with a redirect.
   */
  @Test
  void hostilePageFormsGetNoServerErrorAndARefusedFormChangesNothing() throws Exception {
    failures.clear();
    BusinessTables borgo = new BusinessTables(jdbc, "c_b001");
    borgo.awaitQuiet(started);
    java.net.http.HttpClient mario = signedIn("mario.rossi");
    java.net.http.HttpClient sara = signedIn("sara.colombo");
    String caseId = new it.piazza.cases.CaseFixtures(api).applyForNursery(api.token("mario.rossi"),
        UUID.randomUUID().toString()).json().get("id").asString();
    borgo.awaitQuiet(started);
    String marioCsrf = csrf(page(mario, "/domande/nuova/registry-certificate"));
    String saraCsrf = csrf(page(sara, "/ufficio/pratiche/" + caseId));
    List<String> formValues = List.of("%00", "%C0%AF%FF", "a" + "%CC%81".repeat(5000), "..%2F..%2Fetc%2Fpasswd",
        "x".repeat(20_000), "%E2%80%AEexe.pdf", "not-a-uuid");
    for (String value : formValues) {
      String shown = HostileInputTests.abbreviate(value.length() > 40 ? value.substring(0, 40) : value);
      form(borgo, mario, "the apply form with every field " + shown, "/domande/nuova/registry-certificate", marioCsrf,
          "certificateType=" + value + "&subject=" + value + "&onBehalfOf=" + value + "&attachmentIds=" + value
              + "&draftId=" + value);
      form(borgo, mario, "the apply form saving a draft with " + shown, "/domande/nuova/registry-certificate",
          marioCsrf, "azione=bozza&certificateType=" + value + "&draftId=" + value + "&attachmentIds=" + value);
      form(borgo, sara, "a note " + shown, "/ufficio/pratiche/" + caseId + "/note", saraCsrf, "note=" + value);
      form(borgo, sara, "an action " + shown, "/ufficio/pratiche/" + caseId + "/azioni/" + value, saraCsrf,
          "reason=" + value + "&person=" + value + "&group=" + value);
      form(borgo, sara, "the desk " + shown, "/ufficio/sportello/registry-certificate", saraCsrf,
          "cf=" + value + "&nome=" + value + "&certificateType=" + value);
      form(borgo, sara, "a note on case " + shown, "/ufficio/pratiche/" + value + "/note", saraCsrf, "note=x");
    }
    form(borgo, mario, "the apply form over 1 MB", "/domande/nuova/registry-certificate", marioCsrf,
        "certificateType=" + "a".repeat(1_100_000));
    form(borgo, mario, "the apply form without a CSRF token", "/domande/nuova/registry-certificate", null,
        "certificateType=residence&subject=self");
    for (Map.Entry<String, byte[]> name : Map.of("traversal", "../../etc/passwd".getBytes(StandardCharsets.UTF_8),
        "NUL", "a\u0000b.pdf".getBytes(StandardCharsets.UTF_8), "5 000 characters",
        ("x".repeat(5000) + ".pdf").getBytes(StandardCharsets.UTF_8)).entrySet()) {
      HttpRequest upload = HttpRequest.newBuilder(java.net.URI.create(api.base() + "/domande/allegati"))
          .header("X-CSRF-TOKEN", marioCsrf).header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
          .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(name.getValue(), Api.pdf("page upload")))).build();
      check(borgo, "a page upload named by " + name.getKey(), () -> mario.send(upload,
          java.net.http.HttpResponse.BodyHandlers.ofString()));
    }
    assertThat(failures).as("hostile page forms: %d failures", failures.size()).isEmpty();
  }

  private void form(BusinessTables borgo, java.net.http.HttpClient browser, String label, String path, String csrf,
                    String form) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(java.net.URI.create(api.base() + path)).header("Accept", "text/html")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString((csrf == null ? "" : "_csrf=" + java.net.URLEncoder.encode(csrf,
            StandardCharsets.UTF_8) + "&") + form)).build();
    check(borgo, label, () -> browser.send(request, java.net.http.HttpResponse.BodyHandlers.ofString()));
  }

  private void check(BusinessTables borgo, String label,
                     java.util.concurrent.Callable<java.net.http.HttpResponse<String>> call) throws Exception {
    Map<String, String> before = borgo.checksums();
    java.net.http.HttpResponse<String> answer = call.call();
    String shown = label + " -> " + answer.statusCode() + " " + abbreviate(answer.body());
    if (answer.statusCode() >= 500) {
      failures.add(shown);
    } else if (answer.statusCode() >= 300 && answer.statusCode() < 400
        || answer.statusCode() == 201) {
      borgo.awaitQuiet(started);
    } else {
      List<String> changed = BusinessTables.changed(before, borgo.checksums());
      if (!changed.isEmpty()) {
        failures.add("refused, yet changed " + changed + ": " + shown);
      }
    }
  }

  private java.net.http.HttpClient signedIn(String subject) throws Exception {
    java.net.http.HttpClient browser = api.browser();
    String login = page(browser, "/login");
    java.net.http.HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(java.net.URI.create(api.base()
            + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + subject + "&password=demo&_csrf="
            + java.net.URLEncoder.encode(csrf(login), StandardCharsets.UTF_8))).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(signedIn.statusCode()).isEqualTo(302);
    return browser;
  }

  private String page(java.net.http.HttpClient browser, String path) throws Exception {
    return browser.send(HttpRequest.newBuilder(java.net.URI.create(api.base() + path)).header("Accept", "text/html")
        .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
  }

  private static String csrf(String html) {
    java.util.regex.Matcher found = java.util.regex.Pattern.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"")
        .matcher(html);
    assertThat(found.find()).as("a CSRF token on the page").isTrue();
    return found.group(1);
  }

  private static Set<Path> files(Path root) throws java.io.IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(Path::normalize).collect(Collectors.toCollection(HashSet::new));
    }
  }

  private void sendIf(boolean wanted, String label, String method, String uri, String token, Body body) {
    if (wanted) {
      send(label, method, uri, token, body);
    }
  }

  private String callerOf(Entry entry) {
    return tokens.get(switch (entry.owner()) {
      case CITIZEN -> "citizen";
      case OFFICE, STAFF -> "operator";
      case ADMIN -> "admin";
      case SYSTEM -> "system";
      case SELF -> entry.by() == null ? "citizen" : "operator";
      case OPEN -> "none";
    });
  }

  /**
   * Sends one hostile request and checks it: no 5xx; a refusal is a problem document and leaves every business
   * table as it was. A success is noted (the input was legitimately acceptable) and its asynchronous work awaited.
   */
  Api.Response send(String label, String method, String uri, String token, Body body, String... headers) {
    boolean writes = !method.equals("GET");
    Map<String, String> before = writes ? tables.checksums() : Map.of();
    HttpRequest.Builder request;
    try {
      request = api.request(uri, token, headers).header("Host", HOST);
    } catch (IllegalArgumentException unsendable) {
      return null; // the HTTP client refuses to send it at all: nothing reached the server
    }
    if (body.contentType() != null) {
      request.header("Content-Type", body.contentType());
    }
    request.method(method, body.bytes() == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
    Api.Response answer;
    try {
      answer = api.send(request.build());
    } catch (IllegalStateException broken) {
      failures.add(label + ": the connection broke: " + broken.getMessage());
      return null;
    }
    String shown = label + " -> " + answer.status() + " " + abbreviate(answer.body());
    if (answer.status() >= 500) {
      failures.add(shown);
    } else if (answer.status() >= 400 && !answer.isProblem()) {
      failures.add("not a problem document: " + shown + " (Content-Type " + answer.header("Content-Type") + ")");
    }
    if (answer.status() >= 200 && answer.status() < 300) {
      succeeded.add(label);
      tables.awaitQuiet(started);
    } else if (writes) {
      List<String> changed = BusinessTables.changed(before, tables.checksums());
      if (!changed.isEmpty()) {
        failures.add("refused, yet changed " + changed + ": " + shown);
      }
    }
    return answer;
  }

  private Api.Response upload(String token, String fileName) {
    return api.send(api.request("/api/v1/attachments", token, "Host", HOST)
        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(fileName.getBytes(StandardCharsets.UTF_8),
            Api.pdf("hostile " + UUID.randomUUID())))).build());
  }

  static final String BOUNDARY = "hostile-boundary";

  /** A multipart upload for the nursery's ISEE certificate, with the file name given as raw bytes. */
  static Body multipartBody(String name, byte[] fileName, byte[] content) {
    return new Body(name, multipart(fileName, content), "multipart/form-data; boundary=" + BOUNDARY);
  }

  static byte[] multipart(byte[] fileName, byte[] content) {
    var body = new java.io.ByteArrayOutputStream();
    for (String[] field : new String[][] {{"serviceId", "nursery-enrolment"}, {"kind", "isee-certificate"}}) {
      body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n"
          + field[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
        .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(fileName);
    body.writeBytes("\"\r\nContent-Type: application/pdf\r\n\r\n".getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return body.toByteArray();
  }

  private Api.Response post(String path, String token, String json) {
    return api.send(api.request(path, token, "Host", HOST).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  private String signed(Map<String, Object> extra, Instant issued, Instant expires) {
    Map<String, Object> claims = new LinkedHashMap<>(Map.of("tenant", COMUNE, "fiscal_number", ids.get("marioCode"),
        "name", "Cittadino Prova"));
    claims.putAll(extra);
    return api.signedToken("forged-" + UUID.randomUUID(), claims, issued, expires);
  }

  private static String b64(String text) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String flip(String signature) {
    char c = signature.charAt(10);
    return signature.substring(0, 10) + (c == 'A' ? 'B' : 'A') + signature.substring(11);
  }

  static String abbreviate(String text) {
    return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "…";
  }
}
