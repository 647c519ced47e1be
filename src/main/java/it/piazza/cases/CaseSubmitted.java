package it.piazza.cases;

import it.piazza.catalog.ServiceId;
import it.piazza.identity.FiscalCode;
import it.piazza.identity.OfficeId;
import it.piazza.tenancy.TenantId;
import java.time.LocalDate;

/** Raised when an application is committed, registered in the protocol and its legal clock started. */
public record CaseSubmitted(CaseId caseId, TenantId tenant, FiscalCode applicant, FiscalCode beneficiary,
                            ServiceId service, OfficeId office, String protocolNumber, LocalDate dueDate) {}
