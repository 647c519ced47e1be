package it.piazza.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import it.piazza.cases.CaseFixtures;
import it.piazza.support.Api;
import it.piazza.support.PiazzaTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A service's fee becomes a debt position when the application is filed; the case waits for it; the intermediary's
 * receipt settles it and the case goes to its office. The parent sees, downloads and pays the notice; nobody else
 * sees it.
 */
@PiazzaTest
class FeePaymentsTests {

  @Autowired
  Api api;

  @Autowired
  JdbcClient jdbc;


  PaymentFixtures payments;
  String mario;
  String sara;

  @BeforeEach
  void setUp() {
    payments = new PaymentFixtures(api);
    mario = api.token("mario.rossi");
    sara = api.token("sara.colombo");
  }

  @Test
  void theSummerCampFeeIsOpenedOnFilingAndTheCaseWaitsForIt() {
    Api.Response filed = payments.summerCamp(mario);
    assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    assertThat(filed.json().get("status").asString()).isEqualTo("awaiting-payment");
    String caseId = filed.json().get("id").asString();

    JsonNode position = payments.awaitPositions(mario, caseId, 1).get(0);
    assertThat(position.get("amountCents").asLong()).isEqualTo(2000);
    assertThat(position.get("category").asString()).isEqualTo("service-fee");
    assertThat(position.get("status").asString()).isEqualTo("open");
    assertThat(position.get("payer").get("name").asString()).as("a child owes nothing: the parent does")
        .isEqualTo("Mario Rossi");
    assertThat(position.get("beneficiary").get("name").asString()).isEqualTo("Sofia Rossi");
    assertThat(position.get("creditorFiscalCode").asString()).isEqualTo("80012340016");
    String notice = position.get("noticeNumber").asString();
    assertThat(notice).matches("302\\d{15}");
    assertThat(new NoticeNumber(notice).iuv()).isEqualTo(position.get("iuv").asString());
    assertThat(position.get("description").asString()).contains("Quota d'iscrizione", filed.json().get("protocol")
        .get("number").asString());

    JsonNode mine = api.get("/api/v1/me/payments", mario).json();
    JsonNode item = find(mine, position.get("id").asString());
    assertThat(item.get("noticeNumber").asString()).isEqualTo(notice);
    assertThat(item.get("amountCents").asLong()).isEqualTo(2000);
    assertThat(item.get("dueDate").asString()).isEqualTo(PaymentFixtures.today().plusDays(30).toString());

    Api.Response early = new CaseFixtures(api).act(sara, caseId, "take", Map.of());
    assertThat(early.status()).as("the office cannot take an unpaid case").isEqualTo(409);
    assertThat(early.json().get("code").asString()).isEqualTo("action-not-allowed-in-state");

    Api.Response receipt = payments.pay(payments.intermediary("c_b001"), notice, 2000, "RT-" + UUID.randomUUID());
    assertThat(receipt.status()).as(receipt.body()).isEqualTo(201);

    await().atMost(Duration.ofSeconds(20)).until(() -> status(caseId), "registered"::equals);
    JsonNode resumed = api.get("/api/v1/applications/" + caseId, mario).json();
    assertThat(resumed.get("timeline").findValuesAsString("action"))
        .containsExactly("submit", "register", "await-payment", "payment-settled");
    assertThat(api.get("/api/v1/payments/" + position.get("id").asString(), mario).json().get("status").asString())
        .isEqualTo("paid");
    assertThat(new CaseFixtures(api).act(sara, caseId, "take", Map.of()).status()).isEqualTo(200);
  }

