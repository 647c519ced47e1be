package it.piazza.issuance.internal;

import it.piazza.cases.CaseDecided;
import it.piazza.cases.CaseDecisions;
import it.piazza.cases.CaseFacts;
import it.piazza.cases.CaseStatus;
import it.piazza.catalog.Catalog;
import it.piazza.catalog.ServiceDefinition;
import it.piazza.identity.OfficeDirectory;
import it.piazza.issuance.DocumentKind;
import it.piazza.tenancy.Tenant;
import it.piazza.tenancy.Tenants;
import java.util.Locale;
import java.util.Optional;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Issues the document of each decided case: the registry certificate of an approved certificate request (or, when
 * it cannot be issued, a decision saying why), the decision (provvedimento) of every other approved or rejected
 * case. Once per case: a redelivered event finds the document already issued ({@link Issuer}).
 */
@Component
class DecidedCases {

  static final String REGISTRY_CERTIFICATE = "registry-certificate";

  private final CaseDecisions cases;
  private final Catalog catalog;
  private final OfficeDirectory offices;
  private final Tenants tenants;
  private final RegistryCertificates certificates;
  private final Issuer issuer;

  DecidedCases(CaseDecisions cases, Catalog catalog, OfficeDirectory offices, Tenants tenants,
               RegistryCertificates certificates, Issuer issuer) {
    this.cases = cases;
    this.catalog = catalog;
    this.offices = offices;
    this.tenants = tenants;
    this.certificates = certificates;
    this.issuer = issuer;
  }

  /**
   * Asynchronous after the decision commits, like an {@code @ApplicationModuleListener}, but without a transaction
   * around it: that one would hold a pooled connection while the PDF is written and sealed, and a burst of
   * approvals then starves the requests of connections. {@link Issuer} opens its own, short transaction. The
   * event publication registry tracks this listener all the same (it completes when the method returns).
   */
  @Async
  @TransactionalEventListener
  void on(CaseDecided decided) {
    if (decided.outcome() != CaseStatus.APPROVED && decided.outcome() != CaseStatus.REJECTED) {
      return;
    }
    Optional<Tenant> comune = tenants.find(decided.tenant());
    Optional<CaseDecisions.Decision> decision = cases.decision(decided.tenant(), decided.caseId());
    if (comune.isEmpty() || decision.isEmpty()) {
      return;
    }
    CaseFacts facts = decision.get().facts();
    Optional<ServiceDefinition> service = catalog.find(decided.tenant(), facts.service(), facts.serviceVersion());
    String serviceTitle = service.map(s -> s.title().in(Locale.ITALIAN)).orElse(facts.service().value());
    String officeName = offices.name(decided.tenant(), facts.office()).map(OfficeDirectory.OfficeName::it)
        .orElse(facts.office().value());
    boolean certificate = decided.outcome() == CaseStatus.APPROVED && service.flatMap(ServiceDefinition::issues)
        .map(i -> REGISTRY_CERTIFICATE.equals(i.document())).orElse(false);
    String cause = "case:" + decided.caseId();
    String refusal = null;
    if (certificate) {
      RegistryCertificates.Outcome outcome = certificates.prepare(decided.tenant(), facts);
      if (outcome instanceof RegistryCertificates.Issuable issuable) {
        issuer.issue(new Issuer.Request(comune.get(), DocumentKind.CERTIFICATE, cause, issuable.title(),
            issuable.holder(), issuable.holderName(), decided.caseId(), facts.office(), null,
            (code, url) -> issuable.content(), officeName));
        return;
      }
      refusal = ((RegistryCertificates.Refused) outcome).reason();
    }
    String reason = refusal;
    int deadline = service.map(ServiceDefinition::legalDeadlineDays).orElse(30);
    issuer.issue(new Issuer.Request(comune.get(), DocumentKind.DECISION, cause,
        refusal != null ? "Comunicazione di mancato rilascio - " + serviceTitle
            : Decisions.title(decided.outcome(), decided.bySilence(), serviceTitle),
        facts.beneficiary(), Decisions.name(facts.beneficiaryName(), facts), decided.caseId(), facts.office(), null,
        (code, url) -> Decisions.sheet(decision.get(), decided.outcome(), decided.bySilence(), serviceTitle,
            officeName, deadline, reason), officeName));
  }
}
