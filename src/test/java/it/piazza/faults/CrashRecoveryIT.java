package it.piazza.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Issue 7, "nothing acknowledged is lost": a node killed with SIGKILL in the middle of a submission load, started
 * again on the same database. Every 201 names a stored case under the protocol number of its receipt; numbering
 * has no gap; every event reaches its listeners once in effect; requests cut in flight, sent again with their
 * Idempotency-Key, are filed once.
 */
class CrashRecoveryIT {

  @Test
  void aNodeKilledMidLoadLosesNoAcknowledgedApplication() {
    Path folder = Faults.folder("crash");
    try (FaultDatabase database = FaultDatabase.fresh(folder.resolve("postgres"));
         AppNode node = new AppNode("node", database, folder.resolve("data"), folder,
             List.of("--piazza.events.retry-every=2s", "--piazza.events.retry-older-than=10s"))) {
      node.start();
      Faults.explained(() -> killAndRecover(database, node), node);
    }
  }

  private void killAndRecover(FaultDatabase database, AppNode node) {
    Load load = new Load(node);
    load.start(List.of(node), 8, true);
    Awaitility.await("40 applications filed").atMost(Duration.ofMinutes(2)).until(() -> load.created() >= 40);

    node.kill();
    List<Load.Outcome> beforeCrash = load.stop();
    Ledger ledger = new Ledger(database);
    long unfinished = ledger.count("select count(*) from event_publication where completion_date is null");
    node.start();

    List<Load.Outcome> acknowledged = new ArrayList<>(beforeCrash.stream().filter(o -> o.status() == 201).toList());
    List<Load.Outcome> cut = beforeCrash.stream().filter(o -> !o.answered()).toList();
    assertThat(beforeCrash).as("before the crash every answer was a receipt")
        .allMatch(o -> o.status() == 201 || !o.answered());
    assertThat(cut).as("each worker had one request cut by the kill").hasSize(8);

    // The client retries what got no answer, with the same key: stored answer or a fresh single filing.
    int committed = 0;
    for (Load.Outcome lost : cut) {
      Load.Outcome again = load.send(lost.attempt());
      assertThat(again.status()).as("retry of %s: %s", lost.attempt().key(), again.body()).isEqualTo(201);
      committed += again.replayed() ? 1 : 0;
      acknowledged.add(again);
    }
    System.out.printf("crash: %d receipts before the kill; %d requests cut (%d had committed, %d filed on retry); "
        + "%d event publications unfinished at the kill%n", acknowledged.size() - cut.size(), cut.size(), committed,
        cut.size() - committed, unfinished);
    // Retrying what was acknowledged before the crash replays the receipt, on the restarted node too.
    for (Load.Outcome receipt : acknowledged.subList(0, 10)) {
      Load.Outcome replay = load.send(receipt.attempt());
      assertThat(replay.status()).isEqualTo(201);
      assertThat(replay.caseId()).isEqualTo(receipt.caseId());
      assertThat(replay.protocol()).isEqualTo(receipt.protocol());
    }
    // And the restarted node keeps numbering from where the register stood.
    Load after = new Load(node).start(List.of(node), 4, false);
    Awaitility.await("10 more applications").atMost(Duration.ofMinutes(1)).until(() -> after.created() >= 10);
    acknowledged.addAll(after.stop().stream().filter(o -> o.status() == 201).toList());

    Receipts.eachNamesItsStoredCase(load, node, acknowledged);
    long keys = acknowledged.stream().map(o -> o.attempt().key()).distinct().count();
    assertThat(ledger.count("select count(*) from application")).as("one case per acknowledged key, no more")
        .isEqualTo(keys);
    Load.CITIZENS.values().stream().distinct().forEach(ledger::protocolNumbersAreGapless);
    ledger.casesAndProtocolEntriesMatchOneToOne();
    ledger.eachCaseIsAuditedOnceAsCreated();
    ledger.everyEventPublicationCompletes(Duration.ofMinutes(1));
    ledger.eachFeeIsOpenedOnce();
  }
}
