package it.piazza.payments.internal;

import it.piazza.audit.AuditLog;
import it.piazza.audit.AuditRecord;
import it.piazza.cases.CaseDecided;
import it.piazza.cases.CaseFacts;
import it.piazza.cases.CasePayments;
import it.piazza.cases.CaseStatus;
import it.piazza.cases.CaseSubmitted;
import it.piazza.catalog.Catalog;
import it.piazza.catalog.ServiceDefinition;
import it.piazza.identity.Channel;
import it.piazza.identity.FiscalCode;
import it.piazza.payments.PaymentCategory;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Opens the fee of a service as a debt position: on submission when it is due before processing (the case waits
 * for it, decision 005), on approval when it is due on issue. Events may come twice (redelivery after a crash, two
 * nodes): an application never gets a second position.
 */
@Component
class FeePositions {

  private static final Logger log = LoggerFactory.getLogger(FeePositions.class);

  private final CasePayments cases;
  private final Catalog catalog;
  private final DebtPositions positions;
  private final AuditLog audit;
  private final PaymentsProperties properties;
  private final Clock clock;

  FeePositions(CasePayments cases, Catalog catalog, DebtPositions positions, AuditLog audit,
               PaymentsProperties properties, Clock clock) {
    this.cases = cases;
    this.catalog = catalog;
    this.positions = positions;
    this.audit = audit;
    this.properties = properties;
    this.clock = clock;
  }

  @ApplicationModuleListener
  void on(CaseSubmitted submitted) {
    cases.find(submitted.tenant(), submitted.caseId())
        .ifPresent(facts -> openFee(facts, ServiceDefinition.Fee.Due.BEFORE_PROCESSING));
  }

  @ApplicationModuleListener
  void on(CaseDecided decided) {
    if (decided.outcome() == CaseStatus.APPROVED) {
      cases.find(decided.tenant(), decided.caseId())
          .ifPresent(facts -> openFee(facts, ServiceDefinition.Fee.Due.ON_ISSUE));
    }
  }

  /** Opens the fee of the service version the case was filed under, if it is due at this moment and not waived. */
  Optional<DebtPositions.Opened> openFee(CaseFacts facts, ServiceDefinition.Fee.Due moment) {
    Optional<ServiceDefinition> service = catalog.find(facts.tenant(), facts.service(), facts.serviceVersion())
        .or(() -> catalog.find(facts.tenant(), facts.service()));
    Optional<ServiceDefinition.Fee> fee = service.flatMap(ServiceDefinition::fee)
        .filter(f -> f.due() == moment && f.appliesTo(facts.data()));
    if (fee.isEmpty()) {
      return Optional.empty();
    }
    LocalDate today = LocalDate.now(clock);
    FiscalCode payer = Payers.of(facts.applicant(), facts.beneficiary(), today);
    String payerName = payer.equals(facts.applicant()) ? facts.applicantName() : facts.beneficiaryName();
    PaymentCategory category = PaymentCategory.fromCode(fee.get().category()).orElse(PaymentCategory.SERVICE_FEE);
    String full = fee.get().description().it() + " - " + service.get().title().it() + ", pratica "
        + facts.protocolNumber();
    // pagoPA: the reason for payment (causale) has at most 140 characters.
    String description = full.length() <= PositionImports.MAX_DESCRIPTION ? full
        : full.substring(0, PositionImports.MAX_DESCRIPTION - 1) + "…";
    DebtPositions.Opened opened = positions.open(NewPosition.of(facts.tenant(), payer, payerName,
        facts.beneficiary(), facts.beneficiaryName(), fee.get().amountCents(),
        today.plusDays(properties.daysToPay()), description, category, DebtPosition.Origin.CASE_FEE, facts.id(),
        facts.office(), null, "piazza"));
    if (opened.created()) {
      audit.record(new AuditRecord(facts.tenant(), "piazza", null, opened.position().dataSubject().value(), "create",
          "debt-position", opened.position().id().toString(), Channel.SYSTEM, "fee:" + facts.service()));
      log.debug("Opened fee {} for case {}", opened.position().notice(), facts.id());
    }
    return Optional.of(opened);
  }
}
