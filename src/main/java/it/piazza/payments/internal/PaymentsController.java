package it.piazza.payments.internal;

import it.piazza.audit.AuditLog;
import it.piazza.audit.AuditRecord;
import it.piazza.cases.CaseFacts;
import it.piazza.cases.CaseId;
import it.piazza.cases.CasePayments;
import it.piazza.cases.CasesProblem;
import it.piazza.identity.Caller;
import it.piazza.identity.Callers;
import it.piazza.identity.Role;
import it.piazza.payments.PaymentsProblem;
import it.piazza.platform.ProblemException;
import it.piazza.tenancy.Tenants;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Debt positions as payers (and their delegates), offices and administrators see them: one list of everything a
 * person owes the comune, each position, its notice as PDF and as App IO message, the payments of a case.
 */
@RestController
@Tag(name = "Payments")
class PaymentsController {

  private final Callers callers;
  private final PositionAccess access;
  private final DebtPositions positions;
  private final PositionViews views;
  private final MyPayments myPayments;
  private final IoMessages ioMessages;
  private final CasePayments cases;
  private final Tenants tenants;
  private final AuditLog audit;

  PaymentsController(Callers callers, PositionAccess access, DebtPositions positions, PositionViews views,
                     MyPayments myPayments, IoMessages ioMessages, CasePayments cases, Tenants tenants,
                     AuditLog audit) {
    this.callers = callers;
    this.access = access;
    this.positions = positions;
    this.views = views;
    this.myPayments = myPayments;
    this.ioMessages = ioMessages;
    this.cases = cases;
    this.tenants = tenants;
    this.audit = audit;
  }

  @GetMapping("/api/v1/me/payments")
  @Operation(summary = "Everything I owe the comune, and what the people I may act for owe: open first")
  @Transactional
  List<PositionViews.Item> mine() {
    return myPayments.of(callers.current()).stream().map(views::item).toList();
  }

  @GetMapping("/api/v1/payments/{id}")
  @Operation(summary = "A debt position: amount, due date, notice number, IUV, payer, status")
  @Transactional
  PositionViews.Detail one(@PathVariable UUID id) {
    Caller caller = callers.current();
    PositionAccess.Visible visible = access.require(caller, id);
    audit.record(AuditRecord.by(caller, "read", "debt-position", id.toString(), visible.position().dataSubject(),
        visible.purpose()));
    return views.detail(visible.position());
  }

  @GetMapping(path = "/api/v1/payments/{id}/notice.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  @Operation(summary = "The payment notice (avviso di pagamento) as PDF, with the pagoPA QR code")
  @Transactional
  ResponseEntity<byte[]> notice(@PathVariable UUID id) {
    return myPayments.notice(callers.current(), id);
  }

  @GetMapping("/api/v1/payments/{id}/io-message")
  @Operation(summary = "The App IO message for this notice (body of IO's POST /api/v1/messages)")
  @Transactional
  IoMessages.Message ioMessage(@PathVariable UUID id) {
    Caller caller = callers.current();
    PositionAccess.Visible visible = access.require(caller, id);
    audit.record(AuditRecord.by(caller, "read", "payment-io-message", id.toString(),
        visible.position().dataSubject(), visible.purpose()));
    return ioMessages.of(visible.position(), tenants.find(caller.tenant()).orElseThrow());
  }

  @GetMapping("/api/v1/cases/{id}/payments")
  @Operation(summary = "The payments of an application, for its office's staff and its parties")
  @Transactional
  List<PositionViews.Detail> ofCase(@PathVariable UUID id) {
    Caller caller = callers.current();
    CaseFacts facts = cases.find(caller.tenant(), new CaseId(id))
        .orElseThrow(() -> new ProblemException(CasesProblem.CASE_NOT_FOUND));
    boolean staff = caller.worksIn(facts.office()) || caller.has(Role.ADMINISTRATOR);
    Set<it.piazza.identity.FiscalCode> mine = access.peopleOf(caller);
    if (!staff && !mine.contains(facts.applicant()) && !mine.contains(facts.beneficiary())) {
      throw new ProblemException(CasesProblem.CASE_NOT_FOUND);
    }
    audit.record(AuditRecord.by(caller, "read", "case-payments", id.toString(), facts.beneficiary(),
        staff ? "case-handling" : "citizen-file"));
    return positions.ofCase(caller.tenant(), facts.id()).stream().map(views::detail).toList();
  }

  record CancelRequest(String reason) {}

  @PostMapping(path = "/api/v1/payments/{id}/cancel", consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'SYSTEM')")
  @Operation(summary = "Cancel an unpaid debt position (e.g. a fee charged by mistake); a reason is required")
  @Transactional
  PositionViews.Detail cancel(@PathVariable UUID id, @RequestBody CancelRequest request) {
    Caller caller = callers.current();
    DebtPosition position = positions.find(caller.tenant(), new it.piazza.payments.DebtPositionId(id))
        .orElseThrow(() -> new ProblemException(PaymentsProblem.PAYMENT_NOT_FOUND));
    if (request == null || request.reason() == null || request.reason().isBlank() || request.reason().length() > 500) {
      throw new ProblemException(PaymentsProblem.INVALID_POSITION).with("errors",
          List.of(java.util.Map.of("pointer", "/reason", "message", "1-500 characters")));
    }
    if (position.status() == DebtPosition.Status.CANCELLED) {
      return views.detail(position);
    }
    if (!positions.markCancelled(position, request.reason().strip())) {
      throw new ProblemException(PaymentsProblem.NOT_CANCELLABLE, position.status().code());
    }
    audit.record(AuditRecord.by(caller, "cancel", "debt-position", id.toString(), position.dataSubject(),
        "payments-administration"));
    return views.detail(positions.find(caller.tenant(), position.id()).orElseThrow());
  }
}
