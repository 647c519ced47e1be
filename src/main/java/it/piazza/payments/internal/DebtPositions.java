package it.piazza.payments.internal;

import it.piazza.cases.CaseId;
import it.piazza.identity.FiscalCode;
import it.piazza.identity.OfficeId;
import it.piazza.payments.DebtPositionId;
import it.piazza.payments.NoticeNumber;
import it.piazza.payments.PaymentCategory;
import it.piazza.tenancy.EnteFiscalCode;
import it.piazza.tenancy.Tenant;
import it.piazza.tenancy.TenantId;
import it.piazza.tenancy.Tenants;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stored debt positions; every query names the comune. Positions are opened under the lock of the comune's IUV
 * counter, so bases are given out without gaps and the check for an equal position already open cannot race.
 */
@Repository
class DebtPositions {

  private final JdbcClient jdbc;
  private final Tenants tenants;
  private final PaymentsProperties properties;

  DebtPositions(JdbcClient jdbc, Tenants tenants, PaymentsProperties properties) {
    this.jdbc = jdbc;
    this.tenants = tenants;
    this.properties = properties;
  }

  /** The position opened, or the equal one already open; {@code created} tells which. */
  record Opened(DebtPosition position, boolean created) {}

  @Transactional(propagation = Propagation.MANDATORY)
  Opened open(NewPosition p) {
    Tenant tenant = tenants.find(p.tenant()).orElseThrow(() -> new IllegalStateException("No comune " + p.tenant()));
    long last = lockCounter(p.tenant());
    Optional<DebtPosition> existing = same(p);
    if (existing.isPresent()) {
      return new Opened(existing.get(), false);
    }
    long base = last + 1;
    NoticeNumber notice = NoticeNumber.of(properties.segregationCode(p.tenant()), base);
    UUID id = UUID.randomUUID();
    jdbc.sql("""
            insert into debt_position (id, tenant_id, creditor_fiscal_code, notice_number, iuv, amount_cents, due_date,
              valid_until, payer_fiscal_code, payer_name, beneficiary_fiscal_code, beneficiary_name, description,
              category, status, origin, case_id, office_id, period, plan_id, instalment, instalments,
              external_reference, created_by)
            values (:id, :tenant, :creditor, :notice, :iuv, :amount, :due, :validUntil, :payer, :payerName,
              :beneficiary, :beneficiaryName, :description, :category, 'open', :origin, :caseId, :office, :period,
              :planId, :instalment, :instalments, :reference, :createdBy)
            """)
        .param("id", id)
        .param("tenant", p.tenant().value())
        .param("creditor", tenant.fiscalCode().value())
        .param("notice", notice.value())
        .param("iuv", notice.iuv())
        .param("amount", p.amountCents())
        .param("due", p.dueDate())
        .param("validUntil", p.validUntil())
        .param("payer", p.payer().value())
        .param("payerName", p.payerName())
        .param("beneficiary", p.beneficiary() == null ? null : p.beneficiary().value())
        .param("beneficiaryName", p.beneficiaryName())
        .param("description", p.description())
        .param("category", p.category().code())
        .param("origin", p.origin().code())
        .param("caseId", p.caseId() == null ? null : p.caseId().value())
        .param("office", p.office() == null ? null : p.office().value())
        .param("period", p.period())
        .param("planId", p.planId())
        .param("instalment", p.instalment())
        .param("instalments", p.instalments())
        .param("reference", p.externalReference())
        .param("createdBy", p.createdBy())
        .update();
    jdbc.sql("update payment_iuv_counter set last_base = ? where tenant_id = ?").params(base, p.tenant().value())
        .update();
    return new Opened(find(p.tenant(), new DebtPositionId(id)).orElseThrow(), true);
  }

  /** Takes the comune's counter row lock until the transaction ends; answers the last base given out. */
  private long lockCounter(TenantId tenant) {
    jdbc.sql("insert into payment_iuv_counter (tenant_id, last_base) values (?, 0) on conflict do nothing")
        .param(tenant.value()).update();
    return jdbc.sql("select last_base from payment_iuv_counter where tenant_id = ? for update")
        .param(tenant.value()).query(Long.class).single();
  }

  private Optional<DebtPosition> same(NewPosition p) {
    if (p.caseId() != null) {
      return one("where tenant_id = ? and case_id = ?", p.tenant().value(), p.caseId().value());
    }
    if (p.period() != null) {
      return one("where tenant_id = ? and beneficiary_fiscal_code = ? and category = ? and period = ?",
          p.tenant().value(), p.beneficiary().value(), p.category().code(), p.period());
    }
    if (p.externalReference() != null) {
      return one("where tenant_id = ? and external_reference = ?", p.tenant().value(), p.externalReference());
    }
    return Optional.empty();
  }

