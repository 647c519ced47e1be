package it.piazza.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.piazza.support.Api;
import it.piazza.support.Browser;
import it.piazza.support.PiazzaTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The citizen file's payments in a real Chromium: a parent enrols his daughter in the summer camps, whose fee is due
 * before the office looks at the application; he finds the notice under Il mio fascicolo, Pagamenti, its PDF is
 * there for him, he pays it with the demo simulator and sees it paid, and the application goes on to the office.
 */
@PiazzaTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaymentPagesBrowserTests {

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
  void aParentFindsTheFeeInHisFileAndPaysIt() throws Exception {
    String mario = api.token("mario.rossi");
    PaymentFixtures payments = new PaymentFixtures(api);
    Api.Response filed = payments.summerCamp(mario);
    assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    String caseId = filed.json().get("id").asString();
    String protocol = filed.json().get("protocol").get("number").asString();
    JsonNode position = payments.awaitPositions(mario, caseId, 1).get(0);
    String id = position.get("id").asString();
    String notice = position.get("noticeNumber").asString();
    String card = "#payment-" + id;

    // Il mio fascicolo: the application waits for its fee; Pagamenti is a section of its own now.
    browser.open("/fascicolo");
    browser.signInAs("Mario Rossi");
    assertThat(browser.path()).startsWith("/fascicolo");
    assertThat(browser.text("#applications")).contains(protocol).contains("In attesa di pagamento");
    assertThat(browser.find("#tab-payments").getAttribute("href")).endsWith("/fascicolo/pagamenti");
    assertThat(browser.text("#tab-payments")).isEqualTo("Pagamenti");
    browser.submit("#tab-payments");

    // The notice: what, for whom, how much, by when, its number; to pay.
    assertThat(browser.path()).isEqualTo("/fascicolo/pagamenti");
    assertThat(browser.find("#tab-payments").getAttribute("aria-selected")).isEqualTo("true");
    assertThat(browser.text(card + " h3")).contains("Quota d'iscrizione").contains(protocol);
    assertThat(browser.text(card + " .payment-status")).isEqualToIgnoringCase("Da pagare");
    assertThat(browser.text(card + " .payment-amount")).isEqualTo("€ 20,00");
    assertThat(browser.text(card + " .payment-for")).isEqualTo("Sofia Rossi");
    assertThat(browser.text(card + " .payment-due")).isEqualTo(PaymentFixtures.today().plusDays(30)
        .format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
    assertThat(browser.text(card + " .payment-notice")).isEqualTo(notice);
    assertThat(browser.text(card)).contains("Pagamento simulato (ambiente dimostrativo)");
    assertThat(browser.text("#payments-simulated")).contains("Nessun addebito reale");
    browser.script("document.querySelector(arguments[0]).scrollIntoView({block: 'center'})", card);
    browser.check("40-payments-to-pay");

    // The notice's PDF is his, with his session, over plain HTTP (nothing is downloaded in the browser).
    String pdfLink = browser.find(card + " a.payment-notice-pdf").getAttribute("href");
    assertThat(pdfLink).endsWith("/fascicolo/pagamenti/" + id + "/avviso.pdf");
    HttpResponse<byte[]> pdf = api.browser().send(api.request(pdfLink, null, "Cookie", sessionCookies()).GET()
        .build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
    assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("attachment").contains("avviso-" + notice + ".pdf");
    assertThat(new String(Arrays.copyOf(pdf.body(), 5), StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");

    // He pays with the demo simulator and sees it paid.
    browser.submit("#pay-" + id);
    assertThat(browser.path()).isEqualTo("/fascicolo/pagamenti");
    assertThat(browser.text("#payment-done")).contains(notice).contains("pagato");
    assertThat(browser.text(card + " .payment-status")).isEqualToIgnoringCase("Pagato");
    assertThat(browser.text(card + " .payment-paid-at")).isNotBlank();
    assertThat(browser.all("#pay-" + id)).as("paid once: no button any more").isEmpty();
    browser.script("document.querySelector(arguments[0]).scrollIntoView({block: 'center'})", card);
    browser.check("41-payments-paid");

    // The same in the API: paid by the simulator's receipt; the application goes on to its office.
    assertThat(api.get("/api/v1/payments/" + id, mario).json().get("status").asString()).isEqualTo("paid");
    await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/applications/" + caseId, mario).json()
        .get("status").asString(), "registered"::equals);
    browser.submit("#tab-cases");
    assertThat(browser.path()).isEqualTo("/fascicolo");
    assertThat(browser.text("#applications")).contains(protocol);

    // In English too.
    browser.open("/fascicolo/pagamenti?lang=en");
    assertThat(browser.text(card + " .payment-status")).isEqualToIgnoringCase("Paid");
    assertThat(browser.text("#tab-payments")).isEqualTo("Payments");
    browser.check("42-payments-english");
    browser.open("/?lang=it");
  }

  private String sessionCookies() {
    return browser.driver().manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
        .collect(Collectors.joining("; "));
  }
}
