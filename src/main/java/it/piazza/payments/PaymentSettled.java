package it.piazza.payments;

import it.piazza.cases.CaseId;
import it.piazza.identity.FiscalCode;
import it.piazza.tenancy.TenantId;
import java.time.Instant;

/**
 * Raised once per debt position, when the receipt (ricevuta telematica) that pays it is stored.
 *
 * @param caseId the application whose fee this was; {@code null} for charges and imported positions
 */
public record PaymentSettled(DebtPositionId position, TenantId tenant, NoticeNumber noticeNumber, long amountCents,
                             FiscalCode payer, PaymentCategory category, CaseId caseId, String receiptId,
                             Instant paidAt) {}
