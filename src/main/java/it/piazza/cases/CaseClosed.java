package it.piazza.cases;

import it.piazza.catalog.ServiceId;
import it.piazza.identity.OfficeId;
import it.piazza.tenancy.TenantId;
import java.time.LocalDate;

/**
 * Raised when the office closes a decided or withdrawn application: its file is complete and may go to preservation.
 *
 * @param outcome how the case ended before it was closed: {@code APPROVED}, {@code REJECTED} or {@code WITHDRAWN}
 */
public record CaseClosed(CaseId caseId, TenantId tenant, ServiceId service, OfficeId office, String protocolNumber,
                         LocalDate closedOn, CaseStatus outcome) {}
