package it.piazza.preservation.internal;

import it.piazza.audit.AuditLog;
import it.piazza.audit.AuditRecord;
import it.piazza.cases.CaseClosed;
import it.piazza.cases.CaseFacts;
import it.piazza.cases.CaseId;
import it.piazza.cases.Cases;
import it.piazza.documents.DocumentStore;
import it.piazza.identity.Channel;
import it.piazza.issuance.DocumentIssued;
import it.piazza.issuance.DocumentKind;
import it.piazza.tenancy.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes the packages, once per cause: a closed case with everything issued for it so far; a document issued for a
 * case whose package already left, as a package of its own linked to the case's; a day's protocol register. Events
 * may come twice (redelivery, two nodes): the outbox's unique cause and a per-case lock keep one package per cause
 * and never lose a document between a case's closing and a late issue.
 */
@Component
class PackageRecorder {

  private static final Logger log = LoggerFactory.getLogger(PackageRecorder.class);

  private final Cases cases;
  private final DocumentsToPreserve issued;
  private final Packages packages;
  private final PackageMaker maker;
  private final AuditLog audit;
  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final Clock clock;

  PackageRecorder(Cases cases, DocumentsToPreserve issued, Packages packages, PackageMaker maker, AuditLog audit,
                  JdbcClient jdbc, JsonMapper json, Clock clock) {
    this.cases = cases;
    this.issued = issued;
    this.packages = packages;
    this.maker = maker;
    this.audit = audit;
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  @ApplicationModuleListener
  void on(CaseClosed closed) {
    lockCase(closed.tenant(), closed.caseId());
    if (packages.findFor(closed.tenant(), PackageKind.CASE, closed.caseId().toString()).isPresent()) {
      return;
    }
    Optional<CaseFacts> facts = cases.find(closed.tenant(), closed.caseId());
    if (facts.isEmpty()) {
      log.warn("Closed case {} of {} not found: no preservation package", closed.caseId(), closed.tenant());
      return;
    }
    var cause = new PackageMaker.CaseCause(closed.caseId().toString(), closed.outcome().code(), closed.closedOn());
    List<DocumentIssued> documents = issued.unpackagedOf(closed.tenant(), closed.caseId());
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    DocumentStore.Stored zip = maker.caseSip(id, facts.get(), cause, documents, now);
    add(id, closed.tenant(), PackageKind.CASE, closed.caseId().toString(), json.writeValueAsString(cause), zip,
        documents, facts.get().beneficiary().value(), now);
  }

  @ApplicationModuleListener
  void on(DocumentIssued document) {
    if (!issued.record(document)) {
      return;
    }
    Instant now = clock.instant();
    UUID id = UUID.randomUUID();
    if (document.kind() == DocumentKind.DAILY_REGISTER) {
      DocumentStore.Stored zip = maker.registerSip(id, document, now);
      add(id, document.tenant(), PackageKind.DAILY_REGISTER, document.documentId().toString(),
          json.writeValueAsString(new DocumentCause(document.documentId().toString(), null, null)), zip,
          List.of(document), null, now);
      return;
    }
    if (document.caseId() == null) {
      return;
    }
    lockCase(document.tenant(), document.caseId());
    Optional<Packages.Row> casePackage = packages.findFor(document.tenant(), PackageKind.CASE,
        document.caseId().toString());
    if (casePackage.isEmpty()) {
      return; // the case is still open: the document travels in the case's package when it closes
    }
    Optional<CaseFacts> facts = cases.find(document.tenant(), document.caseId());
    DocumentStore.Stored zip = maker.addendumSip(id, document, casePackage.get().id(), facts, now);
    add(id, document.tenant(), PackageKind.CASE_ADDENDUM, document.documentId().toString(),
        json.writeValueAsString(new DocumentCause(document.documentId().toString(), document.caseId().toString(),
            casePackage.get().id().toString())), zip, List.of(document),
        facts.map(f -> f.beneficiary().value()).orElse(null), now);
  }

  /** The cause of a package made for one issued document. */
  record DocumentCause(String documentId, String caseId, String casePackage) {}

  private void add(UUID id, TenantId tenant, PackageKind kind, String subject, String cause,
                   DocumentStore.Stored zip, List<DocumentIssued> documents, String dataSubject, Instant now) {
    if (!packages.add(id, tenant, kind, subject, cause, zip.sha256(), zip.size(), now)) {
      return;
    }
    issued.packaged(documents, id);
    audit.record(new AuditRecord(tenant, "piazza", null, dataSubject, "create", "preservation-package",
        id.toString(), Channel.SYSTEM, "preservation"));
  }

  /** One case at a time: its closing and a document issued for it at the same moment must not miss each other. */
  private void lockCase(TenantId tenant, CaseId caseId) {
    jdbc.sql("select count(*) from (select pg_advisory_xact_lock(hashtextextended(?, 0))) locked")
        .param("preservation:" + tenant + ":" + caseId).query(Long.class).single();
  }
}
