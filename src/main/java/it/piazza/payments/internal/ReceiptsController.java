package it.piazza.payments.internal;

import it.piazza.identity.Caller;
import it.piazza.identity.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Where the payment intermediary (a registered client system) delivers receipts. */
@RestController
@Tag(name = "Payments")
class ReceiptsController {

  private final Callers callers;
  private final Receipts receipts;

  ReceiptsController(Callers callers, Receipts receipts) {
    this.callers = callers;
    this.receipts = receipts;
  }

  record ReceiptRequest(String receiptId, String noticeNumber, String creditorFiscalCode, JsonNode amountCents,
                        Instant paidAt, String psp) {}

  @PostMapping(path = "/api/v1/payments/receipts", consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasRole('SYSTEM')")
  @Operation(summary = "Deliver a receipt (ricevuta telematica): settles its debt position once. Idempotent on "
      + "receiptId: 201 when stored, 200 when it was already (header Idempotent-Replayed). 404 unknown notice, "
      + "422 wrong amount, 409 paid, expired or cancelled position; problems carry the pagoPA error as pagopaCode.")
  ResponseEntity<Receipts.Stored> receive(@RequestBody ReceiptRequest request) {
    Caller caller = callers.current();
    Receipts.Stored stored = receipts.settle(caller.tenant(), new Receipts.Incoming(request.receiptId(),
        request.noticeNumber(), request.creditorFiscalCode(), Cents.of(request.amountCents()), request.paidAt(),
        request.psp()), caller.subject(), caller.channel());
    ResponseEntity.BodyBuilder answer = ResponseEntity.status(stored.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
        .location(URI.create("/api/v1/payments/" + stored.positionId()));
    if (stored.replayed()) {
      answer.header("Idempotent-Replayed", "true");
    }
    return answer.body(stored);
  }
}
