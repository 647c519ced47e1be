package it.piazza.audit.internal;

import it.piazza.tenancy.Tenant;
import it.piazza.tenancy.TenantId;
import it.piazza.tenancy.Tenants;
import java.sql.Array;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives new audit entries their place in the comune's Merkle tree and signs a checkpoint of the grown tree (and at
 * least once a minute while idle, to prove the log is alive). Entries are written by many transactions at once;
 * placing them here, in one claimed pass per comune, keeps those transactions from queueing on a counter. Several
 * app nodes may run this: a per-comune advisory lock lets one of them work at a time.
 */
@Component
class LogIntegrator {

  private static final Logger log = LoggerFactory.getLogger(LogIntegrator.class);
  private static final int BATCH = 5_000;
  private static final Duration HEARTBEAT = Duration.ofMinutes(1);

  private final JdbcClient jdbc;
  private final AuditEntries entries;
  private final CheckpointSigner signer;
  private final TransactionTemplate transactions;
  private final Tenants tenants;
  private final Clock clock;

  LogIntegrator(JdbcClient jdbc, AuditEntries entries, CheckpointSigner signer, TransactionTemplate transactions,
                Tenants tenants, Clock clock) {
    this.jdbc = jdbc;
    this.entries = entries;
    this.signer = signer;
    this.transactions = transactions;
    this.tenants = tenants;
    this.clock = clock;
  }

  @Scheduled(initialDelayString = "${piazza.audit.integrate-every:2s}",
      fixedDelayString = "${piazza.audit.integrate-every:2s}")
  void integrateAll() {
    for (Tenant tenant : tenants.all()) {
      try {
        integrate(tenant.id());
      } catch (RuntimeException e) {
        log.warn("Audit log of {} not integrated this round: {}", tenant.id(), e.getMessage());
      }
    }
  }

  /** Places every waiting entry of a comune and signs a checkpoint; returns the tree size. */
  long integrate(TenantId tenant) {
    long size = -1;
    // Bounded, so that a comune under constant load does not keep the others waiting.
    for (int round = 0; round < 20; round++) {
      size = transactions.execute(status -> integrateBatch(tenant.value()));
      if (size < 0 || entries.unsequencedCount(tenant.value()) == 0) {
        break;
      }
    }
    return size;
  }

  private long integrateBatch(String tenant) {
    Boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(hashtext('piazza-audit:' || ?))").param(tenant)
        .query(Boolean.class).single();
    if (!Boolean.TRUE.equals(locked)) {
      return -1; // another node is integrating this comune right now
    }
    CompactRange tree = loadTree(tenant);
    long before = tree.size();
    for (AuditEntry entry : entries.unsequenced(tenant, BATCH)) {
      byte[] leafHash = MerkleTree.leafHash(entry.leafData());
      entries.place(entry.id(), tree.size(), leafHash);
      tree.append(leafHash);
    }
    if (tree.size() > before) {
      saveTree(tenant, tree);
    }
    Optional<Instant> lastSigned = jdbc.sql("select max(signed_at) from audit_checkpoint where tenant_id = ?")
        .param(tenant).query((rs, n) -> rs.getTimestamp(1)).list().stream().filter(java.util.Objects::nonNull)
        .findFirst().map(java.sql.Timestamp::toInstant);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    if (tree.size() > before || lastSigned.isEmpty() || lastSigned.get().plus(HEARTBEAT).isBefore(now)) {
      byte[] root = tree.root();
      jdbc.sql("""
              insert into audit_checkpoint (tenant_id, tree_size, root_hash, signed_at, key_id, signature)
              values (?, ?, ?, ?, ?, ?)
              """)
          .params(tenant, tree.size(), root, java.sql.Timestamp.from(now), signer.keyId(),
              signer.sign(tenant, tree.size(), root, now))
          .update();
    }
    return tree.size();
  }

  private CompactRange loadTree(String tenant) {
    return jdbc.sql("select tree_size, frontier from audit_tree_state where tenant_id = ? for update").param(tenant)
        .query((rs, n) -> {
          Array frontier = rs.getArray("frontier");
          List<byte[]> roots = new ArrayList<>();
          for (Object node : (Object[]) frontier.getArray()) {
            roots.add((byte[]) node);
          }
          return new CompactRange(rs.getLong("tree_size"), roots);
        }).optional().orElseGet(CompactRange::empty);
  }

  private void saveTree(String tenant, CompactRange tree) {
    jdbc.sql("""
            insert into audit_tree_state (tenant_id, tree_size, frontier) values (?, ?, ?)
            on conflict (tenant_id) do update set tree_size = excluded.tree_size, frontier = excluded.frontier
            """)
        .params(tenant, tree.size(), tree.roots().toArray(byte[][]::new))
        .update();
  }
}
