package it.piazza.portal;

import static org.assertj.core.api.Assertions.assertThat;

import it.piazza.support.Api;
import it.piazza.support.PiazzaTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The portal's frame over HTTP: installable app, language choice, who may reach which pages, pages for errors. */
@PiazzaTest
class PortalShellTests {

  @Autowired
  Api api;

  @Test
  void thePortalIsInstallableWithAManifestIconsAndAnOfflinePage() {
    Api.Response manifest = api.get("/manifest.webmanifest", null);
    assertThat(manifest.header("Content-Type")).startsWith("application/manifest+json");
    JsonNode app = manifest.json();
    assertThat(app.get("name").asString()).isEqualTo("Comune di Borgo Piazza");
    assertThat(app.get("display").asString()).isEqualTo("standalone");
    assertThat(app.get("start_url").asString()).isEqualTo("/");
    for (JsonNode icon : app.get("icons")) {
      Api.Response png = api.get(icon.get("src").asString(), null);
      assertThat(png.status()).as(icon.toString()).isEqualTo(200);
      assertThat(png.header("Content-Type")).isEqualTo("image/png");
    }
    assertThat(api.get("/manifest.webmanifest", null, "Host", "valleserena.localhost").json().get("name").asString())
        .isEqualTo("Comune di Valle Serena");
    assertThat(api.get("/sw.js", null).body()).contains("/offline");
    assertThat(api.get("/offline", null).body()).contains("Sei senza connessione");
  }

  @Test
  void theLanguageCookieChangesPagesButNotTheApi() {
    Api.Response english = api.get("/?lang=en", null);
    assertThat(english.body()).contains("Online services").contains("lang=\"en\"");
    String cookie = english.header("Set-Cookie");
    assertThat(cookie).startsWith("piazza-lang=en");
    String value = cookie.substring(0, cookie.indexOf(';'));
    assertThat(api.get("/", null, "Cookie", value).body()).contains("Online services");
    assertThat(api.get("/", null).body()).as("Italian first").contains("Servizi online");
    // The API answers in the language of Accept-Language only, whatever the page cookie says.
    Api.Response problem = api.get("/api/v1/services/no-such-service", null, "Cookie", value);
    assertThat(problem.json().get("title").asString()).isEqualTo("Servizio non trovato");
    String token = api.token("mario.rossi");
    java.util.Map<String, Object> empty = java.util.Map.of("serviceId", "nursery-enrolment", "data",
        java.util.Map.of());
    String withCookie = api.post("/api/v1/applications", token, empty, "Cookie", value).json().get("errors")
        .toString();
    String italian = api.post("/api/v1/applications", token, empty).json().get("errors").toString();
    String asked = api.post("/api/v1/applications", token, empty, "Accept-Language", "en").json().get("errors")
        .toString();
    assertThat(asked).isNotEqualTo(italian);
    assertThat(withCookie).isEqualTo(italian);
  }

  @Test
  void pagesForSignedInPeopleSendVisitorsToSignInAndCitizensCannotReachTheOffice() throws Exception {
    var browser = api.browser();
    for (String page : new String[] {"/fascicolo", "/ufficio", "/domande/nuova/nursery-enrolment"}) {
      HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(java.net.URI.create(api.base() + page))
          .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as(page).isEqualTo(302);
      assertThat(answer.headers().firstValue("Location").orElseThrow()).as(page).endsWith("/login");
    }
    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(java.net.URI.create(api.base() + "/login"))
        .build(), HttpResponse.BodyHandlers.ofString());
    String csrf = login.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
    HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(java.net.URI.create(api.base() + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=mario.rossi&password=demo&_csrf="
            + java.net.URLEncoder.encode(csrf, java.nio.charset.StandardCharsets.UTF_8))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(signedIn.headers().firstValue("Location").orElseThrow()).as("back where he was going")
        .contains("/domande/nuova/nursery-enrolment");
    HttpResponse<String> office = browser.send(HttpRequest.newBuilder(java.net.URI.create(api.base() + "/ufficio"))
        .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(office.statusCode()).isEqualTo(403);
    assertThat(office.body()).contains("Operazione non consentita");
    HttpResponse<String> file = browser.send(HttpRequest.newBuilder(java.net.URI.create(api.base() + "/fascicolo"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.body()).contains("Il mio fascicolo").contains("in arrivo");
  }

  @Test
  void anUnknownPageIsAPageForBrowsersAndAProblemForPrograms() {
    Api.Response page = api.get("/no-such-page", null, "Accept", "text/html");
    assertThat(page.status()).isEqualTo(404);
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.body()).contains("Risorsa non trovata").contains("Comune di Borgo Piazza");
    assertThat(api.get("/no-such-page", null, "Accept", "application/json").isProblem()).isTrue();
  }
}
