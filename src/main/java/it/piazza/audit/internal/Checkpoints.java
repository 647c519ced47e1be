package it.piazza.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The signed checkpoints of each comune's audit log. */
@Repository
class Checkpoints {

  record Checkpoint(String tenant, long treeSize, byte[] rootHash, Instant signedAt, String keyId, byte[] signature) {}

  private final JdbcClient jdbc;

  Checkpoints(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Checkpoint> all(String tenant) {
    return jdbc.sql("select * from audit_checkpoint where tenant_id = ? order by tree_size, signed_at")
        .param(tenant).query(Checkpoints::row).list();
  }

  Optional<Checkpoint> latest(String tenant) {
    return jdbc.sql("select * from audit_checkpoint where tenant_id = ? order by tree_size desc, signed_at desc "
        + "limit 1").param(tenant).query(Checkpoints::row).optional();
  }

  private static Checkpoint row(ResultSet rs, int n) throws SQLException {
    return new Checkpoint(rs.getString("tenant_id"), rs.getLong("tree_size"), rs.getBytes("root_hash"),
        rs.getTimestamp("signed_at").toInstant(), rs.getString("key_id"), rs.getBytes("signature"));
  }
}
