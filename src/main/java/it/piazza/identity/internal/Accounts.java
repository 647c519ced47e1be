package it.piazza.identity.internal;

import it.piazza.identity.FiscalCode;
import it.piazza.identity.OfficeId;
import it.piazza.identity.Role;
import it.piazza.tenancy.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The accounts of the built-in identity provider. */
@Repository
class Accounts {

  private final JdbcClient jdbc;

  Accounts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Account> find(String subject) {
    return jdbc.sql("select * from account where subject = :subject").param("subject", subject)
        .query(Accounts::row).optional();
  }

  List<Account> all() {
    return jdbc.sql("select * from account order by tenant_id, kind, family_name, given_name")
        .query(Accounts::row).list();
  }

  void save(Account account) {
    jdbc.sql("""
            insert into account (subject, tenant_id, kind, fiscal_code, given_name, family_name, email, roles,
                                 office_id, groups, description)
            values (:subject, :tenant, :kind, :fiscal, :given, :family, :email, :roles, :office, :groups, :description)
            on conflict (subject) do update set tenant_id = excluded.tenant_id, kind = excluded.kind,
              fiscal_code = excluded.fiscal_code, given_name = excluded.given_name,
              family_name = excluded.family_name, email = excluded.email, roles = excluded.roles,
              office_id = excluded.office_id, groups = excluded.groups, description = excluded.description
            """)
        .param("subject", account.subject())
        .param("tenant", account.tenant().value())
        .param("kind", account.operator() ? "operator" : "person")
        .param("fiscal", account.fiscalCode().value())
        .param("given", account.givenName())
        .param("family", account.familyName())
        .param("email", account.email())
        .param("roles", account.roles().stream().map(Role::code).sorted().toArray(String[]::new))
        .param("office", account.office().map(OfficeId::value).orElse(null))
        .param("groups", account.groups().stream().sorted().toArray(String[]::new))
        .param("description", account.description())
        .update();
  }

  private static Account row(ResultSet rs, int rowNum) throws SQLException {
    Set<Role> roles = Arrays.stream((String[]) rs.getArray("roles").getArray())
        .map(code -> Role.fromCode(code).orElseThrow()).collect(Collectors.toSet());
    return new Account(rs.getString("subject"), new TenantId(rs.getString("tenant_id")),
        "operator".equals(rs.getString("kind")), FiscalCode.of(rs.getString("fiscal_code")),
        rs.getString("given_name"), rs.getString("family_name"), rs.getString("email"), roles,
        Optional.ofNullable(rs.getString("office_id")).map(OfficeId::new),
        Set.of((String[]) rs.getArray("groups").getArray()), rs.getString("description"));
  }
}
