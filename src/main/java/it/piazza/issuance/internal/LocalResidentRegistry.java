package it.piazza.issuance.internal;

import it.piazza.identity.FiscalCode;
import it.piazza.tenancy.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The resident registry kept in Piazza's own table {@code resident}, until the comune's ANPR link replaces it. */
@Component
class LocalResidentRegistry implements ResidentRegistry {

  private final JdbcClient jdbc;

  LocalResidentRegistry(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Resident> find(TenantId tenant, FiscalCode person) {
    return jdbc.sql("select * from resident where tenant_id = ? and fiscal_code = ?")
        .params(tenant.value(), person.value()).query(LocalResidentRegistry::row).optional();
  }

  @Override
  public List<Resident> household(TenantId tenant, String householdId) {
    return jdbc.sql("""
            select * from resident where tenant_id = ? and household_id = ?
            order by relation not like 'intestatari%', birth_date
            """).params(tenant.value(), householdId).query(LocalResidentRegistry::row).list();
  }

  /** Writes or refreshes a resident (the demo rows; a registry import later). */
  void save(TenantId tenant, Resident r) {
    jdbc.sql("""
            insert into resident (tenant_id, fiscal_code, given_name, family_name, sex, birth_date, birth_place,
              citizenship, address, household_id, relation, resident_since)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (tenant_id, fiscal_code) do update set given_name = excluded.given_name,
              family_name = excluded.family_name, sex = excluded.sex, birth_date = excluded.birth_date,
              birth_place = excluded.birth_place, citizenship = excluded.citizenship, address = excluded.address,
              household_id = excluded.household_id, relation = excluded.relation,
              resident_since = excluded.resident_since
            """).params(tenant.value(), r.fiscalCode().value(), r.givenName(), r.familyName(),
            String.valueOf(r.sex()), r.birthDate(), r.birthPlace(), r.citizenship(), r.address(), r.householdId(),
            r.relation(), r.residentSince()).update();
  }

  private static Resident row(ResultSet rs, int n) throws SQLException {
    return new Resident(new FiscalCode(rs.getString("fiscal_code")), rs.getString("given_name"),
        rs.getString("family_name"), rs.getString("sex").charAt(0), rs.getObject("birth_date", LocalDate.class),
        rs.getString("birth_place"), rs.getString("citizenship"), rs.getString("address"),
        rs.getString("household_id"), rs.getString("relation"), rs.getObject("resident_since", LocalDate.class));
  }
}
