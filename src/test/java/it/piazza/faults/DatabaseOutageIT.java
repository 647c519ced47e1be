package it.piazza.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Issue 7: PostgreSQL stopped under load and started again, the node left running. While the database is away
 * every request fails cleanly and quickly (503 service-unavailable, problem+json, Retry-After), the node reports
 * itself not ready (but alive), nothing half-written is kept; once the database is back the same node serves
 * again, and the listeners that failed meanwhile are retried without a restart.
 */
class DatabaseOutageIT {

  /** The connection timeout the node runs with, and how much longer than it a failed request may take. */
  private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(2);
  private static final long SLOWEST_FAILURE_MILLIS = 8_000;

  @Test
  void aDatabaseRestartedMidLoadFailsRequestsCleanlyAndLosesNothing() {
    Path folder = Faults.folder("outage");
    try (FaultDatabase database = FaultDatabase.fresh(folder.resolve("postgres"));
         AppNode node = new AppNode("node", database, folder.resolve("data"), folder,
             List.of("--piazza.db.connection-timeout=" + CONNECTION_TIMEOUT.toSeconds() + "s",
                 "--piazza.events.retry-every=2s", "--piazza.events.retry-older-than=5s"))) {
      node.start();
      Faults.explained(() -> outage(database, node), node);
    }
  }

  private void outage(FaultDatabase database, AppNode node) {
    Load load = new Load(node).start(List.of(node), 6, false);
    Awaitility.await("20 applications filed").atMost(Duration.ofMinutes(2)).until(() -> load.created() >= 20);

    database.stop();
    Awaitility.await("readiness DOWN").atMost(Duration.ofSeconds(30))
        .until(() -> node.health("/actuator/health/readiness") == 503);
    assertThat(node.health("/actuator/health/liveness")).as("alive: no reason to restart the node").isEqualTo(200);
    Load.Outcome refused = load.send(load.certificate("mario.rossi", node, false));
    assertThat(refused.status()).as("%s", refused.body()).isEqualTo(503);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.body().get("type").asString()).isEqualTo("urn:piazza:problem:service-unavailable");
    assertThat(refused.body().get("title").asString()).isEqualTo("Servizio momentaneamente non disponibile");
    assertThat(refused.retryAfter()).as("Retry-After").isNotBlank();
    int failedDuringOutage = load.outcomes().size();
    Awaitility.await("the load meets the outage").atMost(Duration.ofSeconds(60))
        .until(() -> load.outcomes().stream().skip(failedDuringOutage).filter(o -> o.status() == 503).count() >= 6);

    database.start();
    Awaitility.await("readiness UP again").atMost(Duration.ofSeconds(60))
        .until(() -> node.health("/actuator/health/readiness") == 200);
    long unfinished = new Ledger(database).count("select count(*) from event_publication where completion_date is null");
    int createdBefore = load.created();
    Awaitility.await("filing again, same node").atMost(Duration.ofMinutes(1))
        .until(() -> load.created() >= createdBefore + 20);
    List<Load.Outcome> outcomes = new ArrayList<>(load.stop());
    outcomes.add(refused);

    assertThat(outcomes).as("every answer is a receipt or a clean 503").allSatisfy(o -> {
      assertThat(o.status()).as("%s", o.body()).isIn(201, 503);
      if (o.status() == 503) {
        assertThat(o.contentType()).startsWith("application/problem+json");
        assertThat(o.body().get("type").asString()).isEqualTo("urn:piazza:problem:service-unavailable");
        assertThat(o.retryAfter()).isNotBlank();
        assertThat(o.millis()).as("a failure is told quickly").isLessThan(SLOWEST_FAILURE_MILLIS);
      }
    });
    List<Load.Outcome> failed = outcomes.stream().filter(o -> o.status() == 503).toList();
    List<Load.Outcome> acknowledged = new ArrayList<>(outcomes.stream().filter(o -> o.status() == 201).toList());
    Ledger ledger = new Ledger(database);
    // Nothing half-written: a case is stored with its protocol entry and audit record, or not at all.
    ledger.casesAndProtocolEntriesMatchOneToOne();
    Load.CITIZENS.values().stream().distinct().forEach(ledger::protocolNumbersAreGapless);
    ledger.eachCaseIsAuditedOnceAsCreated();

    // A client that got 503 retries with the same key: filed once (or its stored answer, had the commit landed).
    int landed = 0;
    for (Load.Outcome refusal : failed) {
      Load.Outcome again = load.send(refusal.attempt());
      assertThat(again.status()).as("retry of %s: %s", refusal.attempt().key(), again.body()).isEqualTo(201);
      landed += again.replayed() ? 1 : 0;
      acknowledged.add(again);
    }
    System.out.printf("outage: %d requests answered 503 (slowest %d ms; %d had committed nonetheless), %d receipts; "
            + "%d event publications unfinished when the database came back%n", failed.size(),
        failed.stream().mapToLong(Load.Outcome::millis).max().orElse(0), landed, acknowledged.size(), unfinished);
    Receipts.eachNamesItsStoredCase(load, node, acknowledged);
    assertThat(ledger.count("select count(*) from application")).as("one case per acknowledged key, no more")
        .isEqualTo(acknowledged.stream().map(o -> o.attempt().key()).distinct().count());
    ledger.casesAndProtocolEntriesMatchOneToOne();
    Load.CITIZENS.values().stream().distinct().forEach(ledger::protocolNumbersAreGapless);
    ledger.everyEventPublicationCompletes(Duration.ofMinutes(1));
    ledger.eachFeeIsOpenedOnce();
  }
}
