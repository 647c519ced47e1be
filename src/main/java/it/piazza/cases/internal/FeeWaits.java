package it.piazza.cases.internal;

import it.piazza.audit.AuditLog;
import it.piazza.audit.AuditRecord;
import it.piazza.cases.CaseFacts;
import it.piazza.cases.CaseId;
import it.piazza.cases.CasePayments;
import it.piazza.cases.Cases;
import it.piazza.identity.Channel;
import it.piazza.tenancy.TenantId;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cases as other modules see them: their facts ({@link Cases}), and for payments their release once the fee is paid.
 */
@Component
class FeeWaits implements CasePayments, Cases {

  private static final int ATTEMPTS = 5;

  private final Applications applications;
  private final AuditLog audit;
  private final Clock clock;

  FeeWaits(Applications applications, AuditLog audit, Clock clock) {
    this.applications = applications;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<CaseFacts> find(TenantId tenant, CaseId id) {
    return applications.find(tenant, id).map(a -> new CaseFacts(a.id, a.tenant, a.service, a.serviceVersion,
        a.office, a.parties.applicant(), a.parties.applicantName(), a.parties.beneficiary(),
        a.parties.beneficiaryName(), a.status, a.protocolNumber, a.data));
  }

  @Override
  @Transactional
  public boolean paymentSettled(TenantId tenant, CaseId id, LocalDate paidOn) {
    // An operator may change the case at the same moment (e.g. assign it): read again and retry on a lost race.
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<Application> found = applications.find(tenant, id);
      if (found.isEmpty() || !found.get().paymentSettled(clock.instant(), paidOn)) {
        return false;
      }
      Application application = found.get();
      if (applications.update(application, LocalDate.now(clock))) {
        audit.record(new AuditRecord(tenant, "piazza", null, application.parties.beneficiary().value(),
            "payment-settled", "application", id.toString(), Channel.SYSTEM, "case-handling"));
        return true;
      }
    }
    throw new IllegalStateException("Case " + id + " kept changing while its payment was being recorded");
  }
}
