package it.piazza.preservation.internal;

import it.piazza.tenancy.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox of submission packages: one row per cause (unique tenant, kind, subject), its state at the pole, its
 * attempts. Senders claim due rows with {@code FOR UPDATE SKIP LOCKED}, so two nodes never send one package at once.
 */
@Component
class Packages {

  enum State { TO_SEND, SENT, ACCEPTED, REJECTED }

  record Row(UUID id, TenantId tenant, PackageKind kind, String subjectRef, String cause, State state, String reason,
             String lastError, int attempts, Instant nextAttemptAt, String poleId, String sha256, long size,
             Instant createdAt, Instant sentAt, Instant updatedAt) {}

  record Filter(State state, PackageKind kind, int page, int size) {}

  record Page(List<Row> items, long total) {}

  private static final String COLUMNS = "id, tenant_id, kind, subject_ref, cause::text, state, reason, last_error, "
      + "attempts, next_attempt_at, pole_id, sha256, size, created_at, sent_at, updated_at";

  private final JdbcClient jdbc;

  Packages(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Adds a package for its cause; false when the cause already has one (a redelivered event). */
  boolean add(UUID id, TenantId tenant, PackageKind kind, String subjectRef, String causeJson, String sha256,
              long size, Instant now) {
    return jdbc.sql("""
            insert into preservation_package (id, tenant_id, kind, subject_ref, cause, state, sha256, size,
                                              next_attempt_at, created_at, updated_at)
            values (?, ?, ?, ?, ?::jsonb, 'TO_SEND', ?, ?, ?, ?, ?)
            on conflict (tenant_id, kind, subject_ref) do nothing
            """).params(id, tenant.value(), kind.name(), subjectRef, causeJson, sha256, size, ts(now), ts(now),
        ts(now)).update() == 1;
  }

  Optional<Row> find(TenantId tenant, UUID id) {
    return jdbc.sql("select " + COLUMNS + " from preservation_package where tenant_id = ? and id = ?")
        .params(tenant.value(), id).query(Packages::row).optional();
  }

  Optional<Row> findFor(TenantId tenant, PackageKind kind, String subjectRef) {
    return jdbc.sql("select " + COLUMNS + " from preservation_package where tenant_id = ? and kind = ? "
        + "and subject_ref = ?").params(tenant.value(), kind.name(), subjectRef).query(Packages::row).optional();
  }

  /**
   * Claims one package due for sending (or, taken by the pole without a verdict, for asking the pole about it) among
   * the comuni this node can send for, locked until the caller's transaction ends; rows another node holds are
   * skipped.
   */
  Optional<Row> claimDue(List<String> tenants, int maxAttempts, Instant now) {
    if (tenants.isEmpty()) {
      return Optional.empty();
    }
    return jdbc.sql("select " + COLUMNS + " from preservation_package where ((state = 'TO_SEND' and attempts < :max) "
            + "or (state = 'SENT' and pole_id is not null)) and next_attempt_at <= :now and tenant_id in (:tenants) "
            + "order by next_attempt_at limit 1 for update skip locked")
        .param("now", ts(now)).param("max", maxAttempts).param("tenants", tenants).query(Packages::row).optional();
  }

  /** The pole's answer to a send: accepted, rejected, or received (then {@code nextPoll} is when to ask again). */
  void outcome(UUID id, State state, String reason, String poleId, int attempts, Instant nextPoll, Instant now) {
    jdbc.sql("""
        update preservation_package set state = ?, reason = ?, pole_id = ?, attempts = ?, last_error = null,
               next_attempt_at = coalesce(?, next_attempt_at), sent_at = ?, updated_at = ? where id = ?
        """).params(state.name(), reason, poleId, attempts, ts(nextPoll), ts(now), ts(now), id).update();
  }

  /** The pole's verdict on a package it had taken: accepted or rejected. */
  void verdict(UUID id, State state, String reason, Instant now) {
    jdbc.sql("""
        update preservation_package set state = ?, reason = ?, last_error = null, updated_at = ? where id = ?
        """).params(state.name(), reason, ts(now), id).update();
  }

  /** No verdict yet (or the pole could not be asked): ask again at {@code nextPoll}. */
  void pollLater(UUID id, String error, Instant nextPoll, Instant now) {
    jdbc.sql("update preservation_package set last_error = ?, next_attempt_at = ?, updated_at = ? where id = ?")
        .params(error, ts(nextPoll), ts(now), id).update();
  }

  void failed(UUID id, String error, int attempts, Instant nextAttemptAt, Instant now) {
    jdbc.sql("""
        update preservation_package set last_error = ?, attempts = ?, next_attempt_at = ?, updated_at = ?
        where id = ?
        """).params(error, attempts, ts(nextAttemptAt), ts(now), id).update();
  }

  /** Back to the queue with a fresh count of attempts (and, after a rebuild, new content). */
  void requeue(UUID id, String sha256, long size, Instant now) {
    jdbc.sql("""
        update preservation_package set state = 'TO_SEND', attempts = 0, next_attempt_at = ?, reason = null,
               last_error = null, pole_id = null, sha256 = ?, size = ?, updated_at = ? where id = ?
        """).params(ts(now), sha256, size, ts(now), id).update();
  }

  Page list(TenantId tenant, Filter filter) {
    StringBuilder where = new StringBuilder(" where tenant_id = :tenant");
    if (filter.state() != null) {
      where.append(" and state = :state");
    }
    if (filter.kind() != null) {
      where.append(" and kind = :kind");
    }
    var count = jdbc.sql("select count(*) from preservation_package" + where);
    var select = jdbc.sql("select " + COLUMNS + " from preservation_package" + where
        + " order by created_at desc, id limit :limit offset :offset");
    List<JdbcClient.StatementSpec> both = new ArrayList<>(List.of(count, select));
    for (int i = 0; i < both.size(); i++) {
      var spec = both.get(i).param("tenant", tenant.value());
      if (filter.state() != null) {
        spec = spec.param("state", filter.state().name());
      }
      if (filter.kind() != null) {
        spec = spec.param("kind", filter.kind().name());
      }
      both.set(i, spec);
    }
    long total = both.get(0).query(Long.class).single();
    List<Row> items = both.get(1).param("limit", filter.size()).param("offset", (long) filter.page() * filter.size())
        .query(Packages::row).list();
    return new Page(items, total);
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    return new Row(rs.getObject(1, UUID.class), new TenantId(rs.getString(2)), PackageKind.valueOf(rs.getString(3)),
        rs.getString(4), rs.getString(5), State.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8),
        rs.getInt(9), instant(rs.getTimestamp(10)), rs.getString(11), rs.getString(12), rs.getLong(13),
        instant(rs.getTimestamp(14)), instant(rs.getTimestamp(15)), instant(rs.getTimestamp(16)));
  }

  private static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static Instant instant(Timestamp ts) {
    return ts == null ? null : ts.toInstant();
  }
}
