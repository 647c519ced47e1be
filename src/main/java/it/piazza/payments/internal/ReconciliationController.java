package it.piazza.payments.internal;

import it.piazza.audit.AuditLog;
import it.piazza.audit.AuditRecord;
import it.piazza.identity.Caller;
import it.piazza.identity.Callers;
import it.piazza.tenancy.Tenants;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The comune's daily reconciliation report, for its administrators (ragioneria). */
@RestController
@Tag(name = "Payments")
class ReconciliationController {

  private final Callers callers;
  private final Reconciliation reconciliation;
  private final Tenants tenants;
  private final AuditLog audit;
  private final Clock clock;

  ReconciliationController(Callers callers, Reconciliation reconciliation, Tenants tenants, AuditLog audit,
                           Clock clock) {
    this.callers = callers;
    this.reconciliation = reconciliation;
    this.tenants = tenants;
    this.audit = audit;
    this.clock = clock;
  }

  @GetMapping("/api/v1/payments/reconciliation")
  @PreAuthorize("hasRole('ADMINISTRATOR')")
  @Operation(summary = "The receipts of a day (default today) against the positions they settled, totals and "
      + "discrepancies (amount mismatch, position not paid, paid without receipt, refused receipt)")
  @Transactional
  Reconciliation.Report report(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                               LocalDate date) {
    Caller caller = callers.current();
    LocalDate day = date == null ? LocalDate.now(clock) : date;
    audit.record(AuditRecord.by(caller, "read", "reconciliation-report", day.toString(), null,
        "payments-administration"));
    return reconciliation.of(caller.tenant(), tenants.find(caller.tenant()).orElseThrow().fiscalCode().value(), day);
  }
}
