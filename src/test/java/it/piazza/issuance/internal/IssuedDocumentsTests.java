package it.piazza.issuance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.piazza.cases.CaseDecided;
import it.piazza.cases.CaseFixtures;
import it.piazza.cases.CaseId;
import it.piazza.cases.CaseStatus;
import it.piazza.catalog.ServiceId;
import it.piazza.identity.FiscalCode;
import it.piazza.tenancy.TenantId;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import it.piazza.issuance.PdfChecks;
import it.piazza.support.Api;
import it.piazza.support.PiazzaTest;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The story of a certificate, over HTTP against the running application: Mario asks Borgo Piazza for his residence
 * certificate, the registry office approves, the comune issues it sealed; Mario finds it in his file, downloads it,
 * veraPDF and DSS accept it, and anyone can verify it by its code — and tell an altered copy from the real one.
 */
@PiazzaTest
class IssuedDocumentsTests {

  @Autowired
  Api api;

  @Autowired
  Seal seal;

  @Autowired
  DecidedCases decidedCases;

  @Autowired
  JdbcClient jdbc;

  CaseFixtures fixtures;

  /** Mario (or whoever the token is for) asks for a certificate; the registry office takes and approves it. */
  String certificateIssued(String token, Map<String, Object> data, String... headers) {
    fixtures = new CaseFixtures(api);
    Api.Response receipt = api.post("/api/v1/applications", token, Map.of("serviceId", "registry-certificate",
        "data", data), headers);
    assertThat(receipt.status()).as(receipt.body()).isEqualTo(201);
    String id = receipt.json().get("id").asString();
    String lucia = api.token("lucia.esposito");
    assertThat(fixtures.act(lucia, id, "take", Map.of()).status()).isEqualTo(200);
    assertThat(fixtures.act(lucia, id, "approve", Map.of()).status()).isEqualTo(200);
    return id;
  }

  static Map<String, Object> residence() {
    return Map.of("certificateType", "residence", "subject", "self", "stampDutyExempt", true,
        "exemptionReason", "school");
  }

  JsonNode documentOf(String token, String caseId) {
    return await().atMost(Duration.ofSeconds(60)).until(() -> {
      for (JsonNode d : api.get("/api/v1/me/documents", token).json()) {
        if (caseId.equals(d.path("caseId").asString(null))) {
          return d;
        }
      }
      return null;
    }, d -> d != null);
  }

  byte[] download(String token, String documentId) {
    HttpResponse<byte[]> answer = bytes(api.request("/api/v1/documents/" + documentId + "/content", token).GET()
        .build());
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type")).contains("application/pdf");
    return answer.body();
  }

  @Test
  void marioGetsASealedResidenceCertificateThatAnyoneCanVerify() throws Exception {
    String mario = api.token("mario.rossi");
    String caseId = certificateIssued(mario, residence());
    JsonNode document = documentOf(mario, caseId);
    assertThat(document.get("kind").asString()).isEqualTo("CERTIFICATE");
    assertThat(document.get("title").asString()).isEqualTo("Certificato di residenza");
    String code = document.get("verificationCode").asString();
    assertThat(code).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){4}");

    byte[] pdf = download(mario, document.get("id").asString());
    assertThat(PdfChecks.pdfA2bFailures(pdf)).isEmpty();
    Seal.Verdict verdict = seal.check(pdf);
    assertThat(verdict.indication()).isEqualTo("TOTAL_PASSED");
    String text = new String(pdf, StandardCharsets.ISO_8859_1);
    assertThat(text).contains("pdfaid:part>2").contains("pdfaid:conformance>B");

