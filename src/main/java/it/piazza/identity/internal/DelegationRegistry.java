package it.piazza.identity.internal;

import it.piazza.identity.Delegations;
import it.piazza.identity.Delegator;
import it.piazza.identity.FiscalCode;
import it.piazza.tenancy.TenantId;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Delegations as recorded by the comune: valid between their dates and until revoked. */
@Component
class DelegationRegistry implements Delegations {

  private final JdbcClient jdbc;

  DelegationRegistry(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<Delegator> delegatorsOf(TenantId tenant, FiscalCode delegate, LocalDate day) {
    return jdbc.sql("""
            select delegator_fiscal_code, delegator_name, kind, mandate_reference from delegation
            where tenant_id = :tenant and delegate_fiscal_code = :delegate and revoked_at is null
              and valid_from <= :day and (valid_until is null or valid_until >= :day)
            order by delegator_name
            """)
        .param("tenant", tenant.value())
        .param("delegate", delegate.value())
        .param("day", day)
        .query((rs, n) -> new Delegator(FiscalCode.of(rs.getString(1)), rs.getString(2),
            Delegator.Kind.valueOf(rs.getString(3).toUpperCase(Locale.ROOT)), rs.getString(4)))
        .list();
  }

  /**
   * Records a delegation. A parental one lasts until the child comes of age (18, civil code art. 2), so it is
   * never valid for an adult.
   */
  void record(TenantId tenant, FiscalCode delegate, Delegator delegator, LocalDate from, LocalDate until) {
    jdbc.sql("""
            insert into delegation (id, tenant_id, delegate_fiscal_code, delegator_fiscal_code, delegator_name, kind,
                                    mandate_reference, valid_from, valid_until)
            values (:id, :tenant, :delegate, :delegator, :name, :kind, :mandate, :from, :until)
            on conflict do nothing
            """)
        .param("id", UUID.randomUUID())
        .param("tenant", tenant.value())
        .param("delegate", delegate.value())
        .param("delegator", delegator.fiscalCode().value())
        .param("name", delegator.name())
        .param("kind", delegator.kind().name().toLowerCase(Locale.ROOT))
        .param("mandate", delegator.mandateReference())
        .param("from", from)
        .param("until", until)
        .update();
  }
}
