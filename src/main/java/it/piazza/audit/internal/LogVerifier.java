package it.piazza.audit.internal;

import it.piazza.audit.internal.Checkpoints.Checkpoint;
import it.piazza.tenancy.TenantId;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Recomputes a comune's audit log from its rows and checks it against the signed checkpoints: every entry must
 * still hash to its leaf, leaves must run without gaps, and the tree must have the signed root at every signed
 * size. An entry edited or deleted with plain SQL breaks one of these.
 */
@Component
class LogVerifier {

  private final AuditEntries entries;
  private final Checkpoints checkpoints;
  private final CheckpointSigner signer;

  LogVerifier(AuditEntries entries, Checkpoints checkpoints, CheckpointSigner signer) {
    this.entries = entries;
    this.checkpoints = checkpoints;
    this.signer = signer;
  }

  /** Where the log first fails a check: the leaf index, the entry id where one exists, and why. */
  record BadEntry(long leafIndex, Long entryId, String reason) {}

  record Verdict(boolean intact, long entries, int checkpoints, BadEntry firstBadEntry) {}

  Verdict verify(TenantId tenant) {
    List<Checkpoint> signed = checkpoints.all(tenant.value());
    for (Checkpoint checkpoint : signed) {
      if (!signer.verify(checkpoint.tenant(), checkpoint.treeSize(), checkpoint.rootHash(), checkpoint.signedAt(),
          checkpoint.signature())) {
        return new Verdict(false, 0, signed.size(),
            new BadEntry(checkpoint.treeSize(), null, "checkpoint-signature-invalid"));
      }
    }
    Walk walk = new Walk(signed.iterator());
    entries.forEachPlaced(tenant.value(), walk::accept);
    if (walk.bad == null) {
      walk.finish();
    }
    return new Verdict(walk.bad == null, walk.tree.size(), signed.size(), walk.bad);
  }

  /** One pass over the leaves in order, holding only the tree's right edge. */
  private static final class Walk {
    final CompactRange tree = CompactRange.empty();
    final Iterator<Checkpoint> pending;
    Checkpoint next;
    BadEntry bad;
    long lastGoodCheckpoint;

    Walk(Iterator<Checkpoint> pending) {
      this.pending = pending;
      advance();
    }

    void accept(AuditEntry entry) {
      if (bad != null) {
        return;
      }
      if (entry.leafIndex() != tree.size()) {
        bad = new BadEntry(tree.size(), null, "entry-missing");
        return;
      }
      byte[] leafHash = MerkleTree.leafHash(entry.leafData());
      if (!Arrays.equals(leafHash, entry.leafHash())) {
        bad = new BadEntry(entry.leafIndex(), entry.id(), "entry-altered");
        return;
      }
      tree.append(leafHash);
      checkCheckpoints();
    }

    void checkCheckpoints() {
      while (bad == null && next != null && next.treeSize() == tree.size()) {
        if (!Arrays.equals(tree.root(), next.rootHash())) {
          // Content and leaf hash were rewritten together: the signed root still tells which stretch changed.
          bad = new BadEntry(lastGoodCheckpoint, null, "root-mismatch-after-entry-" + lastGoodCheckpoint);
          return;
        }
        lastGoodCheckpoint = next.treeSize();
        advance();
      }
    }

    void finish() {
      checkCheckpoints();
      if (bad == null && next != null && next.treeSize() > tree.size()) {
        bad = new BadEntry(tree.size(), null, "entries-missing-at-end");
      }
    }

    void advance() {
      next = pending.hasNext() ? pending.next() : null;
      // The empty tree's checkpoint holds nothing to compare against entries.
      while (next != null && next.treeSize() == 0) {
        next = pending.hasNext() ? pending.next() : null;
      }
    }
  }
}
