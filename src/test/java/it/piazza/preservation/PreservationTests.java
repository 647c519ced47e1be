package it.piazza.preservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.piazza.cases.CaseFixtures;
import it.piazza.documents.DocumentStore;
import it.piazza.issuance.DocumentIssued;
import it.piazza.issuance.DocumentKind;
import it.piazza.support.Api;
import it.piazza.support.PiazzaTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Packages travel to the pole: a closed case with its application, receipt, attachment and decision; a document
 * issued after the closing, in a package of its own; a day's protocol register. A tampered package is rejected with
 * the pole's reason; a pole that is down is retried with growing waits, and a package whose attempts ran out waits
 * for the administrator's resend.
 */
@PiazzaTest
class PreservationTests extends PreservationTestBase {

  @Autowired
  JdbcClient jdbc;

  @AfterEach
  void poleBackToNormal() {
    POLE.mode(TestPole.Mode.ACCEPT);
  }

  @Test
  void aClosedCaseGoesToThePoleWithEverythingOfItAndIsAccepted() {
    CaseFixtures cases = new CaseFixtures(api);
    String mario = api.token("mario.rossi");
    String sara = api.token("sara.colombo");
    Api.Response filed = cases.applyForNursery(mario, UUID.randomUUID().toString());
    assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    String id = filed.json().get("id").asString();
    String protocol = filed.json().get("protocol").get("number").asString();
    cases.act(sara, id, "take", Map.of());
    cases.act(sara, id, "approve", Map.of("reason", "Posto assegnato al Nido Arcobaleno"));
    DocumentIssued decision = issue("c_b001", DocumentKind.DECISION, id, null, "Provvedimento di ammissione");
    // The decision is heard of before the office closes the case (else it would follow in a package of its own).
    await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from preservation_issued_document "
        + "where document_id = ?").param(decision.documentId().value()).query(Long.class).single() == 1);
    Api.Response closed = cases.act(sara, id, "close", Map.of());
    assertThat(closed.status()).as(closed.body()).isEqualTo(200);

    JsonNode accepted = awaitPackage("c_b001", "case", id, inState("accepted"));
    assertThat(accepted.get("attempts").asInt()).isEqualTo(1);
    assertThat(accepted.get("poleId").asString()).startsWith("POLO-");
    assertThat(accepted.get("reason")).isNull();
    String packageId = accepted.get("id").asString();
    TestPole.Received received = POLE.received(packageId).getFirst();
    assertThat(received.rejection()).isEmpty();
    assertThat(received.authorization()).isEqualTo("Basic " + java.util.Base64.getEncoder()
        .encodeToString("borgo:segreto".getBytes(StandardCharsets.UTF_8)));
    assertThat(received.files().keySet()).contains("IPdV.xml", "istanza/domanda.json",
        "istanza/ricevuta-protocollo.json", "allegati/1-isee.pdf",
        "documenti/decision-" + decision.documentId() + ".pdf");
    String application = new String(received.files().get("istanza/domanda.json"), StandardCharsets.UTF_8);
    assertThat(application).contains(cases.sofia(mario)).contains("\"outcome\" : \"approved\"")
        .contains("nido-arcobaleno");
    assertThat(new String(received.files().get("istanza/ricevuta-protocollo.json"), StandardCharsets.UTF_8))
        .contains(protocol);
    String index = new String(received.files().get("IPdV.xml"), StandardCharsets.UTF_8);
    assertThat(index).contains("sincroVersion=\"2.0\"").contains("<agid:NumeroDocumento>" + protocol)
        .contains("<agid:IndiceDiClassificazione>VII.2<").contains("<agid:TipologiaDiFlusso>E<")
        .contains("<agid:TipologiaDiFlusso>U<").contains("Comune di Borgo Piazza");

    // A certificate issued after the case's package left travels in a package of its own, linked to it.
    DocumentIssued late = issue("c_b001", DocumentKind.CERTIFICATE, id, null, "Attestato di iscrizione");
    JsonNode addendum = awaitPackage("c_b001", "case-addendum", late.documentId().toString(), inState("accepted"));
    TestPole.Received second = POLE.received(addendum.get("id").asString()).getFirst();
    assertThat(new String(second.files().get("IPdV.xml"), StandardCharsets.UTF_8))
        .contains("<agid:PacchettoCollegato>" + packageId + "<");
    assertThat(second.files()).containsKey("documenti/certificate-" + late.documentId() + ".pdf");

    // The same events again (a redelivery) make no second package.
    transactions.executeWithoutResult(tx -> events.publishEvent(late));
    assertThat(jdbc.sql("select count(*) from preservation_package where subject_ref in (?, ?)")
        .params(id, late.documentId().toString()).query(Long.class).single()).isEqualTo(2);
  }

  @Test
  void aTamperedPackageIsRejectedWithThePolesReasonAndGoesThroughOnceResent() throws IOException {
    POLE.mode(TestPole.Mode.FAIL);
    String caseId = closedCertificateCase(NOVE, 9101);
    JsonNode waiting = awaitPackage(NOVE, "case", caseId, p -> p.get("attempts").asInt() >= 1);
    String packageId = waiting.get("id").asString();

    // Someone changes a file after the index was written: the stored package no longer matches its index.
    byte[] tampered = tamper(store.open(waiting.get("sha256").asString()).orElseThrow().readAllBytes(),
        "istanza/domanda.json");
    DocumentStore.Stored stored = store.put(new ByteArrayInputStream(tampered), 10_000_000);
    jdbc.sql("update preservation_package set sha256 = ?, size = ? where id = ?::uuid")
        .params(stored.sha256(), stored.size(), packageId).update();
    POLE.mode(TestPole.Mode.ACCEPT);

    JsonNode rejected = awaitPackage(NOVE, "case", caseId, inState("rejected"));
    assertThat(rejected.get("reason").asString()).isEqualTo("hash mismatch: istanza/domanda.json");
    assertThat(rejected.get("resendable").asBoolean()).isTrue();
    assertThat(POLE.received(packageId).getLast().authorization()).isEqualTo("Bearer token-prova-nove");

    // The administrator resends it: built again from its sources, it is accepted.
    Api.Response resent = api.post("/api/v1/admin/preservation/packages/" + packageId + "/resend",
        administrator(NOVE), Map.of(), "Idempotency-Key", UUID.randomUUID().toString());
    assertThat(resent.status()).as(resent.body()).isEqualTo(200);
    assertThat(resent.json().get("state").asString()).isIn("to-send", "accepted");
    JsonNode accepted = awaitPackage(NOVE, "case", caseId, inState("accepted"));
    assertThat(accepted.get("sha256").asString()).isNotEqualTo(stored.sha256());
    assertThat(accepted.get("reason")).isNull();
  }

  @Test
  void whenThePoleIsDownThePackageIsRetriedWithGrowingWaitsAndAcceptedWhenItIsBack() {
    POLE.mode(TestPole.Mode.FAIL);
    String caseId = closedCertificateCase(NOVE, 9102);
    JsonNode failing = awaitPackage(NOVE, "case", caseId, p -> p.get("attempts").asInt() >= 2);
    assertThat(failing.get("state").asString()).isEqualTo("to-send");
    assertThat(failing.get("lastError").asString()).contains("HTTP 503");
    assertThat(java.time.Instant.parse(failing.get("nextAttemptAt").asString()))
        .isAfter(java.time.Instant.parse(failing.get("updatedAt").asString()));
    POLE.mode(TestPole.Mode.ACCEPT);
    JsonNode accepted = awaitPackage(NOVE, "case", caseId, inState("accepted"));
    assertThat(accepted.get("attempts").asInt()).isBetween(3, MAX_ATTEMPTS);
    assertThat(accepted.get("lastError")).isNull();
  }

  @Test
  void afterTheLastAttemptThePackageWaitsWithItsErrorUntilTheAdministratorResendsIt() {
    POLE.mode(TestPole.Mode.HANG);
    String caseId = closedCertificateCase(NOVE, 9103);
    JsonNode gaveUp = awaitPackage(NOVE, "case", caseId, p -> p.get("gaveUp").asBoolean());
    assertThat(gaveUp.get("state").asString()).isEqualTo("to-send");
    assertThat(gaveUp.get("attempts").asInt()).isEqualTo(MAX_ATTEMPTS);
    assertThat(gaveUp.get("lastError").asString()).contains("did not answer");
    assertThat(gaveUp.get("resendable").asBoolean()).isTrue();
    POLE.mode(TestPole.Mode.ACCEPT);
    await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2))
        .until(() -> find(NOVE, "case", caseId).get("attempts").asInt() == MAX_ATTEMPTS);

    String packageId = gaveUp.get("id").asString();
    assertThat(api.post("/api/v1/admin/preservation/packages/" + packageId + "/resend", administrator(NOVE),
        Map.of()).status()).isEqualTo(200);
    JsonNode accepted = awaitPackage(NOVE, "case", caseId, inState("accepted"));
    assertThat(accepted.get("attempts").asInt()).isEqualTo(1);
    Api.Response again = api.post("/api/v1/admin/preservation/packages/" + packageId + "/resend",
        administrator(NOVE), Map.of());
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("type").asString()).endsWith("preservation-package-not-resendable");
  }

  @Test
  void aDailyRegisterIsPreservedForEver() {
    DocumentIssued register = issue(NOVE, DocumentKind.DAILY_REGISTER, null, LocalDate.of(2026, 3, 2),
        "Registro giornaliero di protocollo del 02/03/2026");
    JsonNode accepted = awaitPackage(NOVE, "daily-register", register.documentId().toString(),
        inState("accepted"));
    TestPole.Received received = POLE.received(accepted.get("id").asString()).getFirst();
    String index = new String(received.files().get("IPdV.xml"), StandardCharsets.UTF_8);
    assertThat(index).contains("<agid:TempoDiConservazione>9999<").contains("<agid:Tipo>REGISTRO_GIORNALIERO_PROTOCOLLO<")
        .contains("<agid:NumeroDocumento>2026-03-02<").contains("<agid:IndiceDiClassificazione>I.6<");
    assertThat(received.files().get("documenti/daily-register-" + register.documentId() + ".pdf"))
        .isEqualTo(store.open(register.sha256()).map(in -> {
          try (in) {
            return in.readAllBytes();
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        }).orElseThrow());
  }

  @Test
  void aPoleThatDecidesLaterIsAskedForItsVerdict() {
    POLE.mode(TestPole.Mode.RECEIVE);
    DocumentIssued register = issue(NOVE, DocumentKind.DAILY_REGISTER, null, LocalDate.of(2026, 3, 4),
        "Registro giornaliero di protocollo del 04/03/2026");
    String subject = register.documentId().toString();
    JsonNode sent = awaitPackage(NOVE, "daily-register", subject, inState("sent"));
    assertThat(sent.get("poleId").asString()).startsWith("POLO-");
    await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(3))
        .until(() -> find(NOVE, "daily-register", subject).get("state").asString().equals("sent"));
    POLE.release();
    JsonNode accepted = awaitPackage(NOVE, "daily-register", subject, inState("accepted"));
    assertThat(accepted.get("poleId").asString()).isEqualTo(sent.get("poleId").asString());
    assertThat(accepted.get("attempts").asInt()).isEqualTo(1);
    assertThat(POLE.posts(accepted.get("id").asString())).isEqualTo(1);
  }

  @Test
  void withTheDemoProfileAndNoPoleConfiguredTheBuiltInDemoPoleChecksAndAccepts() {
    JsonNode listing = list(DIECI, "");
    assertThat(listing.get("pole").get("configured").asBoolean()).isTrue();
    assertThat(listing.get("pole").get("demo").asBoolean()).isTrue();
    DocumentIssued register = issue(DIECI, DocumentKind.DAILY_REGISTER, null, LocalDate.of(2026, 3, 3),
        "Registro giornaliero di protocollo del 03/03/2026");
    JsonNode accepted = awaitPackage(DIECI, "daily-register", register.documentId().toString(),
        inState("accepted"));
    assertThat(accepted.get("poleId").asString()).startsWith("DEMO-");
    assertThat(POLE.posts(accepted.get("id").asString())).isZero();

    // The demo pole checks like a pole: a ZIP whose index is missing is rejected with the reason.
    Api.Response refused = api.send(api.request("/demo/preservation-pole", null, "Content-Type", "application/zip")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(zipOf("a.txt", "ciao"))).build());
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().get("outcome").asString()).isEqualTo("rejected");
    assertThat(refused.json().get("reason").asString()).contains("no index");
  }

  private static byte[] zipOf(String name, String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry(name));
      zip.write(text.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }
}
