package it.piazza.tenancy.internal;

import it.piazza.tenancy.EnteFiscalCode;
import it.piazza.tenancy.IstatCode;
import it.piazza.tenancy.Tenant;
import it.piazza.tenancy.TenantId;
import it.piazza.tenancy.Tenants;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The comuni of this deployment: written from configuration at start, then served from memory (every request asks
 * for its comune by host name).
 */
@Component
@DependsOnDatabaseInitialization
@EnableConfigurationProperties(TenantsProperties.class)
class TenantRegistry implements Tenants {

  private final JdbcClient jdbc;
  private final TenantId defaultTenant;
  private volatile Map<TenantId, Tenant> byId = Map.of();
  private volatile Map<String, Tenant> byHost = Map.of();

  TenantRegistry(JdbcClient jdbc, TransactionTemplate transactions, TenantsProperties properties) {
    this.jdbc = jdbc;
    transactions.executeWithoutResult(status -> properties.comuni().forEach(this::upsert));
    refresh();
    if (byId.isEmpty()) {
      throw new IllegalStateException("No comune configured: declare one under piazza.tenancy.comuni");
    }
    this.defaultTenant = properties.defaultTenant() == null
        ? byId.keySet().iterator().next() : TenantId.of(properties.defaultTenant());
    if (!byId.containsKey(defaultTenant)) {
      throw new IllegalStateException("The default comune " + defaultTenant + " is not configured");
    }
  }

  private void upsert(TenantsProperties.Comune comune) {
    Tenant tenant = toTenant(comune);
    jdbc.sql("""
            insert into tenant (id, name, istat_code, fiscal_code, hosts, primary_color, logo_url)
            values (:id, :name, :istat, :fiscal, :hosts, :color, :logo)
            on conflict (id) do update set name = excluded.name, istat_code = excluded.istat_code,
              fiscal_code = excluded.fiscal_code, hosts = excluded.hosts, primary_color = excluded.primary_color,
              logo_url = excluded.logo_url, updated_at = now()
            """)
        .param("id", tenant.id().value())
        .param("name", tenant.name())
        .param("istat", tenant.istatCode().value())
        .param("fiscal", tenant.fiscalCode().value())
        .param("hosts", tenant.hosts().toArray(String[]::new))
        .param("color", tenant.branding().primaryColor())
        .param("logo", tenant.branding().logoUrl())
        .update();
  }

  private static Tenant toTenant(TenantsProperties.Comune c) {
    return new Tenant(TenantId.of(c.id()), c.name(), IstatCode.of(c.istatCode()), EnteFiscalCode.of(c.fiscalCode()),
        c.hosts().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList(),
        new Tenant.Branding(c.primaryColor() == null ? "#0066CC" : c.primaryColor(), c.logoUrl()));
  }

  /** Reloads the comuni from the database. */
  void refresh() {
    List<Tenant> tenants = jdbc.sql("select * from tenant order by id").query(TenantRegistry::row).list();
    Map<TenantId, Tenant> ids = new HashMap<>();
    Map<String, Tenant> hosts = new HashMap<>();
    for (Tenant tenant : tenants) {
      ids.put(tenant.id(), tenant);
      for (String host : tenant.hosts()) {
        Tenant other = hosts.put(host, tenant);
        if (other != null) {
          throw new IllegalStateException("Host " + host + " is claimed by both " + other.id() + " and " + tenant.id());
        }
      }
    }
    byId = Map.copyOf(ids);
    byHost = Map.copyOf(hosts);
  }

  private static Tenant row(ResultSet rs, int rowNum) throws SQLException {
    Array hosts = rs.getArray("hosts");
    return new Tenant(new TenantId(rs.getString("id")), rs.getString("name"), IstatCode.of(rs.getString("istat_code")),
        EnteFiscalCode.of(rs.getString("fiscal_code")), List.of((String[]) hosts.getArray()),
        new Tenant.Branding(rs.getString("primary_color"), rs.getString("logo_url")));
  }

  @Override
  public Optional<Tenant> find(TenantId id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public Tenant forHost(String host) {
    String name = host == null ? "" : host.toLowerCase(Locale.ROOT);
    Tenant tenant = byHost.get(name);
    return tenant != null ? tenant : byId.get(defaultTenant);
  }

  @Override
  public TenantId defaultTenant() {
    return defaultTenant;
  }

  @Override
  public List<Tenant> all() {
    return byId.values().stream().sorted(java.util.Comparator.comparing(t -> t.id().value())).toList();
  }
}
