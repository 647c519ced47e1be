package it.piazza.payments.internal;

import it.piazza.identity.Callers;
import it.piazza.platform.PageController;
import it.piazza.platform.ProtectedPages;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * "Il mio fascicolo", Pagamenti: what I and the people I may act for owe the comune, read through the same code
 * as {@code GET /api/v1/me/payments} (same access rule, same audit entry), each with its notice to download. How
 * to pay: on pagoPA with the notice number or the notice's QR code; with the demo profile, also a simulated payment
 * ({@link DemoPaymentPages}).
 */
@PageController
class PaymentPages {

  private final Callers callers;
  private final MyPayments payments;
  private final ObjectProvider<DemoPaymentSimulator> simulator;
  private final Clock clock;

  PaymentPages(Callers callers, MyPayments payments, ObjectProvider<DemoPaymentSimulator> simulator, Clock clock) {
    this.callers = callers;
    this.payments = payments;
    this.simulator = simulator;
    this.clock = clock;
  }

  /**
   * One line of the page. The amount is written from cents (never through floating point), the Italian way.
   *
   * @param forWhom whom the payment is for: the beneficiary (a child), else the payer
   * @param status as the payer sees it today: open, paid, expired, cancelled
   */
  record Row(UUID id, String description, String forWhom, long amountCents, String amount, LocalDate dueDate,
             String status, String noticeNumber, Instant paidAt) {

    static Row of(DebtPosition p, LocalDate today) {
      return new Row(p.id().value(), p.description(), p.beneficiaryName() != null ? p.beneficiaryName() : p.payerName(),
          p.amountCents(), Money.format(p.amountCents()), p.dueDate(), p.statusOn(today).code(), p.notice().value(),
          p.paidAt());
    }

    public boolean payable() {
      return DebtPosition.Status.OPEN.code().equals(status);
    }
  }

  @GetMapping("/fascicolo/pagamenti")
  String mine(Model model) {
    LocalDate today = LocalDate.now(clock);
    List<Row> rows = payments.of(callers.current()).stream().map(p -> Row.of(p, today)).toList();
    model.addAttribute("rows", rows);
    model.addAttribute("simulated", simulator.getIfAvailable() != null);
    return "payments/mine";
  }

  @GetMapping("/fascicolo/pagamenti/{id}/avviso.pdf")
  ResponseEntity<byte[]> notice(@PathVariable UUID id) {
    return payments.notice(callers.current(), id);
  }

  @Bean
  static ProtectedPages paymentProtectedPages() {
    return ProtectedPages.signedIn("/fascicolo/pagamenti", "/fascicolo/pagamenti/**");
  }
}
