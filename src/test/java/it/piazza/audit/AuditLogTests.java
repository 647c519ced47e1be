package it.piazza.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.piazza.audit.internal.MerkleTree;
import it.piazza.identity.Channel;
import it.piazza.identity.FiscalCode;
import it.piazza.support.Api;
import it.piazza.support.PiazzaTest;
import it.piazza.tenancy.TenantId;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The audit log is append-only and tamper-evident: rows edited or deleted with plain SQL (as a database superuser
 * could) are found by verification. Each tampering test works in a comune of its own.
 */
@PiazzaTest
class AuditLogTests {

  @Autowired
  Api api;

  @Autowired
  AuditLog auditLog;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  TransactionTemplate transactions;

  @Test
  void anUntouchedLogVerifiesIntact() {
    write("c_b001", 5);
    JsonNode verdict = verify("c_b001");
    assertThat(verdict.get("intact").asBoolean()).as(verdict.toString()).isTrue();
    assertThat(verdict.get("entries").asLong()).isGreaterThanOrEqualTo(5);
    assertThat(verdict.get("latestCheckpoint").get("treeSize").asLong()).isEqualTo(verdict.get("entries").asLong());
  }

  @Test
  void anEditedEntryIsDetected() {
    List<Long> ids = write("c_t101", 12);
    assertThat(verify("c_t101").get("intact").asBoolean()).isTrue();

    asSuperuser("update audit_entry set purpose = 'nothing to see' where id = " + ids.get(7));

    JsonNode verdict = verify("c_t101");
    assertThat(verdict.get("intact").asBoolean()).isFalse();
    assertThat(verdict.get("firstBadEntry").get("entryId").asLong()).isEqualTo(ids.get(7));
    assertThat(verdict.get("firstBadEntry").get("reason").asString()).isEqualTo("entry-altered");
  }

  @Test
  void aDeletedEntryIsDetected() {
    List<Long> ids = write("c_t102", 10);
    assertThat(verify("c_t102").get("intact").asBoolean()).isTrue();
    long leaf = jdbc.sql("select leaf_index from audit_entry where id = ?").param(ids.get(3)).query(Long.class)
        .single();

    asSuperuser("delete from audit_entry where id = " + ids.get(3));

    JsonNode verdict = verify("c_t102");
    assertThat(verdict.get("intact").asBoolean()).isFalse();
    assertThat(verdict.get("firstBadEntry").get("leafIndex").asLong()).isEqualTo(leaf);
    assertThat(verdict.get("firstBadEntry").get("reason").asString()).isEqualTo("entry-missing");
  }

  @Test
  void anEntryRewrittenWithItsLeafHashIsCaughtByTheSignedRoot() {
    List<Long> ids = write("c_t103", 9);
    assertThat(verify("c_t103").get("intact").asBoolean()).isTrue();

    // The attacker rewrites the row and recomputes its leaf hash so that the row checks out on its own.
    asSuperuser("update audit_entry set actor = 'someone-else' where id = " + ids.get(2));
    byte[] forgedLeaf = jdbc.sql("select * from audit_entry where id = ?").param(ids.get(2))
        .query((rs, n) -> leafHashOfRow(rs)).single();
    asSuperuser("update audit_entry set leaf_hash = '\\x" + MerkleTree.hex(forgedLeaf) + "' where id = " + ids.get(2));

    JsonNode verdict = verify("c_t103");
    assertThat(verdict.get("intact").asBoolean()).isFalse();
    assertThat(verdict.get("firstBadEntry").get("reason").asString()).startsWith("root-mismatch");
  }

  @Test
  void theApplicationCannotChangeOrDeleteEntries() {
    long id = write("c_b001", 1).getFirst();
    assertThatThrownBy(() -> jdbc.sql("update audit_entry set purpose = 'x' where id = ?").param(id).update())
        .hasMessageContaining("cannot be changed");
    assertThatThrownBy(() -> jdbc.sql("delete from audit_entry where id = ?").param(id).update())
        .hasMessageContaining("cannot be deleted");
  }

  @Test
  void anEntryRollsBackWithItsTransaction() {
    long before = count("c_b001");
    transactions.executeWithoutResult(status -> {
      auditLog.record(record("c_b001", "RSSMRA84E12F205P", "rolled-back"));
      status.setRollbackOnly();
    });
    assertThat(count("c_b001")).isEqualTo(before);
  }

