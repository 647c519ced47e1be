package it.piazza.issuance.internal;

import it.piazza.audit.AuditLog;
import it.piazza.audit.AuditRecord;
import it.piazza.cases.CaseId;
import it.piazza.documents.DocumentStore;
import it.piazza.identity.Channel;
import it.piazza.identity.FiscalCode;
import it.piazza.identity.OfficeId;
import it.piazza.issuance.DocumentIssued;
import it.piazza.issuance.DocumentKind;
import it.piazza.issuance.IssuedDocumentId;
import it.piazza.protocol.Correspondent;
import it.piazza.protocol.ProtocolEntry;
import it.piazza.protocol.ProtocolRegister;
import it.piazza.protocol.Registration;
import it.piazza.tenancy.Tenant;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.function.BiFunction;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues a document, once per cause: writes the PDF/A from its template, seals it, keeps it in the document store,
 * registers it as outgoing in the protocol (to its holder; daily registers are not registered), records it, audits
 * it and raises {@link DocumentIssued} — all in one transaction, so a failure leaves no number, row or event behind
 * (at worst an unreferenced file in the content-addressed store). The PDF is written and sealed before that
 * transaction opens: a burst of decisions must not hold the pool's connections while the CPU works.
 */
@Component
class Issuer {

  static final long MAX_PDF = 50L * 1024 * 1024;

  /**
   * What to issue.
   *
   * @param cause why, unique per comune: a second request with the same cause returns the first document
   * @param template the sheet, given the verification code and the URL the QR code points to
   */
  record Request(Tenant comune, DocumentKind kind, String cause, String title, FiscalCode holder, String holderName,
                 CaseId caseId, OfficeId office, LocalDate registerDay,
                 BiFunction<String, String, Sheet.Builder> template, String officeName) {}

  private final IssuedDocuments documents;
  private final PdfAWriter writer;
  private final Seal seal;
  private final DocumentStore store;
  private final ProtocolRegister protocol;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;
  private final IssuanceProperties properties;
  private final Environment environment;
  private final Clock clock;
  /**
   * How many documents are issued at once on this node: as many as there are cores. The listeners run on virtual
   * threads, unbounded, and a burst of decisions would otherwise write hundreds of PDFs at once (each holding its
   * fonts and pages in memory) and queue as many transactions, each holding a pooled connection, behind the
   * comune's protocol numbering: the citizens' and operators' requests then wait for a connection. The decisions
   * wait here instead, holding nothing.
   */
  private final Semaphore issuing = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()));

  Issuer(IssuedDocuments documents, PdfAWriter writer, Seal seal, DocumentStore store, ProtocolRegister protocol,
         AuditLog audit, ApplicationEventPublisher events, TransactionTemplate transactions,
         IssuanceProperties properties, Environment environment, Clock clock) {
    this.documents = documents;
    this.writer = writer;
    this.seal = seal;
    this.store = store;
    this.protocol = protocol;
    this.audit = audit;
    this.events = events;
    this.transactions = transactions;
    this.properties = properties;
    this.environment = environment;
    this.clock = clock;
  }

  IssuedDocument issue(Request request) {
    Tenant comune = request.comune();
    Optional<IssuedDocument> issued = documents.byCause(comune.id(), request.cause());
    if (issued.isPresent()) {
      return issued.get();
    }
    issuing.acquireUninterruptibly();
    try {
      return write(request);
    } finally {
      issuing.release();
    }
  }

  private IssuedDocument write(Request request) {
    Tenant comune = request.comune();
    // Written and sealed before the transaction: the CPU-heavy part (tens of milliseconds) holds no connection
    // and no lock. Two nodes racing on one cause both write; the lock below lets one register, the other's sheet
    // is dropped (its file never stored).
    IssuedDocumentId id = IssuedDocumentId.random();
    String code = VerificationCode.random();
    Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Sheet.Builder content = request.template().apply(code, verifyUrl(comune, code));
    Sheet sheet = new Sheet(comune.name(), request.officeName(), request.title(), content.blocks(), code,
        verifyUrl(comune, code), issuedAt);
    byte[] sealed = seal.apply(writer.write(sheet), comune, issuedAt, request.title());
    return transactions.execute(status -> {
      documents.lockCause(comune.id(), request.cause());
      var existing = documents.byCause(comune.id(), request.cause());
      if (existing.isPresent()) {
        return existing.get();
      }
      DocumentStore.Stored stored = store.put(new ByteArrayInputStream(sealed), MAX_PDF);
      String protocolNumber = null;
      if (request.kind() != DocumentKind.DAILY_REGISTER) {
        // DPR 445/2000 art. 53: a document the comune sends out is registered, its recipient the holder.
        ProtocolEntry entry = protocol.register(Registration.outgoing(comune.id(),
                List.of(Correspondent.person(request.holderName(), request.holder())), request.title(),
                stored.sha256(), "piazza", Channel.SYSTEM)
            .withDocument(request.kind().name().toLowerCase(), "issued-document:" + id));
        protocolNumber = entry.number().toString();
      }
      IssuedDocument document = new IssuedDocument(comune.id(), id, request.kind(), request.cause(), request.title(),
          request.holder(), request.holderName(), request.caseId() == null ? null : request.caseId().value(),
          protocolNumber, stored.sha256(), stored.size(), issuedAt, request.office(), code, request.registerDay());
      documents.insert(document);
      audit.record(new AuditRecord(comune.id(), "piazza", null,
          request.holder() == null ? null : request.holder().value(), "issue", "issued-document", id.toString(),
          Channel.SYSTEM, "issuance"));
      events.publishEvent(new DocumentIssued(id, comune.id(), request.kind(), request.title(), stored.sha256(),
          stored.size(), issuedAt, protocolNumber, request.caseId(), request.registerDay(), code));
      return document;
    });
  }

  /** Where the QR code leads: the comune's public address (configured, else its first host name) + /verify/code. */
  String verifyUrl(Tenant comune, String code) {
    return publicBase(comune) + "/verify/" + code;
  }

  String publicBase(Tenant comune) {
    String configured = properties.publicUrls().get(comune.id().value());
    if (configured != null && !configured.isBlank()) {
      return configured.replaceAll("/+$", "");
    }
    String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    String host = comune.hosts().isEmpty() ? "localhost" : comune.hosts().getFirst();
    return "http://" + host + ("80".equals(port) ? "" : ":" + port);
  }

}
