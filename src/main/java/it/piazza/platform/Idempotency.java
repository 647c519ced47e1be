package it.piazza.platform;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes a POST safe to retry (Idempotency-Key, IETF draft "The Idempotency-Key HTTP Header Field"): the first
 * request with a key runs and its answer is stored in the same transaction; a retry with the same key and body
 * gets that answer again (header {@code Idempotent-Replayed: true}) and changes nothing; the same key with another
 * body is refused. Concurrent retries wait for the first to commit. A failed request stores nothing, so it may be
 * retried.
 */
@Component
public class Idempotency {

  public static final String HEADER = "Idempotency-Key";
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final JsonMapper json;

  public Idempotency(JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.json = json;
  }

  /** The answer of a write: status, body (to be stored as JSON), and where the new resource lives. */
  public record Answer(HttpStatus status, Object body, URI location) {}

  /**
   * Runs {@code action} in one transaction, at most once per (tenant, principal, key). Without a key it simply
   * runs it in a transaction.
   */
  public ResponseEntity<String> run(String tenant, String principal, String key, Object request,
                                    Supplier<Answer> action) {
    if (key == null) {
      return transactions.execute(status -> toResponse(action.get(), false));
    }
    if (!KEY.matcher(key).matches()) {
      throw new ProblemException(CommonProblem.INVALID_IDEMPOTENCY_KEY);
    }
    byte[] fingerprint = sha256(json.writeValueAsString(request));
    return transactions.execute(status -> {
      int claimed = jdbc.sql("""
              insert into idempotency_record (tenant_id, principal, key, request_hash) values (?, ?, ?, ?)
              on conflict do nothing
              """).params(tenant, principal, key, fingerprint).update();
      if (claimed == 0) {
        return replay(tenant, principal, key, fingerprint);
      }
      Answer answer = action.get();
      String body = json.writeValueAsString(answer.body());
      jdbc.sql("""
              update idempotency_record set status = ?, body = ?, location = ?
              where tenant_id = ? and principal = ? and key = ?
              """).params(answer.status().value(), body,
              answer.location() == null ? null : answer.location().toString(), tenant, principal, key).update();
      return response(answer.status().value(), body, answer.location(), false);
    });
  }

  private ResponseEntity<String> replay(String tenant, String principal, String key, byte[] fingerprint) {
    record Stored(byte[] hash, Integer status, String body, String location) {}
    Stored stored = jdbc.sql("""
            select request_hash, status, body, location from idempotency_record
            where tenant_id = ? and principal = ? and key = ?
            """).params(tenant, principal, key)
        .query((rs, n) -> new Stored(rs.getBytes(1), (Integer) rs.getObject(2), rs.getString(3), rs.getString(4)))
        .single();
    if (!Arrays.equals(stored.hash(), fingerprint)) {
      throw new ProblemException(CommonProblem.IDEMPOTENCY_KEY_REUSED);
    }
    return response(stored.status(), stored.body(), stored.location() == null ? null : URI.create(stored.location()),
        true);
  }

  private ResponseEntity<String> toResponse(Answer answer, boolean replayed) {
    return response(answer.status().value(), json.writeValueAsString(answer.body()), answer.location(), replayed);
  }

  private static ResponseEntity<String> response(int status, String body, URI location, boolean replayed) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (location != null) {
      headers.setLocation(location);
    }
    if (replayed) {
      headers.set("Idempotent-Replayed", "true");
    }
    return ResponseEntity.status(status).headers(headers).body(body);
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
