package it.piazza.payments.internal;

import it.piazza.identity.Callers;
import it.piazza.payments.PaymentsProblem;
import it.piazza.platform.PageController;
import it.piazza.platform.ProblemException;
import java.util.UUID;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * DEMO ONLY (profile {@code demo}): the "Paga" button of the citizen file's payments, a simulated payment through
 * {@link DemoPaymentSimulator#pay} — the same code as {@code POST /demo/payments/{id}/pay}. Without the demo profile
 * this route does not exist, and the page tells how to pay on pagoPA instead.
 */
@PageController
@Profile("demo")
class DemoPaymentPages {

  private final Callers callers;
  private final DemoPaymentSimulator simulator;

  DemoPaymentPages(Callers callers, DemoPaymentSimulator simulator) {
    this.callers = callers;
    this.simulator = simulator;
  }

  @PostMapping("/fascicolo/pagamenti/{id}/paga")
  String pay(@PathVariable UUID id, RedirectAttributes redirect) {
    try {
      Receipts.Stored paid = simulator.pay(callers.current(), id);
      redirect.addFlashAttribute("paid", paid.noticeNumber());
    } catch (ProblemException refused) {
      // Someone else's notice, or none: not found, as everywhere. A closed one (paid meanwhile, expired,
      // cancelled): told on the page, which shows its status.
      if (refused.type() == PaymentsProblem.PAYMENT_NOT_FOUND || !(refused.type() instanceof PaymentsProblem)) {
        throw refused;
      }
      redirect.addFlashAttribute("refused", refused.type().slug());
    }
    return "redirect:/fascicolo/pagamenti";
  }
}
