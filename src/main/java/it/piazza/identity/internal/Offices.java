package it.piazza.identity.internal;

import it.piazza.identity.OfficeDirectory;
import it.piazza.identity.OfficeId;
import it.piazza.tenancy.TenantId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class Offices implements OfficeDirectory {

  private final JdbcClient jdbc;

  Offices(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean worksIn(TenantId tenant, OfficeId office, String subject) {
    return jdbc.sql("select count(*) from account where tenant_id = ? and office_id = ? and subject = ? "
        + "and kind = 'operator'").params(tenant.value(), office.value(), subject).query(Long.class).single() > 0;
  }

  @Override
  public boolean hasGroup(TenantId tenant, OfficeId office, String group) {
    return jdbc.sql("select count(*) from operator_group where tenant_id = ? and office_id = ? and id = ?")
        .params(tenant.value(), office.value(), group).query(Long.class).single() > 0;
  }

  @Override
  public Optional<OfficeName> name(TenantId tenant, OfficeId office) {
    return jdbc.sql("select name_it, name_en from office where tenant_id = ? and id = ?")
        .params(tenant.value(), office.value())
        .query((rs, n) -> new OfficeName(rs.getString(1), rs.getString(2))).optional();
  }

  @Override
  public List<Member> members(TenantId tenant, OfficeId office) {
    return jdbc.sql("select subject, given_name || ' ' || family_name from account where tenant_id = ? "
            + "and office_id = ? and kind = 'operator' order by family_name, given_name")
        .params(tenant.value(), office.value()).query((rs, n) -> new Member(rs.getString(1), rs.getString(2))).list();
  }

  @Override
  public List<Group> groups(TenantId tenant, OfficeId office) {
    return jdbc.sql("select id, name from operator_group where tenant_id = ? and office_id = ? order by name")
        .params(tenant.value(), office.value()).query((rs, n) -> new Group(rs.getString(1), rs.getString(2))).list();
  }
}
