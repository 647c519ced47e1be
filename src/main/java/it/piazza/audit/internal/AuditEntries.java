package it.piazza.audit.internal;

import it.piazza.audit.AuditLog;
import it.piazza.audit.AuditRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The stored entries of the audit log. */
@Repository
class AuditEntries implements AuditLog {

  private final JdbcClient jdbc;
  private final Clock clock;

  AuditEntries(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Joins the caller's transaction (and commits or rolls back with it); on its own when there is none. */
  @Override
  @Transactional(propagation = Propagation.REQUIRED)
  public void record(AuditRecord r) {
    jdbc.sql("""
            insert into audit_entry (tenant_id, occurred_at, actor, acting_for, data_subject, action, record_type,
                                     record_id, channel, purpose)
            values (:tenant, :at, :actor, :actingFor, :subject, :action, :type, :id, :channel, :purpose)
            """)
        .param("tenant", r.tenant().value())
        .param("at", java.sql.Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)))
        .param("actor", r.actor())
        .param("actingFor", r.actingFor())
        .param("subject", r.dataSubject())
        .param("action", r.action())
        .param("type", r.recordType())
        .param("id", r.recordId())
        .param("channel", r.channel().code())
        .param("purpose", r.purpose())
        .update();
  }

  List<AuditEntry> unsequenced(String tenant, int limit) {
    return jdbc.sql("select * from audit_entry where tenant_id = ? and leaf_index is null order by id limit ?")
        .params(tenant, limit).query(AuditEntries::row).list();
  }

  void place(long id, long leafIndex, byte[] leafHash) {
    jdbc.sql("update audit_entry set leaf_index = ?, leaf_hash = ? where id = ?").params(leafIndex, leafHash, id)
        .update();
  }

  Optional<AuditEntry> find(String tenant, long id) {
    return jdbc.sql("select * from audit_entry where tenant_id = ? and id = ?").params(tenant, id)
        .query(AuditEntries::row).optional();
  }

  /** Entries about a person, newest first. */
  List<AuditEntry> about(String tenant, String fiscalCode, int limit, int offset) {
    return jdbc.sql("""
            select * from audit_entry where tenant_id = ? and (data_subject = ? or acting_for = ?)
            order by id desc limit ? offset ?
            """).params(tenant, fiscalCode, fiscalCode, limit, offset).query(AuditEntries::row).list();
  }

  /** Every placed entry of a comune in leaf order, streamed: the log can be far larger than memory. */
  void forEachPlaced(String tenant, Consumer<AuditEntry> consumer) {
    try (var entries = jdbc.sql("select * from audit_entry where tenant_id = ? and leaf_index is not null "
        + "order by leaf_index").params(tenant).withFetchSize(1000).query(AuditEntries::row).stream()) {
      entries.forEach(consumer);
    }
  }

  List<byte[]> leafHashes(String tenant, long size) {
    return jdbc.sql("select leaf_hash from audit_entry where tenant_id = ? and leaf_index < ? order by leaf_index")
        .params(tenant, size).query((rs, n) -> rs.getBytes(1)).list();
  }

  long unsequencedCount(String tenant) {
    return jdbc.sql("select count(*) from audit_entry where tenant_id = ? and leaf_index is null").param(tenant)
        .query(Long.class).single();
  }

  static AuditEntry row(ResultSet rs, int rowNum) throws SQLException {
    Long leafIndex = rs.getObject("leaf_index", Long.class);
    return new AuditEntry(rs.getLong("id"), rs.getString("tenant_id"), rs.getTimestamp("occurred_at").toInstant(),
        rs.getString("actor"), rs.getString("acting_for"), rs.getString("data_subject"), rs.getString("action"),
        rs.getString("record_type"), rs.getString("record_id"), rs.getString("channel"), rs.getString("purpose"),
        leafIndex, rs.getBytes("leaf_hash"));
  }
}
