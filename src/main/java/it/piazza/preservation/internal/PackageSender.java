package it.piazza.preservation.internal;

import it.piazza.audit.AuditLog;
import it.piazza.audit.AuditRecord;
import it.piazza.documents.DocumentStore;
import it.piazza.identity.Channel;
import it.piazza.preservation.internal.Packages.State;
import it.piazza.tenancy.Tenant;
import it.piazza.tenancy.Tenants;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends due packages to the pole: {@code POST} of the ZIP as {@code application/zip}; 200/202 with
 * {@code {"outcome":"accepted","id":…}} accepts, 422 with {@code {"outcome":"rejected","reason":…}} rejects (see
 * docs/preservation.md). Network errors, timeouts and other answers are retried with a doubling wait, up to the
 * configured attempts; the package then waits for an administrator, its last error shown. 200/202 with
 * {@code {"outcome":"received","id":…}} means the pole will decide later: the package is SENT, and the pole is asked
 * for the verdict at {@code GET <endpoint>/<id>} until it gives one. A package is claimed with
 * {@code FOR UPDATE SKIP LOCKED} and held until its answer is recorded: two nodes never send it at once.
 */
@Component
class PackageSender {

  private static final Logger log = LoggerFactory.getLogger(PackageSender.class);

  private final Packages packages;
  private final Poles poles;
  private final Tenants tenants;
  private final DocumentStore store;
  private final PreservationProperties properties;
  private final AuditLog audit;
  private final TransactionTemplate transactions;
  private final JsonMapper json;
  private final Clock clock;
  private final HttpClient http;

