package it.piazza.payments;

import static org.assertj.core.api.Assertions.assertThat;

import it.piazza.support.Api;
import it.piazza.support.PiazzaTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Positions from other systems: all of a request is stored, or nothing is. In a comune of its own (c_t103). */
@PiazzaTest
class PositionImportTests {

  static final String COMUNE = "c_t103";

  @Autowired
  Api api;

  @Autowired
  JdbcClient jdbc;

  @Test
  void aDateOfTheWrongTypeIsNamedNotAServerError() {
    String admin = new PaymentFixtures(api).administrator(COMUNE);
    for (Object due : List.of(List.of("2026-01-01"), Map.of("date", "2026-01-01"), 20260101)) {
      Api.Response answer = api.post("/api/v1/payments/positions", admin, Map.of("payerFiscalCode",
          PaymentFixtures.person(210).value(), "payerName", "Rossi Anna", "amountCents", 1000, "dueDate", due,
          "description", "TARI", "category", "tari"), "Host", "prova3.localhost");
      assertThat(answer.status()).as(answer.body()).isEqualTo(422);
      assertThat(answer.json().get("errors").findValuesAsString("pointer")).containsExactly("/dueDate");
    }
  }

  @Test
  void aMealCountBeyondAnIntegerIsNamedNotAServerError() {
    String admin = new PaymentFixtures(api).administrator(COMUNE);
    Api.Response answer = api.send(api.request("/api/v1/payments/canteen-meals/2020-01", admin)
        .header("Content-Type", "application/json").PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
            "{\"children\":[{\"fiscalCode\":\"" + PaymentFixtures.person(211).value()
                + "\",\"meals\":123456789012345678901234567890}]}")).build());
    assertThat(answer.status()).as(answer.body()).isEqualTo(422);
    assertThat(answer.json().get("errors").findValuesAsString("pointer")).containsExactly("/children/0/meals");
  }

  @Test
  void aCsvFileWithOneBadRowStoresNothingAndNamesTheLines() {
    PaymentFixtures payments = new PaymentFixtures(api);
    String admin = payments.administrator(COMUNE);
    String due = PaymentFixtures.today().plusDays(60).toString();
    String good = "payerFiscalCode;payerName;amountCents;dueDate;description;category;externalReference\n"
        + PaymentFixtures.person(200).value() + ";Rossi Anna;12050;" + due + ";TARI 2026 rata unica;tari;TARI-1\n"
        + PaymentFixtures.person(201).value() + ";\"Verdi; Carlo\";8000;" + due + ";\"Canone \"\"mercato\"\"\";other;"
        + "TARI-2\r\n";
    String bad = good
        + "RSSMRA80A01F20;Bianchi Luca;9000;" + due + ";TARI 2026;tari;TARI-3\n"
        + PaymentFixtures.person(203).value() + ";Neri Ugo;12,50;" + due + ";TARI 2026;tari;TARI-4\n"
        + PaymentFixtures.person(204).value() + ";Gialli Eva;1000;" + due + ";TARI 2026;astronautica;TARI-1\n";
    long before = positions();

    Api.Response refused = csv(admin, bad);
    assertThat(refused.status()).as(refused.body()).isEqualTo(422);
    assertThat(refused.json().get("code").asString()).isEqualTo("invalid-positions-csv");
    JsonNode errors = refused.json().get("errors");
    assertThat(errors.findValuesAsString("pointer")).containsExactly("/payerFiscalCode", "/amountCents",
        "/category", "/externalReference");
    assertThat(errors.findValues("line").stream().map(JsonNode::asInt).toList()).containsExactly(4, 5, 6, 6);
    assertThat(positions()).as("nothing stored").isEqualTo(before);

    Api.Response stored = csv(admin, good);
    assertThat(stored.status()).as(stored.body()).isEqualTo(201);
    assertThat(stored.json().get("count").asInt()).isEqualTo(2);
    assertThat(stored.json().get("positions").get(1).get("payer").get("name").asString()).isEqualTo("Verdi; Carlo");
    assertThat(stored.json().get("positions").get(1).get("description").asString()).isEqualTo("Canone \"mercato\"");
    assertThat(positions()).isEqualTo(before + 2);

    Api.Response again = csv(admin, good);
    assertThat(again.status()).as("the same references again").isEqualTo(422);
    assertThat(again.json().get("errors").findValuesAsString("message")).allMatch(m -> m.contains("già usato"));
    assertThat(positions()).isEqualTo(before + 2);

    assertThat(csv(payments.citizen(COMUNE, PaymentFixtures.person(200), "Anna"), good).status()).isEqualTo(403);
  }

  @Test
  void aPositionInInstalmentsGetsANoticePerInstalmentAndARetryOpensNothingNew() {
    PaymentFixtures payments = new PaymentFixtures(api);
    String system = payments.intermediary(COMUNE);
    var today = PaymentFixtures.today();
    Map<String, Object> body = Map.of("payerFiscalCode", PaymentFixtures.person(300).value(), "amountCents", 30_001,
        "dueDate", today.plusDays(90).toString(), "description", "TARI 2026", "category", "tari",
        "externalReference", "TARI-2026-300", "instalments", List.of(
            Map.of("amountCents", 10_001, "dueDate", today.plusDays(30).toString()),
            Map.of("amountCents", 10_000, "dueDate", today.plusDays(60).toString()),
            Map.of("amountCents", 10_000, "dueDate", today.plusDays(90).toString())));
    String key = UUID.randomUUID().toString();

    Api.Response first = api.post("/api/v1/payments/positions", system, body, "Idempotency-Key", key);
    Api.Response retry = api.post("/api/v1/payments/positions", system, body, "Idempotency-Key", key);

    assertThat(first.status()).as(first.body()).isEqualTo(201);
    JsonNode instalments = first.json().get("positions");
    assertThat(instalments.size()).isEqualTo(3);
    assertThat(instalments.findValuesAsString("noticeNumber")).doesNotHaveDuplicates();
    assertThat(instalments.get(0).get("instalment").get("number").asInt()).isEqualTo(1);
    assertThat(instalments.get(2).get("instalment").get("of").asInt()).isEqualTo(3);
    assertThat(instalments.get(0).get("amountCents").asLong()).isEqualTo(10_001);
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(jdbc.sql("select count(*) from debt_position where tenant_id = ? and external_reference like "
        + "'TARI-2026-300/%'").param(COMUNE).query(Long.class).single()).isEqualTo(3);

    Api.Response wrongSum = api.post("/api/v1/payments/positions", system, Map.of("payerFiscalCode",
        PaymentFixtures.person(301).value(), "amountCents", 20_000, "dueDate", today.plusDays(60).toString(),
        "description", "TARI", "category", "tari", "instalments", List.of(
            Map.of("amountCents", 10_000, "dueDate", today.plusDays(30).toString()),
            Map.of("amountCents", 9_999, "dueDate", today.plusDays(60).toString()))),
        "Accept-Language", "en");
    assertThat(wrongSum.status()).isEqualTo(422);
    assertThat(wrongSum.json().get("errors").findValuesAsString("message").toString()).contains("do not add up");

    Api.Response fraction = api.post("/api/v1/payments/positions", system, Map.of("payerFiscalCode",
        PaymentFixtures.person(302).value(), "amountCents", 100.5, "dueDate", today.toString(),
        "description", "TARI", "category", "tari"));
    assertThat(fraction.status()).isEqualTo(422);
    assertThat(fraction.json().get("errors").findValuesAsString("pointer")).containsExactly("/amountCents");
  }

  private Api.Response csv(String token, String body) {
    return api.send(api.request("/api/v1/payments/positions.csv", token).header("Content-Type", "text/csv")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
  }

  private long positions() {
    return jdbc.sql("select count(*) from debt_position where tenant_id = ?").param(COMUNE).query(Long.class)
        .single();
  }
}
