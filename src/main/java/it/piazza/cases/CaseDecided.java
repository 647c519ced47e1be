package it.piazza.cases;

import it.piazza.catalog.ServiceId;
import it.piazza.identity.FiscalCode;
import it.piazza.tenancy.TenantId;
import java.time.LocalDate;

/**
 * Raised when an application is approved (by the office, or by silence under L. 241/1990 art. 20) or rejected.
 *
 * @param bySilence approval by silence (silenzio-assenso): the raised event is the attestation of art. 20 c.2-bis
 */
public record CaseDecided(CaseId caseId, TenantId tenant, FiscalCode beneficiary, ServiceId service,
                          CaseStatus outcome, LocalDate decidedOn, boolean bySilence) {}
