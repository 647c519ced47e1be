package it.piazza.issuance.internal;

import it.piazza.audit.AuditLog;
import it.piazza.audit.AuditRecord;
import it.piazza.documents.DocumentStore;
import it.piazza.identity.Caller;
import it.piazza.identity.Delegations;
import it.piazza.identity.Delegator;
import it.piazza.identity.FiscalCode;
import it.piazza.identity.Role;
import it.piazza.issuance.DocumentKind;
import it.piazza.issuance.IssuanceProblem;
import it.piazza.issuance.IssuedDocumentId;
import it.piazza.platform.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issued documents as people read them, in the API and in the citizen file alike: one list, one download, one access
 * rule, one audit entry each. A document may be read by its holder and their delegates, by the staff of the office
 * that handled its case, and (daily registers, and any document) by the comune's administrators; anyone else is
 * told it does not exist (404).
 */
@Component
class MyDocuments {

  private final IssuedDocuments documents;
  private final DocumentStore store;
  private final Delegations delegations;
  private final AuditLog audit;
  private final Clock clock;

  MyDocuments(IssuedDocuments documents, DocumentStore store, Delegations delegations, AuditLog audit, Clock clock) {
    this.documents = documents;
    this.store = store;
    this.delegations = delegations;
    this.audit = audit;
    this.clock = clock;
  }

  /** The documents of the caller and of the people they may act for, newest first. */
  @Transactional
  List<IssuedDocument> of(Caller caller) {
    List<IssuedDocument> mine = documents.ofHolders(caller.tenant(), peopleOf(caller), 500);
    audit.record(AuditRecord.by(caller, "read", "issued-document-list", null, caller.subjectPerson().orElse(null),
        "citizen-file"));
    return mine;
  }

  /** The sealed PDF, to whoever may read it; every download is audited. */
  @Transactional
  ResponseEntity<byte[]> content(Caller caller, UUID id) {
    IssuedDocument document = documents.find(caller.tenant(), new IssuedDocumentId(id))
        .orElseThrow(() -> new ProblemException(IssuanceProblem.ISSUED_DOCUMENT_NOT_FOUND));
    String purpose = purpose(caller, document);
    byte[] pdf;
    try (InputStream in = store.open(document.sha256()).orElseThrow(() -> new IllegalStateException(
        "The PDF of issued document " + id + " is missing from the document store"))) {
      pdf = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    audit.record(AuditRecord.by(caller, "download", "issued-document", id.toString(), document.holder(), purpose));
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header("Content-Disposition", ContentDisposition.attachment().filename(fileName(document)).build()
            .toString())
        .body(pdf);
  }

  private String purpose(Caller caller, IssuedDocument document) {
    if (document.holder() != null && document.kind() != DocumentKind.DAILY_REGISTER
        && peopleOf(caller).contains(document.holder())) {
      return "citizen-file";
    }
    if (document.office() != null && caller.worksIn(document.office())) {
      return "case-handling";
    }
    if (caller.has(Role.ADMINISTRATOR)) {
      return "document-administration";
    }
    throw new ProblemException(IssuanceProblem.ISSUED_DOCUMENT_NOT_FOUND);
  }

  /** The caller and everyone they may act for today. */
  Set<FiscalCode> peopleOf(Caller caller) {
    Set<FiscalCode> people = new HashSet<>();
    caller.fiscalCode().ifPresent(own -> {
      people.add(own);
      delegations.delegatorsOf(caller.tenant(), own, LocalDate.now(clock)).stream().map(Delegator::fiscalCode)
          .forEach(people::add);
    });
    return people;
  }

  static String fileName(IssuedDocument document) {
    String base = switch (document.kind()) {
      case CERTIFICATE -> "certificato";
      case DECISION -> "provvedimento";
      case DAILY_REGISTER -> "registro-protocollo-" + document.registerDay();
    };
    return base + "-" + document.verificationCode() + ".pdf";
  }
}