    JsonNode verified = api.get("/verify/" + code, null, "Accept", "application/json").json();
    assertThat(verified.get("valid").asBoolean()).isTrue();
    assertThat(verified.get("kind").asString()).isEqualTo("CERTIFICATE");
    assertThat(verified.get("title").asString()).isEqualTo("Certificato di residenza");
    assertThat(verified.get("office").asString()).contains("Anagrafe");
    assertThat(verified.get("sha256").asString()).isEqualTo(document.get("sha256").asString());
    assertThat(verified.has("issuedAt")).isTrue();
    // Data minimisation: the public answer names nobody.
    assertThat(verified.toString()).doesNotContain("Rossi").doesNotContain(document.get("holder").asString());
    assertThat(api.get("/verify/" + code, null).status()).as("no Accept header").isEqualTo(200);
    Api.Response page = api.get("/verify/" + code.toLowerCase().replace("-", ""), null, "Accept", "text/html");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("Certificato di residenza").doesNotContain("Rossi");

    JsonNode same = api.upload("/verify/" + code, null, Map.of(), "certificato.pdf", "application/pdf", pdf).json();
    assertThat(same.get("valid").asBoolean()).isTrue();
    assertThat(same.get("matchesFingerprint").asBoolean()).isTrue();
    assertThat(same.get("sealIntact").asBoolean()).isTrue();

