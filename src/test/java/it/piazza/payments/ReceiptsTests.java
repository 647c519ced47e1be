package it.piazza.payments;

import static org.assertj.core.api.Assertions.assertThat;

import it.piazza.identity.FiscalCode;
import it.piazza.support.Api;
import it.piazza.support.PiazzaTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Receipts from the intermediary settle a position once, whatever is sent twice or at once; receipts that cannot
 * settle anything are refused with a clear problem and change nothing. In a comune of their own (c_t101), so their
 * refusals stay out of the demo comune's reconciliation.
 */
@PiazzaTest
class ReceiptsTests {

  static final String COMUNE = "c_t101";

  @Autowired
  Api api;

  @Autowired
  JdbcClient jdbc;

  PaymentFixtures payments;
  String intermediary;

  @BeforeEach
  void setUp() {
    payments = new PaymentFixtures(api);
    intermediary = payments.intermediary(COMUNE);
  }

  JsonNode open(int person, long cents, Map<String, Object> more) {
    Api.Response answer = payments.importPosition(intermediary, PaymentFixtures.person(person), cents,
        PaymentFixtures.today().plusDays(30), "tari", more);
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    return answer.json().get("positions").get(0);
  }

  @Test
  void aReceiptSentAgainIsAnsweredAsBeforeAndSettlesOnce() {
    JsonNode position = open(1, 15_000, Map.of());
    String notice = position.get("noticeNumber").asString();
    assertThat(notice).as("Prova Uno uses the default segregation code").startsWith("301");
    String receiptId = "RT-" + UUID.randomUUID();

    Api.Response first = payments.pay(intermediary, notice, 15_000, receiptId);
    Api.Response again = payments.pay(intermediary, notice, 15_000, receiptId);

    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
    assertThat(receipts(notice)).isEqualTo(1);
    assertThat(settlements(notice)).isEqualTo(1);
    assertThat(api.get("/api/v1/payments/" + position.get("id").asString(), payments.administrator(COMUNE)).json()
        .get("status").asString()).isEqualTo("paid");

    Api.Response reused = payments.pay(intermediary, notice, 14_000, receiptId);
    assertProblem(reused, 409, "receipt-id-reused");
  }

  @Test
  void fiftyConcurrentReceiptsSettleThePositionOnce() throws Exception {
    String sameId = open(2, 9_900, Map.of()).get("noticeNumber").asString();
    String manyIds = open(3, 9_900, Map.of()).get("noticeNumber").asString();
    String receiptId = "RT-" + UUID.randomUUID();
    List<Callable<Integer>> calls = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      calls.add(() -> payments.pay(intermediary, sameId, 9_900, receiptId).status());
      calls.add(() -> payments.pay(intermediary, manyIds, 9_900, "RT-" + UUID.randomUUID()).status());
    }
    List<Integer> statuses = new ArrayList<>();
    try (var pool = Executors.newFixedThreadPool(32)) {
      for (Future<Integer> status : pool.invokeAll(calls)) {
        statuses.add(status.get());
      }
    }

