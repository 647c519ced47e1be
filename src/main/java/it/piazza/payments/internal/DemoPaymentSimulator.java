package it.piazza.payments.internal;

import it.piazza.identity.Caller;
import it.piazza.identity.Callers;
import it.piazza.platform.CommonProblem;
import it.piazza.platform.Idempotency;
import it.piazza.platform.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * DEMO ONLY (profile {@code demo}): plays the payment intermediary so that a demo citizen can pay a notice end to
 * end. No money moves: it makes up a receipt ({@code DEMO-...}, PSP "Simulatore pagoPA (demo)") and delivers it
 * through the same code path as a real intermediary's receipt.
 */
@RestController
@Profile("demo")
@Tag(name = "Demo")
class DemoPaymentSimulator {

  static final String PSP = "Simulatore pagoPA (demo)";

  private final Callers callers;
  private final PositionAccess access;
  private final Receipts receipts;
  private final Idempotency idempotency;
  private final TransactionTemplate transactions;
  private final Clock clock;

  DemoPaymentSimulator(Callers callers, PositionAccess access, Receipts receipts, Idempotency idempotency,
                       TransactionTemplate transactions, Clock clock) {
    this.callers = callers;
    this.access = access;
    this.receipts = receipts;
    this.idempotency = idempotency;
    this.transactions = transactions;
    this.clock = clock;
  }

  @PostMapping("/demo/payments/{id}/pay")
  @Operation(summary = "DEMO: pay one of my notices (or of someone I act for) with the simulated intermediary")
  ResponseEntity<String> pay(@PathVariable UUID id,
                             @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
    Caller caller = callers.find().orElseThrow(() -> new ProblemException(CommonProblem.UNAUTHENTICATED));
    return idempotency.run(caller.tenant().value(), caller.subject(), key, "demo-pay:" + id,
        () -> new Idempotency.Answer(HttpStatus.CREATED, pay(caller, id), URI.create("/api/v1/payments/" + id)));
  }

  /**
   * Pays one of the caller's notices (or of someone they act for) with a made-up receipt: the one code path of the
   * demo API above and of the portal's "Paga" button. Joins the caller's transaction, if any.
   */
  Receipts.Stored pay(Caller caller, UUID id) {
    return transactions.execute(status -> {
      DebtPosition position = access.requirePayable(caller, id);
      // As a payment app verifies a notice before taking the money (paVerifyPaymentNotice): a closed notice is
      // refused here, and no money, hence no receipt, ever exists for it.
      position.checkPayable(position.amountCents(), java.time.LocalDate.now(clock));
      return receipts.settle(caller.tenant(), new Receipts.Incoming(
              "DEMO-" + UUID.randomUUID(), position.notice().value(), position.creditor().value(),
              position.amountCents(), clock.instant(), PSP), "demo-payment-simulator:" + caller.subject(),
          caller.channel());
    });
  }
}
