package it.piazza.payments.internal;

import it.piazza.cases.CaseId;
import it.piazza.identity.FiscalCode;
import it.piazza.identity.OfficeId;
import it.piazza.payments.PaymentCategory;
import it.piazza.tenancy.TenantId;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A debt position to open. At most one exists per {@code caseId}, per (beneficiary, category, {@code period}) and per
 * {@code externalReference}: opening the same one again answers the one already open.
 */
record NewPosition(TenantId tenant, FiscalCode payer, String payerName, FiscalCode beneficiary,
                   String beneficiaryName, long amountCents, LocalDate dueDate, LocalDate validUntil,
                   String description, PaymentCategory category, DebtPosition.Origin origin, CaseId caseId,
                   OfficeId office, String period, UUID planId, Integer instalment, Integer instalments,
                   String externalReference, String createdBy) {

  NewPosition {
    if (amountCents <= 0) {
      throw new IllegalArgumentException("A debt position is for a positive amount of cents");
    }
    if (period != null && beneficiary == null) {
      throw new IllegalArgumentException("A recurring charge names the child it is for");
    }
  }

  /** A single position: no instalment plan, no outside reference. */
  static NewPosition of(TenantId tenant, FiscalCode payer, String payerName, FiscalCode beneficiary,
                        String beneficiaryName, long amountCents, LocalDate dueDate, String description,
                        PaymentCategory category, DebtPosition.Origin origin, CaseId caseId, OfficeId office,
                        String period, String createdBy) {
    return new NewPosition(tenant, payer, payerName, beneficiary, beneficiaryName, amountCents, dueDate, null,
        description, category, origin, caseId, office, period, null, null, null, null, createdBy);
  }
}
