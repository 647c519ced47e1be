package it.piazza.issuance.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.piazza.identity.Callers;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The documents the comune issued to me (and to the people I act for), and their sealed PDFs. */
@RestController
@Tag(name = "Issued documents")
class DocumentsController {

  private final Callers callers;
  private final MyDocuments documents;

  DocumentsController(Callers callers, MyDocuments documents) {
    this.callers = callers;
    this.documents = documents;
  }

  /** One issued document as its holder sees it. */
  record DocumentView(UUID id, String kind, String title, Instant issuedAt, String verificationCode, UUID caseId,
                      String holder, String holderName, String protocolNumber, String sha256) {
    static DocumentView of(IssuedDocument d) {
      return new DocumentView(d.id().value(), d.kind().name(), d.title(), d.issuedAt(), d.verificationCode(),
          d.caseId(), d.holder() == null ? null : d.holder().value(), d.holderName(), d.protocolNumber(),
          d.sha256());
    }
  }

  @GetMapping("/api/v1/me/documents")
  @Operation(summary = "Documents issued to me and to the people I may act for (certificates, decisions)")
  List<DocumentView> mine() {
    return documents.of(callers.current()).stream().map(DocumentView::of).toList();
  }

  @GetMapping("/api/v1/documents/{id}/content")
  @Operation(summary = "The sealed PDF/A of an issued document (holder, delegates, the case's office, administrators)")
  ResponseEntity<byte[]> content(@PathVariable UUID id) {
    return documents.content(callers.current(), id);
  }
}
