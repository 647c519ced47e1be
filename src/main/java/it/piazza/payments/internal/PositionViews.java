package it.piazza.payments.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Debt positions as the API shows them. */
@Component
class PositionViews {

  private final Clock clock;

  PositionViews(Clock clock) {
    this.clock = clock;
  }

  /** One line of a person's payments. */
  record Item(UUID id, String noticeNumber, String iuv, long amountCents, String status, LocalDate dueDate,
              String description, String category, String beneficiaryName, UUID caseId, Instant paidAt) {}

  record Person(String fiscalCode, String name) {}

  record Instalment(UUID planId, int number, int of) {}

  record Detail(UUID id, String noticeNumber, String iuv, String creditorFiscalCode, long amountCents, String status,
                LocalDate dueDate, LocalDate validUntil, String description, String category, Person payer,
                Person beneficiary, String origin, UUID caseId, String office, String period, Instalment instalment,
                String externalReference, Instant createdAt, Instant paidAt, String cancelledReason, String notice) {}

  Item item(DebtPosition p) {
    return new Item(p.id().value(), p.notice().value(), p.notice().iuv(), p.amountCents(), status(p), p.dueDate(),
        p.description(), p.category().code(), p.beneficiaryName(), p.caseId() == null ? null : p.caseId().value(),
        p.paidAt());
  }

  Detail detail(DebtPosition p) {
    return new Detail(p.id().value(), p.notice().value(), p.notice().iuv(), p.creditor().value(), p.amountCents(),
        status(p), p.dueDate(), p.validUntil(), p.description(), p.category().code(),
        new Person(p.payer().value(), p.payerName()),
        p.beneficiary() == null ? null : new Person(p.beneficiary().value(), p.beneficiaryName()),
        p.origin().code(), p.caseId() == null ? null : p.caseId().value(),
        p.office() == null ? null : p.office().value(), p.period(),
        p.instalment() == null ? null : new Instalment(p.planId(), p.instalment(), p.instalments()),
        p.externalReference(), p.createdAt(), p.paidAt(), p.cancelledReason(),
        "/api/v1/payments/" + p.id() + "/notice.pdf");
  }

  private String status(DebtPosition p) {
    return p.statusOn(LocalDate.now(clock)).code();
  }
}
