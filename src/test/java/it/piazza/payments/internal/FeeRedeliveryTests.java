package it.piazza.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import it.piazza.cases.CaseFacts;
import it.piazza.cases.CaseId;
import it.piazza.cases.CasePayments;
import it.piazza.catalog.ServiceDefinition;
import it.piazza.payments.PaymentFixtures;
import it.piazza.support.Api;
import it.piazza.support.PiazzaTest;
import it.piazza.tenancy.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A submission delivered again (after a crash, or to two nodes at once) opens no second fee: the listener's work,
 * run twice concurrently after the real first delivery, finds the position already open.
 */
@PiazzaTest
class FeeRedeliveryTests {

  @Autowired
  Api api;

  @Autowired
  FeePositions fees;

  @Autowired
  CasePayments cases;

  @Autowired
  TransactionTemplate transactions;

  @Autowired
  JdbcClient jdbc;

  @Test
  void aRedeliveredSubmissionOpensNoSecondPosition() throws Exception {
    PaymentFixtures payments = new PaymentFixtures(api);
    String mario = api.token("mario.rossi");
    String caseId = payments.summerCamp(mario).json().get("id").asString();
    String first = payments.awaitPositions(mario, caseId, 1).get(0).get("id").asString();
    CaseFacts facts = cases.find(new TenantId("c_b001"), new CaseId(UUID.fromString(caseId))).orElseThrow();

    CyclicBarrier barrier = new CyclicBarrier(2);
    Callable<DebtPositions.Opened> redelivery = () -> {
      barrier.await();
      return transactions.execute(status -> fees.openFee(facts, ServiceDefinition.Fee.Due.BEFORE_PROCESSING)
          .orElseThrow());
    };
    List<DebtPositions.Opened> again = new ArrayList<>();
    try (var pool = Executors.newFixedThreadPool(2)) {
      for (Future<DebtPositions.Opened> answer : pool.invokeAll(List.of(redelivery, redelivery))) {
        again.add(answer.get());
      }
    }

    assertThat(again).allSatisfy(opened -> {
      assertThat(opened.created()).isFalse();
      assertThat(opened.position().id().toString()).isEqualTo(first);
    });
    assertThat(jdbc.sql("select count(*) from debt_position where case_id = ?::uuid").param(caseId)
        .query(Long.class).single()).isEqualTo(1);
  }
}