  @Test
  void aStampDutyExemptionOpensNoPosition() {
    String anna = api.token("anna.bianchi");
    var data = api.json().createObjectNode();
    api.get("/api/v1/services/registry-certificate", null).json().get("schema").get("examples").get(0)
        .properties().forEach(e -> data.set(e.getKey(), e.getValue()));
    data.put("stampDutyExempt", true).put("exemptionReason", "school");
    Api.Response exempt = api.post("/api/v1/applications", anna, Map.of("serviceId", "registry-certificate",
        "data", data), "Idempotency-Key", UUID.randomUUID().toString());
    assertThat(exempt.status()).as(exempt.body()).isEqualTo(201);
    assertThat(exempt.json().get("status").asString()).isEqualTo("registered");

    data.put("stampDutyExempt", false).remove("exemptionReason");
    Api.Response owing = api.post("/api/v1/applications", anna, Map.of("serviceId", "registry-certificate",
        "data", data), "Idempotency-Key", UUID.randomUUID().toString());
    assertThat(owing.json().get("status").asString()).isEqualTo("awaiting-payment");
    JsonNode stamp = payments.awaitPositions(anna, owing.json().get("id").asString(), 1).get(0);
    assertThat(stamp.get("category").asString()).isEqualTo("stamp-duty");
    assertThat(stamp.get("amountCents").asLong()).isEqualTo(1600);
    String paolo = api.token("paolo.neri");
    assertThat(api.get("/api/v1/payments/" + stamp.get("id").asString(), paolo).status())
        .as("Anna's delegate under a mandate").isEqualTo(200);
    assertThat(api.get("/api/v1/me/payments", paolo).json().findValuesAsString("id"))
        .contains(stamp.get("id").asString());
    assertThat(api.get("/api/v1/cases/" + exempt.json().get("id").asString() + "/payments", anna).json().isEmpty())
        .isTrue();
  }

  @Test
  void aFeeDueOnIssueIsOpenedWhenTheCaseIsApprovedAndDoesNotHoldTheCase() {
    String anna = api.token("anna.bianchi");
    String chiara = api.token("chiara.romano");
    var data = ((tools.jackson.databind.node.ObjectNode) api.get("/api/v1/services/building-records-access", null)
        .json().get("schema").get("examples").get(0).deepCopy()).put("requesterCapacity", "owner");
    Api.Response filed = api.post("/api/v1/applications", anna, Map.of("serviceId", "building-records-access",
        "data", data), "Idempotency-Key", UUID.randomUUID().toString());
    assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    assertThat(filed.json().get("status").asString()).isEqualTo("registered");
    String caseId = filed.json().get("id").asString();

    CaseFixtures cases = new CaseFixtures(api);
    assertThat(cases.act(chiara, caseId, "take", Map.of()).status()).isEqualTo(200);
    assertThat(api.get("/api/v1/cases/" + caseId + "/payments", chiara).json().isEmpty()).isTrue();
    assertThat(cases.act(chiara, caseId, "approve", Map.of("reason", "Copie pronte")).status()).isEqualTo(200);

    JsonNode fee = payments.awaitPositions(chiara, caseId, 1).get(0);
    assertThat(fee.get("amountCents").asLong()).isEqualTo(1500);
    assertThat(fee.get("payer").get("name").asString()).isEqualTo("Anna Bianchi");
  }

