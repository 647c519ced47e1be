package it.piazza.audit.internal;

import it.piazza.audit.AuditLog;
import it.piazza.audit.AuditRecord;
import it.piazza.identity.ActedOnBehalf;
import java.util.Locale;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Records every call made on someone's behalf, as it is made (synchronously, in the caller's transaction). */
@Component
class DelegationAudit {

  private final AuditLog auditLog;

  DelegationAudit(AuditLog auditLog) {
    this.auditLog = auditLog;
  }

  @EventListener
  void on(ActedOnBehalf event) {
    String delegator = event.delegator().value();
    auditLog.record(new AuditRecord(event.tenant(), event.actor(), delegator, delegator, "act-on-behalf", "request",
        event.request(), event.channel(), "delegation:" + event.kind().name().toLowerCase(Locale.ROOT)));
  }
}