  Optional<DebtPosition> find(TenantId tenant, DebtPositionId id) {
    return one("where tenant_id = ? and id = ?", tenant.value(), id.value());
  }

  /** The position with this notice number, locked until the transaction ends (receipts settle one at a time). */
  @Transactional(propagation = Propagation.MANDATORY)
  Optional<DebtPosition> lockByNotice(TenantId tenant, NoticeNumber notice) {
    return jdbc.sql("select * from debt_position where tenant_id = ? and notice_number = ? for update")
        .params(tenant.value(), notice.value()).query(DebtPositions::row).optional();
  }

  boolean referenceTaken(TenantId tenant, String reference) {
    return one("where tenant_id = ? and external_reference = ?", tenant.value(), reference).isPresent();
  }

  /** Positions owed by, or made out for, any of these people: newest due date first. */
  List<DebtPosition> ofPeople(TenantId tenant, Collection<FiscalCode> people, int limit) {
    if (people.isEmpty()) {
      return List.of();
    }
    String[] codes = people.stream().map(FiscalCode::value).toArray(String[]::new);
    return jdbc.sql("""
            select * from debt_position where tenant_id = ?
              and (payer_fiscal_code = any(?) or beneficiary_fiscal_code = any(?))
            order by case status when 'open' then 0 else 1 end, due_date desc, notice_number limit ?
            """).params(tenant.value(), codes, codes, limit).query(DebtPositions::row).list();
  }

  List<DebtPosition> ofCase(TenantId tenant, CaseId caseId) {
    return jdbc.sql("select * from debt_position where tenant_id = ? and case_id = ? order by created_at")
        .params(tenant.value(), caseId.value()).query(DebtPositions::row).list();
  }

  /** Marks an open position paid; false when it was not open (the caller holds its lock, so it never is). */
  boolean markPaid(DebtPosition position, Instant paidAt) {
    return jdbc.sql("""
            update debt_position set status = 'paid', paid_at = ?, updated_at = now()
            where tenant_id = ? and id = ? and status = 'open'
            """).params(Timestamp.from(paidAt), position.tenant().value(), position.id().value()).update() == 1;
  }

  boolean markCancelled(DebtPosition position, String reason) {
    return jdbc.sql("""
            update debt_position set status = 'cancelled', cancelled_reason = ?, updated_at = now()
            where tenant_id = ? and id = ? and status in ('open', 'expired')
            """).params(reason, position.tenant().value(), position.id().value()).update() == 1;
  }

  /** Open positions whose last valid day is before {@code today} expire; one statement, safe on several nodes. */
  int expire(LocalDate today) {
    return jdbc.sql("""
            update debt_position set status = 'expired', updated_at = now()
            where status = 'open' and valid_until is not null and valid_until < ?
            """).param(today).update();
  }

  private Optional<DebtPosition> one(String where, Object... params) {
    return jdbc.sql("select * from debt_position " + where).params(params).query(DebtPositions::row).optional();
  }

  static DebtPosition row(ResultSet rs, int n) throws SQLException {
    String beneficiary = rs.getString("beneficiary_fiscal_code");
    UUID caseId = rs.getObject("case_id", UUID.class);
    String office = rs.getString("office_id");
    Timestamp paidAt = rs.getTimestamp("paid_at");
    return new DebtPosition(new DebtPositionId(rs.getObject("id", UUID.class)), new TenantId(rs.getString("tenant_id")),
        new EnteFiscalCode(rs.getString("creditor_fiscal_code")), new NoticeNumber(rs.getString("notice_number")),
        rs.getLong("amount_cents"), rs.getObject("due_date", LocalDate.class),
        rs.getObject("valid_until", LocalDate.class), FiscalCode.of(rs.getString("payer_fiscal_code")),
        rs.getString("payer_name"), beneficiary == null ? null : FiscalCode.of(beneficiary),
        rs.getString("beneficiary_name"), rs.getString("description"),
        PaymentCategory.fromCode(rs.getString("category")).orElseThrow(),
        DebtPosition.Status.fromCode(rs.getString("status")), DebtPosition.Origin.fromCode(rs.getString("origin")),
        caseId == null ? null : new CaseId(caseId), office == null ? null : new OfficeId(office),
        rs.getString("period"), rs.getObject("plan_id", UUID.class), (Integer) rs.getObject("instalment"),
        (Integer) rs.getObject("instalments"), rs.getString("external_reference"),
        rs.getTimestamp("created_at").toInstant(), paidAt == null ? null : paidAt.toInstant(),
        rs.getString("cancelled_reason"));
  }
}
