package it.piazza.catalog.internal;

import it.piazza.catalog.ServiceId;
import it.piazza.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The service_definition table: every version of every service of every comune, never changed once written. New
 * versions take the next number with {@code on conflict do nothing}, so two nodes (or two administrators) racing
 * for the same number store one row, and the loser can tell.
 */
@Repository
class StoredDefinitions {

  enum Origin { SHIPPED, ADMINISTRATOR }

  record Version(int version, Origin origin, Instant createdAt, String createdBy) {}

  private final JdbcClient jdbc;

  StoredDefinitions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The current (highest) version of each service of a comune. */
  Map<ServiceId, Integer> currentVersions(TenantId tenant) {
    return jdbc.sql("""
            select distinct on (id) id, version from service_definition where tenant_id = ?
            order by id, version desc
            """).param(tenant.value())
        .query((rs, n) -> Map.entry(new ServiceId(rs.getString("id")), rs.getInt("version"))).list().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  OptionalInt currentVersion(TenantId tenant, ServiceId id) {
    return jdbc.sql("""
            select version from service_definition where tenant_id = ? and id = ? order by version desc limit 1
            """).params(tenant.value(), id.value()).query(Integer.class).optional()
        .map(OptionalInt::of).orElse(OptionalInt.empty());
  }

  /** The stored JSON of one version. */
  Optional<String> definition(TenantId tenant, ServiceId id, int version) {
    return jdbc.sql("select definition::text from service_definition where tenant_id = ? and id = ? and version = ?")
        .params(tenant.value(), id.value(), version).query(String.class).optional();
  }

  List<Version> versions(TenantId tenant, ServiceId id) {
    return jdbc.sql("""
            select version, origin, created_at, created_by from service_definition where tenant_id = ? and id = ?
            order by version desc
            """).params(tenant.value(), id.value())
        .query((rs, n) -> new Version(rs.getInt("version"), Origin.valueOf(rs.getString("origin").toUpperCase(Locale.ROOT)),
            rs.getTimestamp("created_at").toInstant(), rs.getString("created_by")))
        .list();
  }

  /**
   * Stores {@code definition} as the next version unless it equals (version aside) the latest one of the same
   * {@code comparedTo} origin, or {@code null} for the latest of any origin. Answers the new version, or empty when
   * nothing was stored: unchanged, or another writer took the number first.
   */
  OptionalInt storeIfChanged(TenantId tenant, ServiceId id, String definition, Origin origin, Origin comparedTo,
                             String createdBy) {
    return jdbc.sql("""
            with next as (
              select coalesce(max(version), 0) + 1 as version from service_definition
              where tenant_id = :tenant and id = :id
            ), latest as (
              select definition - 'version' as content from service_definition
              where tenant_id = :tenant and id = :id and (cast(:comparedTo as text) is null or origin = :comparedTo)
              order by version desc limit 1
            )
            insert into service_definition (tenant_id, id, version, definition, origin, created_by)
            select :tenant, :id, next.version,
                   jsonb_set(cast(:definition as jsonb), '{version}', to_jsonb(next.version)), :origin, :createdBy
            from next
            where not exists (select 1 from latest where content = cast(:definition as jsonb) - 'version')
            on conflict do nothing
            returning version
            """)
        .param("tenant", tenant.value())
        .param("id", id.value())
        .param("definition", definition)
        .param("origin", code(origin))
        .param("comparedTo", comparedTo == null ? null : code(comparedTo))
        .param("createdBy", createdBy)
        .query(Integer.class).optional().map(OptionalInt::of).orElse(OptionalInt.empty());
  }

  private static String code(Origin origin) {
    return origin.name().toLowerCase(Locale.ROOT);
  }
}
