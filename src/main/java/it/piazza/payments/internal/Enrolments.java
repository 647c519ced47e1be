package it.piazza.payments.internal;

import it.piazza.cases.CaseDecided;
import it.piazza.cases.CaseFacts;
import it.piazza.cases.CasePayments;
import it.piazza.cases.CaseStatus;
import it.piazza.identity.FiscalCode;
import it.piazza.tenancy.TenantId;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Children enrolled in the school canteen or the school bus, recorded when their enrolment application is
 * approved (the services are named in {@code piazza.payments.enrolment-services}). Recurring charges are made for
 * them. Recording again (a redelivered event, a new approval) updates the one row per child, service and school year.
 */
@Component
class Enrolments {

  private final JdbcClient jdbc;
  private final CasePayments cases;
  private final PaymentsProperties properties;
  private final Clock clock;

  Enrolments(JdbcClient jdbc, CasePayments cases, PaymentsProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.cases = cases;
    this.properties = properties;
    this.clock = clock;
  }

  /** A child's enrolment: who pays, which office handles it. */
  record Enrolment(TenantId tenant, FiscalCode child, String childName, String category, String schoolYear,
                   FiscalCode payer, String payerName, String office) {}

  @ApplicationModuleListener
  void on(CaseDecided decided) {
    String category = properties.enrolmentServices().get(decided.service().value());
    if (category == null || decided.outcome() != CaseStatus.APPROVED) {
      return;
    }
    cases.find(decided.tenant(), decided.caseId()).ifPresent(facts -> record(facts, category, decided.decidedOn()));
  }

  void record(CaseFacts facts, String category, LocalDate decidedOn) {
    String schoolYear = Optional.ofNullable(facts.data().get("schoolYear")).filter(n -> n.isString())
        .map(n -> n.asString()).orElseGet(() -> SchoolTerms.schoolYearOf(decidedOn));
    FiscalCode payer = Payers.of(facts.applicant(), facts.beneficiary(), LocalDate.now(clock));
    String payerName = payer.equals(facts.applicant()) ? facts.applicantName() : facts.beneficiaryName();
    jdbc.sql("""
            insert into school_enrolment (tenant_id, child_fiscal_code, category, school_year, child_name,
              payer_fiscal_code, payer_name, case_id, office_id, enrolled_on)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (tenant_id, child_fiscal_code, category, school_year) do update set
              child_name = excluded.child_name, payer_fiscal_code = excluded.payer_fiscal_code,
              payer_name = excluded.payer_name, case_id = excluded.case_id, office_id = excluded.office_id
            """).params(facts.tenant().value(), facts.beneficiary().value(), category, schoolYear,
            facts.beneficiaryName(), payer.value(), payerName, facts.id().value(), facts.office().value(), decidedOn)
        .update();
  }

  /** The canteen enrolment of a child, if any (the latest school year). */
  Optional<Enrolment> canteen(TenantId tenant, FiscalCode child) {
    return jdbc.sql("""
            select * from school_enrolment where tenant_id = ? and child_fiscal_code = ? and category = 'canteen'
            order by school_year desc limit 1
            """).params(tenant.value(), child.value())
        .query((rs, n) -> new Enrolment(tenant, child, rs.getString("child_name"), rs.getString("category"),
            rs.getString("school_year"), FiscalCode.of(rs.getString("payer_fiscal_code")), rs.getString("payer_name"),
            rs.getString("office_id")))
        .optional();
  }
}
