package it.piazza.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.piazza.cases.CaseFixtures;
import it.piazza.support.Api;
import it.piazza.support.PiazzaTest;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Done when: a parent enrols his daughter in the school canteen, the office approves, the month's charge appears,
 * the parent pays it through the (demo) payment simulator and sees it paid, and that day's reconciliation balances.
 */
@PiazzaTest
class CanteenPaymentStoryTests {

  @Autowired
  Api api;

  @Test
  void aParentEnrolsSofiaInTheCanteenAndPaysTheMonthlyCharge() {
    String mario = api.token("mario.rossi");
    String sara = api.token("sara.colombo");
    String elena = api.token("elena.galli");
    CaseFixtures cases = new CaseFixtures(api);
    String sofia = cases.sofia(mario);

    // Mario enrols Sofia in the canteen: a free service, straight to the office.
    ObjectNode data = (ObjectNode) api.get("/api/v1/services/school-canteen-enrolment", null).json().get("schema")
        .get("examples").get(0).deepCopy();
    ((ObjectNode) data.get("child")).put("fiscalCode", sofia).put("firstName", "Sofia").put("lastName", "Rossi")
        .put("birthDate", "2025-06-10");
    Api.Response filed = api.post("/api/v1/applications", mario, Map.of("serviceId", "school-canteen-enrolment",
        "data", data), "Idempotency-Key", UUID.randomUUID().toString());
    assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    assertThat(filed.json().get("status").asString()).isEqualTo("registered");
    String caseId = filed.json().get("id").asString();

    // Sara, of Scuola e Nidi, approves.
    assertThat(cases.act(sara, caseId, "take", Map.of()).status()).isEqualTo(200);
    assertThat(cases.act(sara, caseId, "approve", Map.of("reason", "Iscrizione accolta")).status()).isEqualTo(200);

    // The school records last month's meals once the enrolment is known to payments, and the nightly job runs.
    String lastMonth = YearMonth.now(PaymentFixtures.ITALY).minusMonths(1).toString();
    Map<String, Object> meals = Map.of("children", List.of(Map.of("fiscalCode", sofia, "meals", 18)));
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
        .until(() -> api.send(api.request("/api/v1/payments/canteen-meals/" + lastMonth, sara)
            .header("Content-Type", "application/json")
            .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(api.json().writeValueAsString(meals))).build())
            .status() == 200);
    Api.Response run = api.post("/api/v1/payments/recurring-charges/run", elena, Map.of());
    assertThat(run.status()).as(run.body()).isEqualTo(200);
    assertThat(run.json().get("canteen").asInt()).isEqualTo(1);

    // The charge appears among Mario's payments.
    JsonNode charge = canteenCharge(mario);
    assertThat(charge.get("amountCents").asLong()).as("18 meals at 4,50 euro").isEqualTo(8_100);
    assertThat(charge.get("status").asString()).isEqualTo("open");
    assertThat(charge.get("description").asString()).contains("Refezione scolastica", "Sofia Rossi", "18 pasti");
    assertThat(charge.get("noticeNumber").asString()).matches("302\\d{15}");
    String id = charge.get("id").asString();
    assertThat(api.get("/api/v1/payments/" + id, api.token("anna.bianchi")).status()).isEqualTo(404);

    // Mario pays through the demo simulator, and sees it paid.
    Api.Response paid = api.post("/demo/payments/" + id + "/pay", mario, Map.of(),
        "Idempotency-Key", UUID.randomUUID().toString());
    assertThat(paid.status()).as(paid.body()).isEqualTo(201);
    assertThat(paid.json().get("psp").asString()).contains("demo");
    assertThat(canteenCharge(mario).get("status").asString()).isEqualTo("paid");
    assertThat(api.post("/demo/payments/" + id + "/pay", mario, Map.of()).status()).as("paid once").isEqualTo(409);

    // The day's reconciliation lists the receipt and balances.
    JsonNode report = api.get("/api/v1/payments/reconciliation?date=" + PaymentFixtures.today(), elena).json();
    assertThat(report.get("items").findValuesAsString("noticeNumber")).contains(charge.get("noticeNumber").asString());
    assertThat(report.get("discrepancies").toString()).isEqualTo("[]");
    assertThat(report.get("receipts").get("amountCents").asLong())
        .isEqualTo(report.get("settledPositions").get("amountCents").asLong());
    assertThat(report.get("balanced").asBoolean()).isTrue();
    assertThat(api.get("/api/v1/payments/reconciliation", mario).status()).isEqualTo(403);
  }

  private JsonNode canteenCharge(String token) {
    for (JsonNode item : api.get("/api/v1/me/payments", token).json()) {
      if (item.get("category").asString().equals("canteen")) {
        return item;
      }
    }
    throw new AssertionError("no canteen charge");
  }
}
