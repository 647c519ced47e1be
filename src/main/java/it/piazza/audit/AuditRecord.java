package it.piazza.audit;

import it.piazza.identity.Caller;
import it.piazza.identity.Channel;
import it.piazza.identity.Delegator;
import it.piazza.identity.FiscalCode;
import it.piazza.tenancy.TenantId;
import java.util.Objects;

/**
 * One thing that happened to a record: {@code actor} (a subject) did {@code action} to {@code recordType}
 * {@code recordId}, possibly acting for {@code actingFor}, touching the personal data of {@code dataSubject}.
 */
public record AuditRecord(TenantId tenant, String actor, String actingFor, String dataSubject, String action,
                          String recordType, String recordId, Channel channel, String purpose) {

  public AuditRecord {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(recordType, "recordType");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(purpose, "purpose");
  }

  /** What a caller did, acting for whomever the call was for. */
  public static AuditRecord by(Caller caller, String action, String recordType, String recordId,
                               FiscalCode dataSubject, String purpose) {
    return new AuditRecord(caller.tenant(), caller.subject(),
        caller.actingFor().map(Delegator::fiscalCode).map(FiscalCode::value).orElse(null),
        dataSubject == null ? null : dataSubject.value(), action, recordType, recordId, caller.channel(), purpose);
  }
}