  @Test
  void aPersonGetsASignedInclusionProofForAnEntryAboutThem() throws Exception {
    String anna = api.get("/api/v1/me", api.token("anna.bianchi")).json().get("fiscalCode").asString();
    auditLog.record(record("c_b001", anna, "read-for-proof"));
    JsonNode mine = api.get("/api/v1/me/audit", api.token("anna.bianchi")).json();
    long id = mine.get(0).get("id").asLong();
    assertThat(mine.get(0).get("purpose").asString()).isEqualTo("read-for-proof");

    JsonNode proof = api.get("/api/v1/audit/entries/" + id + "/proof", api.token("anna.bianchi")).json();

    List<byte[]> path = proof.get("inclusionProof").valueStream().map(n -> MerkleTree.unhex(n.asString())).toList();
    JsonNode checkpoint = proof.get("checkpoint");
    byte[] root = MerkleTree.unhex(checkpoint.get("rootHash").asString());
    assertThat(MerkleTree.verifyInclusion(proof.get("leafIndex").asLong(), checkpoint.get("treeSize").asLong(),
        MerkleTree.unhex(proof.get("leafHash").asString()), path, root)).isTrue();

    Signature ed25519 = Signature.getInstance("Ed25519");
    ed25519.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(
        new X509EncodedKeySpec(Base64.getDecoder().decode(proof.get("publicKey").asString()))));
    long micros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse(checkpoint.get("signedAt").asString()));
    ed25519.update(("piazza-audit/c_b001\n" + checkpoint.get("treeSize").asLong() + "\n"
        + Base64.getEncoder().encodeToString(root) + "\n" + micros + "\n").getBytes());
    assertThat(ed25519.verify(Base64.getDecoder().decode(checkpoint.get("signature").asString()))).isTrue();

    Api.Response notMario = api.get("/api/v1/audit/entries/" + id + "/proof", api.token("mario.rossi"));
    assertThat(notMario.status()).isEqualTo(404);
  }

  private JsonNode verify(String tenant) {
    String admin = api.signedToken("admin-" + tenant, Map.of("tenant", tenant, "roles", List.of("administrator"),
        "name", "Test administrator"), Instant.now(), Instant.now().plusSeconds(300));
    Api.Response answer = api.get("/api/v1/audit/verify", admin);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json();
  }

  private List<Long> write(String tenant, int count) {
    long from = jdbc.sql("select coalesce(max(id), 0) from audit_entry").query(Long.class).single();
    for (int i = 0; i < count; i++) {
      auditLog.record(record(tenant, "RSSMRA84E12F205P", "test entry " + i));
    }
    return jdbc.sql("select id from audit_entry where tenant_id = ? and id > ? order by id").params(tenant, from)
        .query(Long.class).list();
  }

  private static AuditRecord record(String tenant, String subject, String purpose) {
    return new AuditRecord(new TenantId(tenant), "tester", null, FiscalCode.of(subject).value(), "read", "person",
        subject, Channel.SYSTEM, purpose);
  }

  private long count(String tenant) {
    return jdbc.sql("select count(*) from audit_entry where tenant_id = ?").param(tenant).query(Long.class).single();
  }

  private void asSuperuser(String sql) {
    jdbc.sql("alter table audit_entry disable trigger audit_entry_append_only").update();
    try {
      jdbc.sql(sql).update();
    } finally {
      jdbc.sql("alter table audit_entry enable trigger audit_entry_append_only").update();
    }
  }

  /** The leaf hash the log would compute for a row, by the same canonical encoding (test-side reimplementation). */
  private static byte[] leafHashOfRow(java.sql.ResultSet rs) throws java.sql.SQLException {
    var out = new java.io.ByteArrayOutputStream();
    out.write(1);
    out.writeBytes(java.nio.ByteBuffer.allocate(16).putLong(rs.getLong("id"))
        .putLong(ChronoUnit.MICROS.between(Instant.EPOCH, rs.getTimestamp("occurred_at").toInstant())).array());
    for (String column : new String[] {"tenant_id", "actor", "acting_for", "data_subject", "action", "record_type",
        "record_id", "channel", "purpose"}) {
      String value = rs.getString(column);
      if (value == null) {
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(-1).array());
      } else {
        byte[] bytes = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
      }
    }
    return MerkleTree.leafHash(out.toByteArray());
  }
}
