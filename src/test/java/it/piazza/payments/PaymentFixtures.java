package it.piazza.payments;

import static org.awaitility.Awaitility.await;

import it.piazza.cases.CaseFixtures;
import it.piazza.identity.FiscalCode;
import it.piazza.support.Api;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Payments as the demo people, the intermediary and other systems would make them. */
public final class PaymentFixtures {

  public static final ZoneId ITALY = ZoneId.of("Europe/Rome");

  private final Api api;
  private final CaseFixtures cases;

  public PaymentFixtures(Api api) {
    this.api = api;
    this.cases = new CaseFixtures(api);
  }

  public static LocalDate today() {
    return LocalDate.now(ITALY);
  }

  /** The payment intermediary: a client system of the comune (role SYSTEM). */
  public String intermediary(String tenant) {
    return api.signedToken("pagopa-intermediary", Map.of("tenant", tenant), Instant.now(),
        Instant.now().plusSeconds(3600));
  }

  /** A citizen of a test comune, made up for the test. */
  public String citizen(String tenant, FiscalCode person, String name) {
    return api.signedToken("citizen-" + person.value().toLowerCase(), Map.of("tenant", tenant, "fiscal_number",
        person.value(), "name", name), Instant.now(), Instant.now().plusSeconds(3600));
  }

  public String administrator(String tenant) {
    FiscalCode person = FiscalCode.compute("Amministratrice", "Prova", LocalDate.of(1970, 1, 1), true, "F205");
    return api.signedToken("admin-" + tenant, Map.of("tenant", tenant, "fiscal_number", person.value(), "name",
        "Amministratrice " + tenant, "roles", List.of("administrator")), Instant.now(),
        Instant.now().plusSeconds(3600));
  }

  /** Mario enrols Sofia in the summer camps, whose 20-euro fee is due before processing. */
  public Api.Response summerCamp(String marioToken) {
    ObjectNode data = (ObjectNode) api.get("/api/v1/services/summer-camps", null).json().get("schema")
        .get("examples").get(0).deepCopy();
    ((ObjectNode) data.get("child")).put("fiscalCode", cases.sofia(marioToken)).put("firstName", "Sofia")
        .put("lastName", "Rossi").put("birthDate", "2025-06-10");
    return api.post("/api/v1/applications", marioToken, Map.of("serviceId", "summer-camps", "data", data),
        "Idempotency-Key", UUID.randomUUID().toString());
  }

  /** The positions of a case, once the payments module has opened them (it listens after the case commits). */
  public JsonNode awaitPositions(String token, String caseId, int count) {
    return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
        .until(() -> api.get("/api/v1/cases/" + caseId + "/payments", token).json(), list -> list.size() >= count);
  }

  public Api.Response pay(String intermediaryToken, String noticeNumber, long amountCents, String receiptId) {
    Map<String, Object> receipt = new LinkedHashMap<>();
    receipt.put("receiptId", receiptId);
    receipt.put("noticeNumber", noticeNumber);
    receipt.put("amountCents", amountCents);
    receipt.put("paidAt", Instant.now().minusSeconds(5).toString());
    receipt.put("psp", "Banca di prova");
    return api.post("/api/v1/payments/receipts", intermediaryToken, receipt);
  }

  /** A position another system sends, e.g. a TARI instalment. */
  public Api.Response importPosition(String token, FiscalCode payer, long amountCents, LocalDate due,
                                     String category, Map<String, Object> more) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("payerFiscalCode", payer.value());
    body.put("payerName", "Contribuente di prova");
    body.put("amountCents", amountCents);
    body.put("dueDate", due.toString());
    body.put("description", "TARI 2026 - utenza domestica");
    body.put("category", category);
    body.putAll(more);
    return api.post("/api/v1/payments/positions", token, body, "Idempotency-Key", UUID.randomUUID().toString());
  }

  public static FiscalCode person(int n) {
    return FiscalCode.compute("Contribuente", "Prova", LocalDate.of(1960, 1, 1).plusDays(n), n % 2 == 0, "F205");
  }
}
