package it.piazza.security;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Checksums of a comune's rows in every table that carries a tenant, to prove that a refused request changed
 * nothing. The audit log may change (refusals and reads of personal data are themselves recorded: that is its
 * job), and with it the state of its Merkle tree; so may the register of refused pagoPA receipts, which keeps every
 * receipt the comune refused for reconciliation (a refusal is a fact the intermediary must be answered about).
 * Every other table must be byte for byte the same.
 */
final class BusinessTables {

  /** Tables a refused request may legitimately change. */
  static final Set<String> MAY_CHANGE = Set.of("audit_entry", "audit_checkpoint", "audit_tree_state",
      "payment_receipt_refusal");

  private final JdbcClient jdbc;
  private final String sql;
  private final String tenant;

  BusinessTables(JdbcClient jdbc, String tenant) {
    this.jdbc = jdbc;
    this.tenant = tenant;
    List<String> tables = jdbc.sql("""
        select table_name from information_schema.columns
        where column_name = 'tenant_id' and table_schema = current_schema() order by table_name
        """).query(String.class).list().stream().filter(t -> !MAY_CHANGE.contains(t)).toList();
    this.sql = tables.stream().map(t -> "select '" + t + "' as t, count(*) || ':' || coalesce(md5(string_agg(x::text, "
            + "',' order by x::text)), '') as sum from " + t + " x where tenant_id = :tenant")
        .collect(Collectors.joining(" union all "));
  }

  Map<String, String> checksums() {
    Map<String, String> sums = new LinkedHashMap<>();
    jdbc.sql(sql).param("tenant", tenant).query((rs, n) -> sums.put(rs.getString(1), rs.getString(2))).list();
    return sums;
  }

  /** The tables whose rows differ between two snapshots. */
  static List<String> changed(Map<String, String> before, Map<String, String> after) {
    return before.keySet().stream().filter(t -> !before.get(t).equals(after.get(t))).toList();
  }

  /** Waits until the listeners have handled every event (a legitimate write may start asynchronous work). */
  void awaitQuiet(java.time.Instant since) {
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> jdbc.sql("""
        select count(*) from event_publication where completion_date is null and publication_date >= ?
        """).param(java.sql.Timestamp.from(since)).query(Long.class).single() == 0);
  }
}
