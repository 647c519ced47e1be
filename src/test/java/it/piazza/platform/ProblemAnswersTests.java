package it.piazza.platform;

import static org.assertj.core.api.Assertions.assertThat;

import it.piazza.support.Api;
import it.piazza.support.PiazzaTest;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every error is an RFC 9457 problem with a stable type, in Italian unless English is asked for. */
@PiazzaTest
class ProblemAnswersTests {

  @Autowired
  Api api;

  @Autowired
  JdbcClient jdbc;

  @Test
  void malformedJsonIsABadRequest() {
    Api.Response answer = api.post("/demo/token", null, "{\"subject\": ");
    assertProblem(answer, 400, "malformed-body");
    assertThat(answer.json().get("title").asString()).isEqualTo("Corpo della richiesta illeggibile");
  }

  @Test
  void theWrongContentTypeIsUnsupported() {
    Api.Response answer = api.send(api.request("/demo/token", null).header("Content-Type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofString("subject=mario.rossi")).build());
    assertProblem(answer, 415, "unsupported-media-type");
  }

  @Test
  void anUnknownRouteIsNotFound() {
    assertProblem(api.get("/api/v1/no-such-thing", api.token("mario.rossi")), 404, "not-found");
    assertProblem(api.get("/no-such-page", null, "Accept", "application/json"), 404, "not-found");
  }

  @Test
  void aMissingTokenIsUnauthenticated() {
    Api.Response answer = api.get("/api/v1/me", null);
    assertProblem(answer, 401, "unauthenticated");
    assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
  }

  @Test
  void anExpiredTokenIsRefused() {
    Instant past = Instant.now().minus(2, ChronoUnit.HOURS);
    String expired = api.signedToken("mario.rossi", Map.of("tenant", "c_b001", "fiscal_number", "RSSMRA84E12F205P"),
        past, past.plus(10, ChronoUnit.MINUTES));
    Api.Response answer = api.get("/api/v1/me", expired);
    assertProblem(answer, 401, "invalid-token");
    assertThat(answer.header("WWW-Authenticate")).contains("invalid_token");
  }

  @Test
  void aForgedTokenIsRefused() {
    String genuine = api.token("mario.rossi");
    String[] parts = genuine.split("\\.");
    String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]))
        .replace("\"citizen\"", "\"administrator\"");
    String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString(payload.getBytes()) + "." + parts[2];
    assertProblem(api.get("/api/v1/me", forged), 401, "invalid-token");
    assertProblem(api.get("/api/v1/me", "not-a-token"), 401, "invalid-token");
  }

  @Test
  void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
    var generator = java.security.KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    var other = generator.generateKeyPair();
    var key = new com.nimbusds.jose.jwk.RSAKey.Builder((java.security.interfaces.RSAPublicKey) other.getPublic())
        .privateKey(other.getPrivate()).keyID("other").build();
    var encoder = new org.springframework.security.oauth2.jwt.NimbusJwtEncoder(
        new com.nimbusds.jose.jwk.source.ImmutableJWKSet<>(new com.nimbusds.jose.jwk.JWKSet(key)));
    var claims = org.springframework.security.oauth2.jwt.JwtClaimsSet.builder().subject("elena.galli")
        .claim("tenant", "c_b001").claim("roles", java.util.List.of("administrator"))
        .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(600)).build();
    String foreign = encoder.encode(org.springframework.security.oauth2.jwt.JwtEncoderParameters.from(claims))
        .getTokenValue();
    assertProblem(api.get("/api/v1/audit/verify", foreign), 401, "invalid-token");
  }

  @Test
  void theWrongRoleIsForbidden() {
    assertProblem(api.get("/api/v1/audit/verify", api.token("mario.rossi")), 403, "forbidden");
    assertProblem(api.get("/api/v1/audit/verify", api.token("sara.colombo")), 403, "forbidden");
  }

  @Test
  void anotherPersonsRecordIsNotFoundWithoutLeakingThatItExists() {
    String mario = api.token("mario.rossi");
    api.get("/api/v1/me", mario, "On-Behalf-Of", giulia(mario));
    long marios = jdbc.sql("select max(id) from audit_entry where actor = 'mario.rossi'").query(Long.class).single();

    Api.Response foreign = api.get("/api/v1/audit/entries/" + marios + "/proof", api.token("anna.bianchi"));
    Api.Response missing = api.get("/api/v1/audit/entries/999999999/proof", api.token("anna.bianchi"));

    assertProblem(foreign, 404, "audit-entry-not-found");
    assertThat(foreign.json().get("detail")).isEqualTo(missing.json().get("detail"));
  }

  @Test
  void anOversizedBodyIsTooLarge() {
    String huge = "{\"subject\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";
    assertProblem(api.post("/demo/token", null, huge), 413, "payload-too-large");
  }

  @Test
  void anOversizedChunkedBodyIsTooLargeToo() {
    byte[] chunk = "x".repeat(64 * 1024).getBytes();
    // A publisher of unknown length makes the client send the body chunked, without Content-Length.
    HttpRequest.BodyPublisher unknownLength = HttpRequest.BodyPublishers.fromPublisher(
        HttpRequest.BodyPublishers.ofByteArrays(java.util.stream.Stream.concat(
            java.util.stream.Stream.of("{\"subject\": \"".getBytes()),
            java.util.Collections.nCopies(20, chunk).stream()).toList()));
    Api.Response answer = api.send(api.request("/demo/token", null).header("Content-Type", "application/json")
        .POST(unknownLength).build());
    assertProblem(answer, 413, "payload-too-large");
  }

  @Test
  void titlesAreInEnglishWhenAskedFor() {
    Api.Response answer = api.get("/api/v1/me", null, "Accept-Language", "en-GB,en;q=0.9");
    assertThat(answer.json().get("title").asString()).isEqualTo("Authentication required");
    assertThat(answer.header("Content-Language")).isEqualTo("en");
  }

  @Test
  void anUnsupportedLanguageFallsBackToItalian() {
    Api.Response answer = api.get("/api/v1/me", null, "Accept-Language", "de-DE");
    assertThat(answer.json().get("title").asString()).isEqualTo("Autenticazione richiesta");
  }

  @Test
  void aBadRequestChangesNothing() {
    long before = jdbc.sql("select count(*) from audit_entry").query(Long.class).single();
    api.get("/api/v1/me", api.token("mario.rossi"), "On-Behalf-Of", "NOTAFISCALCODE00");
    api.post("/demo/token", null, "{oops");
    assertThat(jdbc.sql("select count(*) from audit_entry").query(Long.class).single()).isEqualTo(before);
  }

  private String giulia(String marioToken) {
    return api.get("/api/v1/me", marioToken).json().get("delegators").get(0).get("fiscalCode").asString();
  }

  @Test
  void requestsTheContainerRefusesBeforeRoutingAreProblemsForPrograms() {
    assertProblem(api.get("/api/v1/me", "x".repeat(9000)), 400, "bad-request");
    assertProblem(api.get("/api/v1/services/..%2F..%2Fetc%2Fpasswd", null), 400, "bad-request");
    assertProblem(api.get("/api/v1/services/abc%00def", null, "Accept-Language", "en"), 400, "bad-request");
    assertThat(api.get("/api/v1/services/abc%00def", null, "Accept-Language", "en").json().get("title").asString())
        .isEqualTo("Bad request");
  }

  @Test
  void aMultipartBodyWithoutItsBoundaryIsMalformed() {
    Api.Response answer = api.send(api.request("/demo/token", null).header("Content-Type", "multipart/form-data")
        .POST(HttpRequest.BodyPublishers.ofString("{\"subject\":\"mario.rossi\"}")).build());
    assertProblem(answer, 400, "malformed-body");
  }

  @Test
  void aNulCharacterIsRefusedAsTextThatCannotBeStored() {
    assertProblem(api.post("/demo/token", null, "{\"subject\":\"mario\\u0000rossi\"}"), 400,
        "unsupported-characters");
    assertProblem(api.get("/api/v1/office/cases?service=%00", api.token("sara.colombo")), 400,
        "unsupported-characters");
  }

  @Test
  void aQueryParameterThatIsNotUtf8IsInvalid() {
    Api.Response answer = api.get("/api/v1/services?q=%C0%AF", null);
    assertProblem(answer, 400, "invalid-parameter");
    assertThat(answer.json().get("detail").asString()).contains("q");
  }

  @Test
  void aTokenNamingAnotherIssuerIsRefused() {
    String token = api.signedToken("mario.rossi", Map.of("tenant", "c_b001", "fiscal_number", "RSSMRA84E12F205P",
        "iss", "https://idp.evil.example"), Instant.now(), Instant.now().plusSeconds(600));
    assertProblem(api.get("/api/v1/me", token), 401, "invalid-token");
  }

  @Test
  void aTokenWithAnOfficeThatIsNotOneIsRefused() {
    String token = api.signedToken("sara.colombo", Map.of("tenant", "c_b001", "fiscal_number", "RSSMRA84E12F205P",
        "roles", List.of("operator"), "office", Map.of("id", "scuola-nidi")), Instant.now(),
        Instant.now().plusSeconds(600));
    assertProblem(api.get("/api/v1/office/cases", token), 401, "invalid-token");
  }

  static void assertProblem(Api.Response answer, int status, String code) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.isProblem()).as("content type of " + answer).isTrue();
    assertThat(answer.json().get("type").asString()).isEqualTo("urn:piazza:problem:" + code);
    assertThat(answer.json().get("status").asInt()).isEqualTo(status);
    assertThat(answer.json().get("title").asString()).isNotBlank();
  }

}