  PackageSender(Packages packages, Poles poles, Tenants tenants, DocumentStore store,
                PreservationProperties properties, AuditLog audit, TransactionTemplate transactions, JsonMapper json,
                Clock clock) {
    this.packages = packages;
    this.poles = poles;
    this.tenants = tenants;
    this.store = store;
    this.properties = properties;
    this.audit = audit;
    this.transactions = transactions;
    this.json = json;
    this.clock = clock;
    this.http = HttpClient.newBuilder().connectTimeout(properties.sender().timeout())
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  @Scheduled(initialDelayString = "${piazza.preservation.sender.every:15s}",
      fixedDelayString = "${piazza.preservation.sender.every:15s}")
  void sendScheduled() {
    if (properties.sender().enabled()) {
      int sent = sendDue();
      if (sent > 0) {
        log.info("Sent {} preservation packages", sent);
      }
    }
  }

  /** Sends every package due now, one claimed row per transaction; answers how many were tried. */
  int sendDue() {
    List<String> sendable = tenants.all().stream().map(Tenant::id).filter(t -> poles.of(t).isPresent())
        .map(t -> t.value()).toList();
    int tried = 0;
    while (Boolean.TRUE.equals(transactions.execute(tx -> sendOne(sendable)))) {
      tried++;
    }
    return tried;
  }

  private boolean sendOne(List<String> tenants) {
    Instant now = clock.instant();
    Optional<Packages.Row> claimed = packages.claimDue(tenants, properties.sender().maxAttempts(), now);
    if (claimed.isEmpty()) {
      return false;
    }
    Packages.Row row = claimed.get();
    Poles.Target target = poles.of(row.tenant()).orElseThrow();
    if (row.state() == State.SENT) {
      poll(target, row);
      return true;
    }
    int attempts = row.attempts() + 1;
    Answer answer = post(target, row);
    Instant after = clock.instant();
    switch (answer.state()) {
      case ACCEPTED, REJECTED, SENT -> {
        packages.outcome(row.id(), answer.state(), answer.reason(), answer.poleId(), attempts,
            answer.state() == State.SENT ? after.plus(properties.sender().firstBackoff()) : null, after);
        audit.record(new AuditRecord(row.tenant(), "piazza", null, null, answer.state().name().toLowerCase(
            java.util.Locale.ROOT), "preservation-package", row.id().toString(), Channel.SYSTEM, "preservation"));
      }
      case TO_SEND -> {
        Instant next = after.plus(properties.backoff(attempts));
        packages.failed(row.id(), answer.reason(), attempts, next, after);
        audit.record(new AuditRecord(row.tenant(), "piazza", null, null, "send-failed", "preservation-package",
            row.id().toString(), Channel.SYSTEM, "preservation"));
        log.warn("Preservation package {} not delivered (attempt {}): {}", row.id(), attempts, answer.reason());
      }
    }
    return true;
  }

  /** Asks the pole for the verdict on a package it took ({@code GET <endpoint>/<pole id>}, same answers). */
  private void poll(Poles.Target target, Packages.Row row) {
    URI status = URI.create(target.pole().endpoint().toString().replaceAll("/+$", "") + "/"
        + URLEncoder.encode(row.poleId(), StandardCharsets.UTF_8));
    Answer answer;
    try {
      HttpResponse<String> response = http.send(authorized(HttpRequest.newBuilder(status), target.pole())
          .timeout(properties.sender().timeout()).header("Accept", "application/json").GET().build(),
          HttpResponse.BodyHandlers.ofString());
      answer = read(response.statusCode(), response.body());
    } catch (IOException e) {
      answer = new Answer(State.TO_SEND, "The pole cannot be asked for its verdict: " + e.getClass().getSimpleName(),
          null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    Instant now = clock.instant();
    if (answer.state() == State.ACCEPTED || answer.state() == State.REJECTED) {
      packages.verdict(row.id(), answer.state(), answer.reason(), now);
      audit.record(new AuditRecord(row.tenant(), "piazza", null, null, answer.state().name().toLowerCase(
          java.util.Locale.ROOT), "preservation-package", row.id().toString(), Channel.SYSTEM, "preservation"));
    } else {
      packages.pollLater(row.id(), answer.state() == State.SENT ? null : answer.reason(),
          now.plus(properties.sender().firstBackoff()), now);
    }
  }

  private static HttpRequest.Builder authorized(HttpRequest.Builder request, PreservationProperties.Pole pole) {
    if (pole.token() != null && !pole.token().isBlank()) {
      request.header("Authorization", "Bearer " + pole.token());
    } else if (pole.username() != null && !pole.username().isBlank()) {
      String pair = pole.username() + ":" + (pole.password() == null ? "" : pole.password());
      request.header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }
    return request;
  }

  /** The pole's verdict; {@code TO_SEND} with the error when the package must be tried again. */
  record Answer(State state, String reason, String poleId) {}

  private Answer post(Poles.Target target, Packages.Row row) {
    PreservationProperties.Pole pole = target.pole();
    HttpRequest.Builder request = HttpRequest.newBuilder(pole.endpoint()).timeout(properties.sender().timeout())
        .header("Content-Type", "application/zip").header("Accept", "application/json")
        .header("X-Piazza-Package-Id", row.id().toString())
        .header("X-Piazza-Package-Sha256", row.sha256());
    authorized(request, pole);
    byte[] zip;
    try (InputStream in = store.open(row.sha256()).orElseThrow(() -> new IOException("package not in the store"))) {
      zip = in.readAllBytes();
    } catch (IOException e) {
      return new Answer(State.TO_SEND, "Package content unavailable: " + e.getMessage(), null);
    }
    try {
      HttpResponse<String> response = http.send(request.POST(HttpRequest.BodyPublishers.ofByteArray(zip)).build(),
          HttpResponse.BodyHandlers.ofString());
      return read(response.statusCode(), response.body());
    } catch (HttpTimeoutException e) {
      return new Answer(State.TO_SEND, "The pole did not answer within " + properties.sender().timeout(), null);
    } catch (IOException e) {
      return new Answer(State.TO_SEND, "The pole cannot be reached: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : " " + e.getMessage()), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(State.TO_SEND, "Interrupted while sending", null);
    }
  }

  private Answer read(int status, String body) {
    JsonNode answer;
    try {
      answer = body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
    } catch (RuntimeException e) {
      answer = json.createObjectNode();
    }
    String outcome = answer.path("outcome").asString("");
    String id = answer.path("id").isMissingNode() || answer.path("id").isNull() ? null : answer.path("id").asString();
    if ((status == 200 || status == 202) && outcome.equals("accepted")) {
      return new Answer(State.ACCEPTED, null, id);
    }
    if ((status == 200 || status == 202) && outcome.equals("received")) {
      return new Answer(State.SENT, null, id);
    }
    if (status == 422 || ((status == 200 || status == 202) && outcome.equals("rejected"))) {
      String reason = answer.path("reason").asString("");
      return new Answer(State.REJECTED, reason.isBlank() ? "Rejected by the pole (HTTP " + status + ")" : reason, id);
    }
    String shortBody = body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
    return new Answer(State.TO_SEND, "The pole answered HTTP " + status + (shortBody.isBlank() ? "" : ": "
        + shortBody), null);
  }
}