  @Test
  void theNoticePdfCarriesWhatThePayerNeedsAndAReadableQrCode() throws Exception {
    String caseId = payments.summerCamp(mario).json().get("id").asString();
    JsonNode position = payments.awaitPositions(mario, caseId, 1).get(0);
    String id = position.get("id").asString();
    String notice = position.get("noticeNumber").asString();

    HttpResponse<byte[]> answer = api.browser().send(api.request("/api/v1/payments/" + id + "/notice.pdf", mario)
        .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");

    try (PDDocument pdf = Loader.loadPDF(answer.body())) {
      String text = new PDFTextStripper().getText(pdf);
      assertThat(text).contains("AVVISO DI PAGAMENTO", "Comune di Borgo Piazza", "80012340016", "Mario Rossi",
          "20,00 euro", "Sofia Rossi", position.get("iuv").asString(),
          new NoticeNumber(notice).grouped(), PaymentFixtures.today().plusDays(30)
              .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
      assertThat(text.replace(" ", "")).contains(notice);
      assertThat(qrCodes(pdf)).containsExactly("PAGOPA|002|" + notice + "|80012340016|2000");
    }
    long downloads = jdbc.sql("select count(*) from audit_entry where action = 'download' and record_id = ?")
        .param(id).query(Long.class).single();
    assertThat(downloads).as("downloads are audited").isEqualTo(1);

    assertThat(api.get("/api/v1/payments/" + id + "/notice.pdf", api.token("anna.bianchi")).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/payments/" + id + "/notice.pdf", sara).status()).as("the case's office")
        .isEqualTo(200);
  }

  @Test
  void theAppIoMessageCarriesThePaymentData() {
    String caseId = payments.summerCamp(mario).json().get("id").asString();
    JsonNode position = payments.awaitPositions(mario, caseId, 1).get(0);

    JsonNode message = api.get("/api/v1/payments/" + position.get("id").asString() + "/io-message", mario).json();
    assertThat(message.get("fiscal_code").asString()).isEqualTo(position.get("payer").get("fiscalCode").asString());
    JsonNode content = message.get("content");
    assertThat(content.get("subject").asString().length()).isBetween(10, 120);
    assertThat(content.get("markdown").asString().length()).isBetween(80, 10_000);
    assertThat(content.get("due_date").asString()).endsWith("Z");
    JsonNode paymentData = content.get("payment_data");
    assertThat(paymentData.get("amount").asLong()).isEqualTo(2000);
    assertThat(paymentData.get("notice_number").asString()).isEqualTo(position.get("noticeNumber").asString());
    assertThat(paymentData.get("payee").get("fiscal_code").asString()).isEqualTo("80012340016");
  }

  @Test
  void nobodyElseSeesTheFeeNotEvenAnotherComune() {
    String caseId = payments.summerCamp(mario).json().get("id").asString();
    String id = payments.awaitPositions(mario, caseId, 1).get(0).get("id").asString();

    for (String outsider : List.of("anna.bianchi", "paolo.neri", "lucia.esposito", "laura.marino", "matteo.greco")) {
      String token = api.token(outsider);
      Api.Response answer = api.get("/api/v1/payments/" + id, token);
      assertThat(answer.status()).as(outsider).isEqualTo(404);
      assertThat(answer.json().get("code").asString()).isEqualTo("payment-not-found");
      assertThat(api.get("/api/v1/payments/" + id + "/io-message", token).status()).as(outsider).isEqualTo(404);
      assertThat(api.get("/api/v1/cases/" + caseId + "/payments", token).status()).as(outsider).isEqualTo(404);
      assertThat(api.get("/api/v1/me/payments", token).json().findValuesAsString("id")).doesNotContain(id);
    }
    assertThat(api.get("/api/v1/payments/" + id, null).status()).isEqualTo(401);
    assertThat(api.get("/api/v1/payments/" + id, sara).status()).as("the case's office").isEqualTo(200);
    assertThat(api.get("/api/v1/payments/" + id, api.token("elena.galli")).status()).as("the administrator")
        .isEqualTo(200);
  }

  private String status(String caseId) {
    return api.get("/api/v1/applications/" + caseId, mario).json().get("status").asString();
  }

  static JsonNode find(JsonNode list, String id) {
    for (JsonNode item : list) {
      if (item.get("id").asString().equals(id)) {
        return item;
      }
    }
    throw new AssertionError(id + " not in " + list);
  }

  static List<String> qrCodes(PDDocument pdf) throws Exception {
    List<String> found = new ArrayList<>();
    for (PDPage page : pdf.getPages()) {
      for (COSName name : page.getResources().getXObjectNames()) {
        if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
          var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image.getImage())));
          found.add(new MultiFormatReader().decode(bitmap).getText());
        }
      }
    }
    return found;
  }
}
