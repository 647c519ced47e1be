package it.piazza.preservation;

import static org.assertj.core.api.Assertions.assertThat;

import it.piazza.issuance.DocumentIssued;
import it.piazza.issuance.DocumentKind;
import it.piazza.support.Browser;
import it.piazza.support.PiazzaTest;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The administrator's preservation page in a real Chromium: Borgo Piazza's administrator sees an accepted daily
 * register and a rejected one with the pole's reason, sends the rejected one again and sees it accepted; in English
 * too. No serious or critical accessibility violation.
 */
@PiazzaTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PreservationPagesBrowserTests extends PreservationTestBase {

  @Autowired
  JdbcClient jdbc;

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

  @AfterEach
  void poleBackToNormal() {
    POLE.mode(TestPole.Mode.ACCEPT);
  }

  @Test
  void theAdministratorSeesThePackagesAndResendsARejectedOne() throws Exception {
    DocumentIssued good = issue("c_b001", DocumentKind.DAILY_REGISTER, null, LocalDate.of(2026, 6, 1),
        "Registro giornaliero di protocollo del 01/06/2026");
    String accepted = awaitPackage("c_b001", "daily-register", good.documentId().toString(), inState("accepted"))
        .get("id").asString();
    JsonNode rejected = rejectedRegister("c_b001", LocalDate.of(2026, 6, 2), jdbc);
    String id = rejected.get("id").asString();

    browser.open("/ufficio/conservazione?tipo=daily-register");
    browser.signInAs("Elena Galli");
    assertThat(browser.path()).startsWith("/ufficio/conservazione");
    assertThat(browser.text("h1")).isEqualTo("Conservazione digitale");
    assertThat(browser.find("nav.main-nav a[aria-current='page']").getText()).isEqualTo("Conservazione");
    assertThat(browser.text("#pole-status")).contains("configurato");
    assertThat(browser.text("#package-" + accepted + " .package-state")).isEqualToIgnoringCase("Accettato");
    assertThat(browser.text("#package-" + id + " .package-state")).isEqualToIgnoringCase("Rifiutato");
    assertThat(browser.text("#package-" + id + " .package-reason")).contains("hash mismatch");
    assertThat(browser.all("#resend-" + accepted)).isEmpty();
    browser.script("document.querySelector(arguments[0]).scrollIntoView({block: 'center'})", "#package-" + id);
    browser.check("60-preservation-packages");

    browser.submit("#resend-" + id);
    assertThat(browser.text("#resent")).contains(id);
    awaitPackage("c_b001", "daily-register", rejected.get("subject").asString(), inState("accepted"));
    browser.open("/ufficio/conservazione?tipo=daily-register&stato=accepted");
    assertThat(browser.text("#package-" + id + " .package-state")).isEqualToIgnoringCase("Accettato");

    browser.open("/ufficio/conservazione?lang=en");
    assertThat(browser.text("h1")).isEqualTo("Digital preservation");
    assertThat(browser.text("#package-" + id + " .package-state")).isEqualToIgnoringCase("Accepted");
    browser.check("61-preservation-english");
    browser.open("/?lang=it");
  }

  @Test
  void visitorsWhoAreNotSignedInAreSentToSignIn() throws Exception {
    var client = api.browser();
    var answer = client.send(api.request("/ufficio/conservazione", null).GET().build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(302);
    assertThat(answer.headers().firstValue("Location").orElseThrow()).contains("/login");
  }
}
