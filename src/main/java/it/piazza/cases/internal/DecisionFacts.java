package it.piazza.cases.internal;

import it.piazza.cases.CaseDecisions;
import it.piazza.cases.CaseFacts;
import it.piazza.cases.CaseId;
import it.piazza.cases.CaseStatus;
import it.piazza.tenancy.TenantId;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Decided cases as the issuance module sees them, to write their certificate or decision. */
@Component
class DecisionFacts implements CaseDecisions {

  private final Applications applications;

  DecisionFacts(Applications applications) {
    this.applications = applications;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Decision> decision(TenantId tenant, CaseId id) {
    return applications.find(tenant, id)
        .filter(a -> a.decidedOn != null && (a.status == CaseStatus.APPROVED || a.status == CaseStatus.REJECTED
            || a.status == CaseStatus.CLOSED))
        .map(a -> new Decision(new CaseFacts(a.id, a.tenant, a.service, a.serviceVersion, a.office,
            a.parties.applicant(), a.parties.applicantName(), a.parties.beneficiary(), a.parties.beneficiaryName(),
            a.status, a.protocolNumber, a.data), a.submittedAt, a.decidedOn, a.decisionReason));
  }
}
