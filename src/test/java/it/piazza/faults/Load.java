package it.piazza.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small concurrent load: demo citizens, each with a real token from {@code POST /demo/token}, file registry
 * certificates (a service with a pagoPA fee, so a listener acts on each submission) over HTTP, each request with
 * an Idempotency-Key of its own. Every attempt and what came back is kept, to be checked against the database.
 */
final class Load implements AutoCloseable {

  /** Citizens of Borgo Piazza and of Valle Serena: two comuni, two protocol registers. */
  static final Map<String, String> CITIZENS = Map.of("mario.rossi", "c_b001", "anna.bianchi", "c_b001",
      "paolo.neri", "c_b001", "laura.marino", "c_v002");

  static final String CERTIFICATE = """
      {"serviceId": "registry-certificate",
       "data": {"certificateType": "residence", "subject": "self", "stampDutyExempt": %s%s}}""";

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** One request: who, to which node, with which key and body. */
  record Attempt(String subject, String key, String body, AppNode node) {}

  /**
   * What came back: a status, or {@code -1} when no answer came (the node died, the connection was cut) — then
   * the request may or may not have been committed.
   */
  record Outcome(Attempt attempt, int status, String contentType, String retryAfter, boolean replayed, JsonNode body,
                 long millis) {
    boolean answered() {
      return status > 0;
    }

    String caseId() {
      return body.get("id").asString();
    }

    String protocol() {
      return body.get("protocol").get("number").asString();
    }
  }

  private final Map<String, String> tokens = new ConcurrentHashMap<>();
  private final Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean stop = new AtomicBoolean();
  private final AtomicInteger created = new AtomicInteger();
  private ExecutorService workers;

  /** Tokens for every citizen, asked from {@code node} (nodes of one deployment share the signing key). */
  Load(AppNode node) {
    CITIZENS.keySet().forEach(subject -> tokens.put(subject, token(node, subject)));
  }

  String token(String subject) {
    return tokens.get(subject);
  }

  static String token(AppNode node, String subject) {
    Outcome answer = post(node, "/demo/token", null, null, "{\"subject\": \"" + subject + "\"}");
    if (answer.status() != 200) {
      throw new AssertionError("No token for " + subject + ": " + answer);
    }
    return answer.body().get("access_token").asString();
  }

  /** Starts {@code threads} workers filing certificates on the nodes in turn until {@link #stop()}. */
  Load start(List<AppNode> nodes, int threads, boolean stopOnSilence) {
    workers = Executors.newFixedThreadPool(threads);
    List<String> subjects = List.copyOf(CITIZENS.keySet());
    for (int t = 0; t < threads; t++) {
      int worker = t;
      workers.submit(() -> {
        for (int i = 0; !stop.get(); i++) {
          Attempt attempt = certificate(subjects.get((worker + i) % subjects.size()), nodes.get((worker + i) % nodes.size()),
              i % 5 == 4);
          Outcome outcome = send(attempt);
          outcomes.add(outcome);
          if (outcome.status() == 201) {
            created.incrementAndGet();
          }
          if (!outcome.answered() && stopOnSilence) {
            return; // the node is gone: this worker's last request stays in flight, to be retried later
          }
        }
      });
    }
    return this;
  }

  /** A certificate application; every fifth is exempt from stamp duty, so it opens no fee. */
  Attempt certificate(String subject, AppNode node, boolean exempt) {
    String body = CERTIFICATE.formatted(exempt, exempt ? ", \"exemptionReason\": \"school\"" : "");
    return new Attempt(subject, UUID.randomUUID().toString(), body, node);
  }

  int created() {
    return created.get();
  }

  List<Outcome> outcomes() {
    return List.copyOf(outcomes);
  }

  /** Stops the workers and waits for the requests they have in flight. */
  List<Outcome> stop() {
    stop.set(true);
    workers.shutdown();
    try {
      if (!workers.awaitTermination(90, TimeUnit.SECONDS)) {
        throw new AssertionError("load workers did not stop");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return outcomes();
  }

  /** Sends (or sends again, with its key) one attempt, to the node it names. */
  Outcome send(Attempt attempt) {
    return post(attempt.node(), "/api/v1/applications", tokens.get(attempt.subject()), attempt, attempt.body());
  }

  Outcome resend(Attempt attempt, AppNode node) {
    return send(new Attempt(attempt.subject(), attempt.key(), attempt.body(), node));
  }

  Outcome get(AppNode node, String path, String subject) {
    long started = System.nanoTime();
    try {
      HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(node.base() + path))
          .header("Authorization", "Bearer " + tokens.get(subject)).timeout(Duration.ofSeconds(30)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      return outcome(null, answer, started);
    } catch (IOException e) {
      return new Outcome(null, -1, null, null, false, null, elapsed(started));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static Outcome post(AppNode node, String path, String token, Attempt attempt, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.base() + path))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (attempt != null) {
      request.header("Idempotency-Key", attempt.key());
    }
    long started = System.nanoTime();
    try {
      return outcome(attempt, HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()), started);
    } catch (IOException e) {
      return new Outcome(attempt, -1, null, null, false, null, elapsed(started));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Outcome outcome(Attempt attempt, HttpResponse<String> answer, long started) {
    String type = answer.headers().firstValue("Content-Type").orElse(null);
    JsonNode body = answer.body() == null || answer.body().isBlank() || type == null || !type.contains("json")
        ? JSON.createObjectNode() : JSON.readTree(answer.body());
    return new Outcome(attempt, answer.statusCode(), type, answer.headers().firstValue("Retry-After").orElse(null),
        answer.headers().firstValue("Idempotent-Replayed").isPresent(), body, elapsed(started));
  }

  private static long elapsed(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }

  @Override
  public void close() {
    if (workers != null && !workers.isShutdown()) {
      stop();
    }
  }
}
