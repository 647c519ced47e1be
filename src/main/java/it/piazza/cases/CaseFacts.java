package it.piazza.cases;

import it.piazza.catalog.ServiceId;
import it.piazza.identity.FiscalCode;
import it.piazza.identity.OfficeId;
import it.piazza.tenancy.TenantId;
import tools.jackson.databind.JsonNode;

/**
 * What another module may know of an application: who filed it for whom, under which service version, which office
 * handles it, where it stands, and its answers (read them, never change them).
 */
public record CaseFacts(CaseId id, TenantId tenant, ServiceId service, int serviceVersion, OfficeId office,
                        FiscalCode applicant, String applicantName, FiscalCode beneficiary, String beneficiaryName,
                        CaseStatus status, String protocolNumber, JsonNode data) {}
