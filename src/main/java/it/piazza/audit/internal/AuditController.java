package it.piazza.audit.internal;

import it.piazza.audit.AuditProblem;
import it.piazza.identity.Caller;
import it.piazza.identity.Callers;
import it.piazza.identity.FiscalCode;
import it.piazza.identity.Role;
import it.piazza.platform.CommonProblem;
import it.piazza.platform.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log, as administrators verify it and as people see who touched their data. */
@RestController
@Tag(name = "Audit")
class AuditController {

  private final Callers callers;
  private final AuditEntries entries;
  private final Checkpoints checkpoints;
  private final LogIntegrator integrator;
  private final LogVerifier verifier;
  private final CheckpointSigner signer;

  AuditController(Callers callers, AuditEntries entries, Checkpoints checkpoints, LogIntegrator integrator,
                  LogVerifier verifier, CheckpointSigner signer) {
    this.callers = callers;
    this.entries = entries;
    this.checkpoints = checkpoints;
    this.integrator = integrator;
    this.verifier = verifier;
    this.signer = signer;
  }

  record CheckpointView(long treeSize, String rootHash, Instant signedAt, String keyId, String signature) {
    static CheckpointView of(Checkpoints.Checkpoint c) {
      return new CheckpointView(c.treeSize(), MerkleTree.hex(c.rootHash()), c.signedAt(), c.keyId(),
          Base64.getEncoder().encodeToString(c.signature()));
    }
  }

  record VerifyAnswer(boolean intact, long entries, int checkpoints, LogVerifier.BadEntry firstBadEntry,
                      CheckpointView latestCheckpoint, String publicKey) {}

  record EntryView(long id, Instant occurredAt, String actor, String actingFor, String dataSubject, String action,
                   String recordType, String recordId, String channel, String purpose, Long leafIndex) {
    static EntryView of(AuditEntry e) {
      return new EntryView(e.id(), e.occurredAt(), e.actor(), e.actingFor(), e.dataSubject(), e.action(),
          e.recordType(), e.recordId(), e.channel(), e.purpose(), e.leafIndex());
    }
  }

  record ProofAnswer(EntryView entry, String leafHash, long leafIndex, CheckpointView checkpoint,
                     List<String> inclusionProof, String publicKey) {}

  @GetMapping("/api/v1/audit/verify")
  @PreAuthorize("hasRole('ADMINISTRATOR')")
  @Operation(summary = "Recompute the comune's audit log and check it against its signed checkpoints")
  VerifyAnswer verify() {
    Caller caller = callers.current();
    integrator.integrate(caller.tenant());
    LogVerifier.Verdict verdict = verifier.verify(caller.tenant());
    return new VerifyAnswer(verdict.intact(), verdict.entries(), verdict.checkpoints(), verdict.firstBadEntry(),
        checkpoints.latest(caller.tenant().value()).map(CheckpointView::of).orElse(null), publicKey());
  }

  @GetMapping("/api/v1/me/audit")
  @Operation(summary = "Who read or changed my personal data, newest first")
  List<EntryView> aboutMe(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    if (page < 0 || size < 1 || size > 200) {
      throw new ProblemException(CommonProblem.INVALID_PARAMETER, page < 0 ? "page" : "size");
    }
    Caller caller = callers.current();
    FiscalCode me = caller.fiscalCode().orElseThrow(() -> new ProblemException(CommonProblem.FORBIDDEN));
    return entries.about(caller.tenant().value(), me.value(), size, page * size).stream().map(EntryView::of).toList();
  }

  @GetMapping("/api/v1/audit/entries/{id}/proof")
  @Operation(summary = "Proof that an entry about me is in the comune's signed audit log (RFC 6962)")
  ProofAnswer proof(@PathVariable long id) {
    Caller caller = callers.current();
    String tenant = caller.tenant().value();
    AuditEntry entry = entries.find(tenant, id).filter(e -> mayRead(caller, e))
        .orElseThrow(() -> new ProblemException(AuditProblem.ENTRY_NOT_FOUND));
    if (entry.leafIndex() == null) {
      integrator.integrate(caller.tenant());
      entry = entries.find(tenant, id).orElseThrow();
    }
    Long leafIndex = entry.leafIndex();
    Checkpoints.Checkpoint checkpoint = checkpoints.latest(tenant)
        .filter(c -> leafIndex != null && c.treeSize() > leafIndex)
        .orElseThrow(() -> new ProblemException(AuditProblem.NOT_YET_CHECKPOINTED));
    List<byte[]> leaves = entries.leafHashes(tenant, checkpoint.treeSize());
    List<String> path = MerkleTree.inclusionProof(Math.toIntExact(leafIndex), leaves).stream()
        .map(MerkleTree::hex).toList();
    return new ProofAnswer(EntryView.of(entry), MerkleTree.hex(entry.leafHash()), leafIndex,
        CheckpointView.of(checkpoint), path, publicKey());
  }

  private static boolean mayRead(Caller caller, AuditEntry entry) {
    if (caller.has(Role.ADMINISTRATOR)) {
      return true;
    }
    String me = caller.fiscalCode().map(FiscalCode::value).orElse(null);
    return me != null && (me.equals(entry.dataSubject()) || me.equals(entry.actingFor()));
  }

  private String publicKey() {
    return Base64.getEncoder().encodeToString(signer.publicKey());
  }
}