    assertThat(statuses).filteredOn(s -> s == 201).hasSize(2);
    assertThat(statuses).filteredOn(s -> s == 200).as("the same receipt, replayed").hasSize(49);
    assertThat(statuses).filteredOn(s -> s == 409).as("other receipts for a paid notice").hasSize(49);
    assertThat(receipts(sameId)).isEqualTo(1);
    assertThat(receipts(manyIds)).isEqualTo(1);
    assertThat(settlements(sameId)).isEqualTo(1);
    assertThat(settlements(manyIds)).isEqualTo(1);
  }

  @Test
  void receiptsThatCannotSettleAreClearProblemsAndChangeNothing() {
    JsonNode position = open(4, 5_000, Map.of());
    String notice = position.get("noticeNumber").asString();

    Api.Response unknown = payments.pay(intermediary, NoticeNumber.of("01", 9_999_999_999_999L).value(), 5_000,
        "RT-" + UUID.randomUUID());
    assertProblem(unknown, 404, "notice-not-found");
    assertThat(unknown.json().get("pagopaCode").asString()).isEqualTo("PAA_PAGAMENTO_SCONOSCIUTO");

    Api.Response wrong = payments.pay(intermediary, notice, 4_999, "RT-" + UUID.randomUUID());
    assertProblem(wrong, 422, "receipt-amount-mismatch");
    assertThat(wrong.json().get("detail").asString()).contains("49,99", "50,00");

    Api.Response otherComune = payments.pay(payments.intermediary("c_t102"), notice, 5_000, "RT-" + UUID.randomUUID());
    assertProblem(otherComune, 404, "notice-not-found");

    Api.Response malformed = api.post("/api/v1/payments/receipts", intermediary, Map.of("receiptId", "RT-x",
        "noticeNumber", "302000000000000185", "amountCents", 50.5, "paidAt", Instant.now().toString()));
    assertProblem(malformed, 422, "invalid-receipt");
    assertThat(malformed.json().get("errors").findValuesAsString("pointer"))
        .containsExactlyInAnyOrder("/noticeNumber", "/amountCents");

    assertThat(receipts(notice)).isZero();
    assertThat(status(position)).isEqualTo("open");

    JsonNode report = api.get("/api/v1/payments/reconciliation?date=" + PaymentFixtures.today(),
        payments.administrator(COMUNE)).json();
    assertThat(report.get("balanced").asBoolean()).as("refused receipts are money to follow up").isFalse();
    assertThat(report.get("discrepancies").findValuesAsString("detail"))
        .contains("notice-not-found", "receipt-amount-mismatch");
    assertThat(api.get("/api/v1/payments/reconciliation?date=ieri", payments.administrator(COMUNE)).status())
        .isEqualTo(400);

    Api.Response byACitizen = payments.pay(payments.citizen(COMUNE, PaymentFixtures.person(4), "Prova"), notice,
        5_000, "RT-" + UUID.randomUUID());
    assertThat(byACitizen.status()).isEqualTo(403);
    assertThat(payments.pay(null, notice, 5_000, "RT-x").status()).isEqualTo(401);
    assertThat(receipts(notice)).isZero();
  }

  @Test
  void expiredAndCancelledPositionsRefuseReceipts() {
    LocalDate yesterday = PaymentFixtures.today().minusDays(1);
    Api.Response lapsed = payments.importPosition(intermediary, PaymentFixtures.person(5), 3_000,
        yesterday.minusDays(10), "other", Map.of("validUntil", yesterday.toString()));
    String expiredNotice = lapsed.json().get("positions").get(0).get("noticeNumber").asString();
    assertThat(lapsed.json().get("positions").get(0).get("status").asString()).isEqualTo("expired");
    Api.Response expired = payments.pay(intermediary, expiredNotice, 3_000, "RT-" + UUID.randomUUID());
    assertProblem(expired, 409, "payment-expired");
    assertThat(expired.json().get("pagopaCode").asString()).isEqualTo("PAA_PAGAMENTO_SCADUTO");

    JsonNode position = open(6, 3_000, Map.of());
    String admin = payments.administrator(COMUNE);
    String id = position.get("id").asString();
    assertProblem(api.post("/api/v1/payments/" + id + "/cancel", admin, Map.of()), 422, "invalid-debt-position");
    Api.Response cancelled = api.post("/api/v1/payments/" + id + "/cancel", admin, Map.of("reason",
        "Iscrizione al ruolo errata"));
    assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
    assertThat(cancelled.json().get("status").asString()).isEqualTo("cancelled");
    Api.Response refused = payments.pay(intermediary, position.get("noticeNumber").asString(), 3_000,
        "RT-" + UUID.randomUUID());
    assertProblem(refused, 409, "payment-cancelled");

    JsonNode paid = open(7, 3_000, Map.of());
    payments.pay(intermediary, paid.get("noticeNumber").asString(), 3_000, "RT-" + UUID.randomUUID());
    assertProblem(api.post("/api/v1/payments/" + paid.get("id").asString() + "/cancel", admin,
        Map.of("reason", "ripensamento")), 409, "payment-not-cancellable");
    assertThat(api.post("/api/v1/payments/" + id + "/cancel", payments.citizen(COMUNE, PaymentFixtures.person(6),
        "Prova"), Map.of("reason", "no")).status()).isEqualTo(403);
  }

  @Test
  void aCitizenSeesTheirImportedPositionsAndNobodyElses() {
    FiscalCode owner = PaymentFixtures.person(8);
    String id = open(8, 12_345, Map.of()).get("id").asString();

    JsonNode mine = api.get("/api/v1/me/payments", payments.citizen(COMUNE, owner, "Prova Otto")).json();
    assertThat(mine.findValuesAsString("id")).containsExactly(id);
    assertThat(mine.get(0).get("category").asString()).isEqualTo("tari");
    String other = payments.citizen(COMUNE, PaymentFixtures.person(9), "Prova Nove");
    assertThat(api.get("/api/v1/me/payments", other).json().isEmpty()).isTrue();
    assertThat(api.get("/api/v1/payments/" + id, other).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/payments/" + id, payments.citizen("c_t102", owner, "Prova Otto")).status())
        .as("the same person, in another comune").isEqualTo(404);
    assertThat(api.get("/api/v1/payments/" + id, payments.administrator("c_t102")).status()).isEqualTo(404);
  }

  private long receipts(String notice) {
    return jdbc.sql("select count(*) from payment_receipt where notice_number = ?").param(notice).query(Long.class)
        .single();
  }

  /** PaymentSettled events raised for a notice, as the outbox stored them (one listener: the case resumer). */
  private long settlements(String notice) {
    return jdbc.sql("select count(*) from event_publication where event_type like '%PaymentSettled' and "
        + "serialized_event like ?").param("%" + notice + "%").query(Long.class).single();
  }

  private String status(JsonNode position) {
    return api.get("/api/v1/payments/" + position.get("id").asString(), payments.administrator(COMUNE)).json()
        .get("status").asString();
  }

  static void assertProblem(Api.Response answer, int status, String code) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.isProblem()).isTrue();
    assertThat(answer.json().get("code").asString()).isEqualTo(code);
  }
}
