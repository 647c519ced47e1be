package it.piazza.payments.internal;

import it.piazza.identity.FiscalCode;
import java.time.LocalDate;

/** Who owes a payment made for someone: the beneficiary when of age, else the adult who applied for them. */
final class Payers {

  private Payers() {}

  /**
   * A child cannot be a debtor (art. 2 c.c.), so a parent's application for a child is owed by the parent; a
   * professional filing with a client's mandate files for the client, who owes the fee.
   */
  static FiscalCode of(FiscalCode applicant, FiscalCode beneficiary, LocalDate today) {
    return beneficiary == null || beneficiary.isMinorOn(today) ? applicant : beneficiary;
  }
}
