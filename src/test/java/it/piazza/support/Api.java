package it.piazza.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Talks to the running application over real HTTP, as any client would. */
@TestComponent
public class Api {

  private final Environment environment;
  private final JwtEncoder encoder;
  private final JsonMapper json = JsonMapper.builder().build();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public Api(Environment environment, @Lazy JwtEncoder encoder) {
    this.environment = environment;
    this.encoder = encoder;
  }

  public String base() {
    return "http://localhost:" + environment.getProperty("local.server.port");
  }

  public JsonMapper json() {
    return json;
  }

  /** A token for a demo identity, from {@code POST /demo/token}. */
  public String token(String subject) {
    Response answer = post("/demo/token", null, Map.of("subject", subject));
    if (answer.status() != 200) {
      throw new IllegalStateException("No token for " + subject + ": " + answer.body());
    }
    return answer.json().get("access_token").asString();
  }

  /** A token signed with the built-in provider's key, with whatever claims a test needs. */
  public String signedToken(String subject, Map<String, Object> claims, Instant issuedAt, Instant expiresAt) {
    JwtClaimsSet.Builder set = JwtClaimsSet.builder().subject(subject).issuer(base()).issuedAt(issuedAt)
        .expiresAt(expiresAt).id(UUID.randomUUID().toString());
    claims.forEach(set::claim);
    return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), set.build()))
        .getTokenValue();
  }

  public Response get(String path, String token, String... headers) {
    return send(request(path, token, headers).GET().build());
  }

  public Response post(String path, String token, Object body, String... headers) {
    String text = body instanceof String raw ? raw : json.writeValueAsString(body);
    return send(request(path, token, headers).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(text)).build());
  }

  /** A multipart/form-data upload: text fields, then one file. */
  public Response upload(String path, String token, Map<String, String> fields, String fileName, String contentType,
                         byte[] content) {
    String boundary = "piazza-" + UUID.randomUUID();
    var body = new java.io.ByteArrayOutputStream();
    fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
        + name + "\"\r\n\r\n" + value + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    if (content != null) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
          + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      body.writeBytes(content);
      body.writeBytes("\r\n".getBytes());
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes());
    return send(request(path, token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
  }

  /** A small but real PDF (magic bytes and structure), for uploads. */
  public static byte[] pdf(String text) {
    String body = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\n"
        + "% " + text + "\ntrailer<</Root 1 0 R>>\n%%EOF\n";
    return body.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  public Response send(HttpRequest request) {
    try {
      HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(answer.statusCode(), answer.headers().map(), answer.body(), json);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpRequest.Builder request(String path, String token, String... headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base() + path))
        .timeout(Duration.ofSeconds(30));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return builder;
  }

  /** A browser-like client: keeps cookies, does not follow redirects. */
  public HttpClient browser() {
    return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  public record Response(int status, Map<String, List<String>> headers, String body, JsonMapper mapper) {
    public JsonNode json() {
      return mapper.readTree(body);
    }

    public String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
    }

    public boolean isProblem() {
      String type = header("Content-Type");
      return type != null && type.startsWith("application/problem+json");
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }
}
