package it.piazza.preservation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import it.piazza.issuance.DocumentIssued;
import it.piazza.issuance.DocumentKind;
import it.piazza.preservation.PreservationTestBase;
import it.piazza.preservation.TestPole;
import it.piazza.support.PiazzaTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Two nodes send at once (here three senders: the scheduled one and two more started together, each claiming in its
 * own transaction): every package reaches the pole once.
 */
@PiazzaTest
class TwoSendersTests extends PreservationTestBase {

  @Autowired
  PackageSender sender;

  @AfterEach
  void poleBackToNormal() {
    POLE.mode(TestPole.Mode.ACCEPT);
  }

  @Test
  void twoSendersAtOnceSendEachPackageOnce() throws Exception {
    POLE.mode(TestPole.Mode.SLOW); // every answer takes a while, so the senders overlap
    List<DocumentIssued> registers = new ArrayList<>();
    for (int day = 1; day <= 4; day++) {
      registers.add(issue(NOVE, DocumentKind.DAILY_REGISTER, null, LocalDate.of(2026, 5, day), "Registro " + day));
    }
    for (DocumentIssued r : registers) {
      awaitPackage(NOVE, "daily-register", r.documentId().toString(), p -> true);
    }
    CountDownLatch start = new CountDownLatch(1);
    try (var pool = Executors.newFixedThreadPool(2)) {
      List<Future<Integer>> runs = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        runs.add(pool.submit(() -> {
          start.await();
          return sender.sendDue();
        }));
      }
      start.countDown();
      for (Future<Integer> run : runs) {
        run.get();
      }
    }
    for (DocumentIssued r : registers) {
      JsonNode accepted = awaitPackage(NOVE, "daily-register", r.documentId().toString(), inState("accepted"));
      assertThat(POLE.posts(accepted.get("id").asString())).as("posts of " + accepted).isEqualTo(1);
      assertThat(accepted.get("attempts").asInt()).isEqualTo(1);
    }
  }
}