    byte[] altered = pdf.clone();
    // One bit, in the middle of the sealed file (page content, compressed objects or the signature itself).
    altered[pdf.length / 2] ^= 0x01;
    assertThat(seal.check(altered).intact()).isFalse();
    Api.Response forgedAnswer = api.upload("/verify/" + code, null, Map.of(), "certificato.pdf", "application/pdf",
        altered);
    assertThat(forgedAnswer.status()).as(forgedAnswer.body()).isEqualTo(200);
    JsonNode forged = forgedAnswer.json();
    assertThat(forged.get("valid").asBoolean()).isFalse();
    assertThat(forged.get("matchesFingerprint").asBoolean()).isFalse();
    assertThat(forged.get("sealIntact").asBoolean()).isFalse();
  }

  @Test
  void onlyTheHolderTheirDelegatesTheCaseOfficeAndAdministratorsMayReadADocument() {
    String mario = api.token("mario.rossi");
    // Mario asks, as Sofia's parent, for Sofia's residence certificate: it is hers, and Mario sees it.
    String sofia = new CaseFixtures(api).sofia(mario);
    String caseId = certificateIssued(mario, residence(), "On-Behalf-Of", sofia);
    JsonNode document = documentOf(mario, caseId);
    assertThat(document.get("holder").asString()).isEqualTo(sofia);
    String path = "/api/v1/documents/" + document.get("id").asString() + "/content";

    assertThat(api.get(path, mario).status()).isEqualTo(200);
    assertThat(api.get(path, api.token("lucia.esposito")).status()).isEqualTo(200);
    assertThat(api.get(path, api.token("elena.galli")).status()).isEqualTo(200);
    for (String outsider : new String[] {"anna.bianchi", "sara.colombo", "laura.marino", "silvia.bruno"}) {
      Api.Response answer = api.get(path, api.token(outsider));
      assertThat(answer.status()).as(outsider).isEqualTo(404);
      assertThat(answer.isProblem()).isTrue();
    }
    assertThat(api.get("/api/v1/me/documents", api.token("anna.bianchi")).json().findValuesAsString("id"))
        .doesNotContain(document.get("id").asString());
    assertThat(api.get("/api/v1/documents/" + UUID.randomUUID() + "/content", mario).status()).isEqualTo(404);
  }

  @Test
  void aCertificateTheRegistryCannotGiveBecomesADecisionSayingWhy() {
    // Paolo lives elsewhere: the registry of Borgo Piazza does not hold him.
    String paolo = api.token("paolo.neri");
    String caseId = certificateIssued(paolo, residence());
    JsonNode document = documentOf(paolo, caseId);
    assertThat(document.get("kind").asString()).isEqualTo("DECISION");
    assertThat(document.get("title").asString()).startsWith("Comunicazione di mancato rilascio");
    String anna = api.token("anna.bianchi");
    String citizenship = certificateIssued(anna, Map.of("certificateType", "citizenship", "subject", "self",
        "stampDutyExempt", true, "exemptionReason", "school"));
    assertThat(documentOf(anna, citizenship).get("kind").asString()).isEqualTo("DECISION");
  }

  @Test
  void anApprovedNurseryApplicationGetsItsDecisionOnceHoweverOftenTheEventComes() {
    String mario = api.token("mario.rossi");
    CaseFixtures cases = new CaseFixtures(api);
    String caseId = cases.applyForNursery(mario, UUID.randomUUID().toString()).json().get("id").asString();
    String sara = api.token("sara.colombo");
    cases.act(sara, caseId, "take", Map.of());
    cases.act(sara, caseId, "approve", Map.of("reason", "Posto assegnato al Nido Arcobaleno"));
    JsonNode decision = documentOf(mario, caseId);
    assertThat(decision.get("kind").asString()).isEqualTo("DECISION");
    assertThat(decision.get("title").asString()).startsWith("Provvedimento di accoglimento");
    assertThat(decision.get("holder").asString()).isEqualTo(cases.sofia(mario));
    assertThat(decision.get("protocolNumber").asString()).matches("\\d{4}/\\d{7}");
    byte[] pdf = download(mario, decision.get("id").asString());
    assertThat(PdfChecks.pdfA2bFailures(pdf)).isEmpty();
    assertThat(seal.check(pdf).intact()).isTrue();

    // The listener called again (a redelivered event, a second node): the same document, nothing new.
    CaseDecided again = new CaseDecided(new CaseId(UUID.fromString(caseId)), new TenantId("c_b001"),
        new FiscalCode(cases.sofia(mario)), new ServiceId("nursery-enrolment"), CaseStatus.APPROVED,
        LocalDate.now(), false);
    decidedCases.on(again);
    decidedCases.on(again);
    assertThat(jdbc.sql("select count(*) from issued_document where case_id = ?::uuid").param(caseId)
        .query(Long.class).single()).isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from protocol_entry where document_reference = ?")
        .param("issued-document:" + decision.get("id").asString()).query(Long.class).single()).isEqualTo(1);
    // Sara, of the office that decided, may read it; Lucia, of another office, may not.
    assertThat(api.get("/api/v1/documents/" + decision.get("id").asString() + "/content", sara).status())
        .isEqualTo(200);
    assertThat(api.get("/api/v1/documents/" + decision.get("id").asString() + "/content",
        api.token("lucia.esposito")).status()).isEqualTo(404);
  }

  @Test
  void verificationAnswersUnknownCodesAndBadCopiesWithProblems() {
    Api.Response unknown = api.get("/verify/AAAA-BBBB-CCCC-DDDD-EEEE", null, "Accept", "application/json");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.isProblem()).isTrue();
    assertThat(api.get("/verify/nonsense", null, "Accept", "text/html").status()).isEqualTo(404);

    String mario = api.token("mario.rossi");
    String code = documentOf(mario, certificateIssued(mario, residence())).get("verificationCode").asString();
    Api.Response noFile = api.upload("/verify/" + code, null, Map.of("note", "x"), null, null, null);
    assertThat(noFile.status()).isEqualTo(400);
    assertThat(noFile.isProblem()).isTrue();
    Api.Response notPdf = api.upload("/verify/" + code, null, Map.of(), "a.pdf", "application/pdf",
        "hello, I am text".getBytes());
    assertThat(notPdf.status()).isEqualTo(415);
    assertThat(notPdf.isProblem()).isTrue();
    byte[] huge = new byte[3 * 1024 * 1024];
    Arrays.fill(huge, (byte) ' ');
    System.arraycopy("%PDF-".getBytes(), 0, huge, 0, 5);
    Api.Response tooLarge = api.upload("/verify/" + code, null, Map.of(), "big.pdf", "application/pdf", huge);
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.isProblem()).isTrue();
  }

  private HttpResponse<byte[]> bytes(HttpRequest request) {
    try {
      return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

}
