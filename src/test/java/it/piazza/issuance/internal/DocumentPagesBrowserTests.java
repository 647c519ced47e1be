package it.piazza.issuance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.piazza.cases.CaseFixtures;
import it.piazza.support.Api;
import it.piazza.support.Browser;
import it.piazza.support.PiazzaTest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The citizen file's documents in a real Chromium: Mario's residence certificate, once the registry office has
 * approved it, is under Il mio fascicolo, Documenti; he downloads it, opens its verification page (as the QR code
 * would) and checks his copy there; the public page names nobody.
 */
@PiazzaTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentPagesBrowserTests {

  @Autowired
  Api api;

  Browser browser;

  @BeforeAll
  void startChromium() {
    browser = new Browser(api.base());
  }

  @AfterAll
  void stopChromium() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void marioFindsHisCertificateDownloadsItAndVerifiesHisCopy() throws Exception {
    String mario = api.token("mario.rossi");
    CaseFixtures cases = new CaseFixtures(api);
    Api.Response receipt = api.post("/api/v1/applications", mario, Map.of("serviceId", "registry-certificate",
        "data", Map.of("certificateType", "family-status", "subject", "self", "stampDutyExempt", true,
            "exemptionReason", "legal-proceedings")));
    assertThat(receipt.status()).as(receipt.body()).isEqualTo(201);
    String caseId = receipt.json().get("id").asString();
    String lucia = api.token("lucia.esposito");
    cases.act(lucia, caseId, "take", Map.of());
    cases.act(lucia, caseId, "approve", Map.of());
    JsonNode document = await().atMost(Duration.ofSeconds(60)).until(() -> {
      for (JsonNode d : api.get("/api/v1/me/documents", mario).json()) {
        if (caseId.equals(d.path("caseId").asString(null))) {
          return d;
        }
      }
      return null;
    }, d -> d != null);
    String id = document.get("id").asString();
    String code = document.get("verificationCode").asString();
    String card = "#document-" + id;

    browser.open("/fascicolo/documenti");
    browser.signInAs("Mario Rossi");
    assertThat(browser.path()).startsWith("/fascicolo/documenti");
    assertThat(browser.find("#tab-documents").getAttribute("aria-selected")).isEqualTo("true");
    assertThat(browser.text(card + " .document-title")).isEqualTo("Certificato di stato di famiglia");
    assertThat(browser.text(card + " .document-kind")).isEqualToIgnoringCase("Certificato");
    assertThat(browser.text(card + " .document-holder")).isEqualTo("Mario Rossi");
    assertThat(browser.text(card + " .document-code")).isEqualTo(code);
    browser.check("50-documents");

    String pdfLink = browser.find(card + " a.document-pdf").getAttribute("href");
    HttpResponse<byte[]> pdf = api.browser().send(api.request(pdfLink, null, "Cookie", cookies()).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow()).contains(code);
    Path copy = Files.createTempFile("certificato-", ".pdf");
    Files.write(copy, pdf.body());

    browser.submit(card + " a.document-verify");
    assertThat(browser.path()).isEqualTo("/verify/" + code);
    assertThat(browser.text("#verify-title")).isEqualTo("Certificato di stato di famiglia");
    assertThat(browser.text("#verify-office")).contains("Anagrafe");
    assertThat(browser.text("#main")).doesNotContain("Rossi");
    browser.check("51-verify");
    browser.find("#verify-file").sendKeys(copy.toAbsolutePath().toString());
    browser.submit("#verify-submit");
    assertThat(browser.text("#copy-valid")).contains("autentica");
    browser.check("52-verify-copy-valid");

    browser.open("/verify/" + code + "?lang=en");
    assertThat(browser.text("#verify-kind")).isEqualTo("Certificate");
    browser.open("/verify?lang=it");
    browser.type("#verify-code-input", code.toLowerCase());
    browser.submit("#verify-code-form button");
    assertThat(browser.path()).isEqualTo("/verify/" + code);
    browser.open("/verify/ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ");
    assertThat(browser.text("#verify-unknown")).contains("sconosciuto");
    browser.check("53-verify-unknown");
    Files.deleteIfExists(copy);
  }

  private String cookies() {
    return browser.driver().manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
        .collect(Collectors.joining("; "));
  }
}
