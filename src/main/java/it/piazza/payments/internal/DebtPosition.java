package it.piazza.payments.internal;

import it.piazza.cases.CaseId;
import it.piazza.identity.FiscalCode;
import it.piazza.identity.OfficeId;
import it.piazza.payments.DebtPositionId;
import it.piazza.payments.NoticeNumber;
import it.piazza.payments.PaymentCategory;
import it.piazza.payments.PaymentsProblem;
import it.piazza.platform.ProblemException;
import it.piazza.tenancy.EnteFiscalCode;
import it.piazza.tenancy.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

/**
 * A debt position (posizione debitoria): what a payer owes the comune, identified on pagoPA by the creditor's
 * fiscal code and the IUV, and paid with its notice number. Amounts are in euro cents, never in floating point.
 *
 * @param validUntil the last day the notice may be paid; empty: it stays payable after the due date
 * @param beneficiary whom the payment is for (a child for school charges); the payer when it is the same person
 */
record DebtPosition(DebtPositionId id, TenantId tenant, EnteFiscalCode creditor, NoticeNumber notice, long amountCents,
                    LocalDate dueDate, LocalDate validUntil, FiscalCode payer, String payerName,
                    FiscalCode beneficiary, String beneficiaryName, String description, PaymentCategory category,
                    Status status, Origin origin, CaseId caseId, OfficeId office, String period, UUID planId,
                    Integer instalment, Integer instalments, String externalReference, Instant createdAt,
                    Instant paidAt, String cancelledReason) {

  enum Status {
    OPEN, PAID, EXPIRED, CANCELLED;

    String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Status fromCode(String code) {
      return valueOf(code.toUpperCase(Locale.ROOT));
    }
  }

  /** Where the position comes from: an application's fee, a recurring school charge, another system. */
  enum Origin {
    CASE_FEE, RECURRING, IMPORT;

    String code() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Origin fromCode(String code) {
      return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
  }

  /** The status as the payer sees it on {@code day}: an open notice past its last valid day has expired. */
  Status statusOn(LocalDate day) {
    return status == Status.OPEN && validUntil != null && day.isAfter(validUntil) ? Status.EXPIRED : status;
  }

  /**
   * Checks that a payment of {@code amount} cents made on {@code day} may settle this position, the way a pagoPA
   * creditor answers a receipt: closed positions first, then the amount, which must be exactly the one owed.
   */
  void checkPayable(long amount, LocalDate day) {
    switch (statusOn(day)) {
      case PAID -> throw new ProblemException(PaymentsProblem.ALREADY_PAID, notice.value());
      case EXPIRED -> throw new ProblemException(PaymentsProblem.EXPIRED, notice.value());
      case CANCELLED -> throw new ProblemException(PaymentsProblem.CANCELLED, notice.value());
      case OPEN -> { }
    }
    if (amount != amountCents) {
      throw new ProblemException(PaymentsProblem.AMOUNT_MISMATCH, Money.format(amount), Money.format(amountCents));
    }
  }

  /** The person whose data this is, for the audit log. */
  FiscalCode dataSubject() {
    return beneficiary != null ? beneficiary : payer;
  }
}
