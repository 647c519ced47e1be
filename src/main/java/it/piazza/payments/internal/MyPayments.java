package it.piazza.payments.internal;

import it.piazza.audit.AuditLog;
import it.piazza.audit.AuditRecord;
import it.piazza.identity.Caller;
import it.piazza.tenancy.Tenants;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's debts as they read them, in the API ({@code /api/v1/me/payments}) and in the portal
 * ({@code /fascicolo/pagamenti}) alike: one list, one notice download, one access rule, one audit entry each.
 */
@Component
class MyPayments {

  private final PositionAccess access;
  private final DebtPositions positions;
  private final NoticePrinter printer;
  private final Tenants tenants;
  private final AuditLog audit;

  MyPayments(PositionAccess access, DebtPositions positions, NoticePrinter printer, Tenants tenants, AuditLog audit) {
    this.access = access;
    this.positions = positions;
    this.printer = printer;
    this.tenants = tenants;
    this.audit = audit;
  }

  /** Everything owed by the caller and by the people they may act for (as payer or beneficiary), open first. */
  @Transactional
  List<DebtPosition> of(Caller caller) {
    List<DebtPosition> mine = positions.ofPeople(caller.tenant(), access.peopleOf(caller), 500);
    audit.record(AuditRecord.by(caller, "read", "debt-position-list", null, caller.subjectPerson().orElse(null),
        "citizen-file"));
    return mine;
  }

  /** The payment notice as PDF, to whoever may see the position (else 404); every download is audited. */
  @Transactional
  ResponseEntity<byte[]> notice(Caller caller, UUID id) {
    PositionAccess.Visible visible = access.require(caller, id);
    DebtPosition position = visible.position();
    byte[] pdf = printer.print(position, tenants.find(position.tenant()).orElseThrow());
    audit.record(AuditRecord.by(caller, "download", "payment-notice", id.toString(), position.dataSubject(),
        visible.purpose()));
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header("Content-Disposition", ContentDisposition.attachment()
            .filename("avviso-" + position.notice().value() + ".pdf").build().toString())
        .body(pdf);
  }
}
