package it.piazza.identity;

import static org.assertj.core.api.Assertions.assertThat;

import it.piazza.support.Api;
import it.piazza.support.PiazzaTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Sign-in through the built-in OpenID Connect provider, as a browser app and as a machine client would. */
@PiazzaTest
class SignInTests {

  @Autowired
  Api api;

  @Test
  void aCitizenSignsInWithTheAuthorizationCodeFlowAndPkce() throws Exception {
    HttpClient browser = api.browser();
    String verifier = "a-long-random-verifier-of-at-least-43-characters-0123456789";
    String challenge = Base64.getUrlEncoder().withoutPadding()
        .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    String redirect = "http://127.0.0.1:9/callback";
    String authorize = api.base() + "/oauth2/authorize?response_type=code&client_id=piazza-cli&scope=openid%20profile"
        + "&state=s1&redirect_uri=" + enc(redirect) + "&code_challenge=" + challenge + "&code_challenge_method=S256";

    HttpResponse<String> first = browser.send(HttpRequest.newBuilder(URI.create(authorize))
        .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(first.statusCode()).isEqualTo(302);
    assertThat(first.headers().firstValue("Location").orElseThrow()).endsWith("/login");

    HttpResponse<String> loginPage = browser.send(HttpRequest.newBuilder(URI.create(api.base() + "/login")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(loginPage.body()).contains("Mario Rossi").contains("Accedi a Piazza");
    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage.body());
    assertThat(csrf.find()).isTrue();

    HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(api.base() + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=mario.rossi&password=demo&_csrf=" + enc(csrf.group(1))))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(signedIn.statusCode()).isEqualTo(302);

    HttpResponse<String> back = browser.send(HttpRequest.newBuilder(
        URI.create(signedIn.headers().firstValue("Location").orElseThrow())).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(back.statusCode()).isEqualTo(302);
    String callback = back.headers().firstValue("Location").orElseThrow();
    assertThat(callback).startsWith(redirect).contains("state=s1");
    String code = callback.replaceAll(".*[?&]code=([^&]+).*", "$1");

    HttpResponse<String> tokens = browser.send(HttpRequest.newBuilder(URI.create(api.base() + "/oauth2/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&client_id=piazza-cli&code="
            + code + "&redirect_uri=" + enc(redirect) + "&code_verifier=" + verifier))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
    JsonNode answer = api.json().readTree(tokens.body());
    assertThat(answer.has("id_token")).isTrue();

    JsonNode me = api.get("/api/v1/me", answer.get("access_token").asString()).json();
    assertThat(me.get("subject").asString()).isEqualTo("mario.rossi");
    assertThat(me.get("tenant").get("id").asString()).isEqualTo("c_b001");
    assertThat(me.get("roles").toString()).contains("citizen");
  }

  @Test
  void aMachineClientGetsATokenWithClientCredentials() {
    Api.Response token = api.send(api.request("/oauth2/token", null)
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("demo-system:demo-secret".getBytes()))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
    assertThat(token.status()).as(token.body()).isEqualTo(200);

    JsonNode me = api.get("/api/v1/me", token.json().get("access_token").asString()).json();
    assertThat(me.get("kind").asString()).isEqualTo("client");
    assertThat(me.get("roles").toString()).contains("system");
    assertThat(me.get("tenant").get("id").asString()).isEqualTo("c_b001");
  }

  @Test
  void aWrongClientSecretGetsNoToken() {
    Api.Response token = api.send(api.request("/oauth2/token", null)
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("demo-system:wrong".getBytes()))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
    assertThat(token.status()).isEqualTo(401);
  }

  @Test
  void theProviderPublishesItsOpenIdConfigurationAndKeys() {
    JsonNode config = api.get("/.well-known/openid-configuration", null).json();
    assertThat(config.get("issuer").asString()).isEqualTo(api.base());
    JsonNode keys = api.get(config.get("jwks_uri").asString(), null).json();
    assertThat(keys.get("keys").size()).isEqualTo(1);
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
