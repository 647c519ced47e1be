package it.piazza.payments.internal;

import it.piazza.cases.CasePayments;
import it.piazza.payments.PaymentSettled;
import java.time.ZoneId;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells cases that a fee is paid, so an application waiting for it goes to its office (decision 005). Runs after
 * the receipt commits; if it fails, the event stays incomplete and is delivered again.
 */
@Component
class CaseResumer {

  private static final ZoneId ITALY = ZoneId.of("Europe/Rome");

  private final CasePayments cases;

  CaseResumer(CasePayments cases) {
    this.cases = cases;
  }

  @ApplicationModuleListener
  void on(PaymentSettled settled) {
    if (settled.caseId() != null) {
      cases.paymentSettled(settled.tenant(), settled.caseId(), settled.paidAt().atZone(ITALY).toLocalDate());
    }
  }
}
