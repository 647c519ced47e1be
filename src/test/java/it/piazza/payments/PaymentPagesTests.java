package it.piazza.payments;

import static org.assertj.core.api.Assertions.assertThat;

import it.piazza.support.Api;
import it.piazza.support.PiazzaTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The citizen file's payments over HTTP, as a browser signed in on the portal: the page and the notice are only
 * for the people the position concerns (anyone else is told it does not exist), every download is audited, and
 * nobody pays someone else's notice.
 */
@PiazzaTest
class PaymentPagesTests {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"");

  @Autowired
  Api api;

  @Autowired
  JdbcClient jdbc;

  @Test
  void onlyThePayerSideSeesTheNoticeAndNobodyElsePaysIt() throws Exception {
    String marioToken = api.token("mario.rossi");
    PaymentFixtures payments = new PaymentFixtures(api);
    String caseId = payments.summerCamp(marioToken).json().get("id").asString();
    var position = payments.awaitPositions(marioToken, caseId, 1).get(0);
    String id = position.get("id").asString();
    String notice = position.get("noticeNumber").asString();
    String pdfRoute = "/fascicolo/pagamenti/" + id + "/avviso.pdf";

    HttpResponse<String> anonymous = api.browser().send(get(pdfRoute), HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(302);
    assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/login");

    HttpClient mario = signedIn("mario.rossi");
    HttpResponse<String> page = mario.send(get("/fascicolo/pagamenti"), HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(notice).contains("€ 20,00").contains("Da pagare")
        .contains("action=\"/fascicolo/pagamenti/" + id + "/paga\"");
    HttpResponse<byte[]> pdf = mario.send(get(pdfRoute), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
    assertThat(downloads(id)).as("downloads from the page are audited as from the API").isEqualTo(1);

    HttpClient anna = signedIn("anna.bianchi");
    HttpResponse<String> refused = anna.send(get(pdfRoute), HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).isEqualTo(404);
    assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(refused.body()).contains("Pagamento non trovato").doesNotContain(notice);
    assertThat(downloads(id)).isEqualTo(1);
    HttpResponse<String> hers = anna.send(get("/fascicolo/pagamenti"), HttpResponse.BodyHandlers.ofString());
    assertThat(hers.statusCode()).isEqualTo(200);
    assertThat(hers.body()).doesNotContain(notice).doesNotContain(id);

    HttpResponse<String> paid = anna.send(post("/fascicolo/pagamenti/" + id + "/paga", csrf(hers.body())),
        HttpResponse.BodyHandlers.ofString());
    assertThat(paid.statusCode()).as("nobody pays someone else's notice").isEqualTo(404);
    assertThat(api.get("/api/v1/payments/" + id, marioToken).json().get("status").asString()).isEqualTo("open");
  }

  @Test
  void aNoticePaidMeanwhileIsToldOnThePageNotPaidTwice() throws Exception {
    String marioToken = api.token("mario.rossi");
    PaymentFixtures payments = new PaymentFixtures(api);
    String caseId = payments.summerCamp(marioToken).json().get("id").asString();
    var position = payments.awaitPositions(marioToken, caseId, 1).get(0);
    String id = position.get("id").asString();

    HttpClient mario = signedIn("mario.rossi");
    String token = csrf(mario.send(get("/fascicolo/pagamenti"), HttpResponse.BodyHandlers.ofString()).body());
    HttpResponse<String> first = mario.send(post("/fascicolo/pagamenti/" + id + "/paga", token),
        HttpResponse.BodyHandlers.ofString());
    assertThat(first.statusCode()).isEqualTo(302);
    assertThat(first.headers().firstValue("Location").orElseThrow()).endsWith("/fascicolo/pagamenti");
    assertThat(mario.send(get("/fascicolo/pagamenti"), HttpResponse.BodyHandlers.ofString()).body())
        .contains("Pagamento registrato");

    HttpResponse<String> again = mario.send(post("/fascicolo/pagamenti/" + id + "/paga", token),
        HttpResponse.BodyHandlers.ofString());
    assertThat(again.statusCode()).isEqualTo(302);
    assertThat(mario.send(get("/fascicolo/pagamenti"), HttpResponse.BodyHandlers.ofString()).body())
        .contains("Avviso già pagato");
    long receipts = jdbc.sql("select count(*) from payment_receipt where position_id = ?::uuid").param(id)
        .query(Long.class).single();
    assertThat(receipts).isEqualTo(1);
  }

  private long downloads(String id) {
    return jdbc.sql("select count(*) from audit_entry where action = 'download' and record_id = ?").param(id)
        .query(Long.class).single();
  }

  /** A browser session signed in on the portal's sign-in page as a demo identity. */
  private HttpClient signedIn(String subject) throws Exception {
    HttpClient browser = api.browser();
    String login = browser.send(get("/login"), HttpResponse.BodyHandlers.ofString()).body();
    HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(api.base() + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + subject + "&password=demo&_csrf="
            + URLEncoder.encode(csrf(login), StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
    return browser;
  }

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(URI.create(api.base() + path)).header("Accept", "text/html").build();
  }

  private HttpRequest post(String path, String csrf) {
    return HttpRequest.newBuilder(URI.create(api.base() + path)).header("Accept", "text/html")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)))
        .build();
  }

  private static String csrf(String html) {
    Matcher found = CSRF.matcher(html);
    assertThat(found.find()).as("a CSRF token on the page").isTrue();
    return found.group(1);
  }
}
