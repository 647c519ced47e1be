package it.piazza.protocol.internal;

import it.piazza.audit.AuditLog;
import it.piazza.audit.AuditRecord;
import it.piazza.identity.FiscalCode;
import it.piazza.protocol.Correspondent;
import it.piazza.protocol.ProtocolEntry;
import it.piazza.protocol.ProtocolNumber;
import it.piazza.protocol.ProtocolRegister;
import it.piazza.protocol.ProtocolRegistered;
import it.piazza.protocol.Registration;
import it.piazza.tenancy.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Registers documents in the comuni's protocol registers (DPR 445/2000 art. 53 and 57). */
@Service
class Registrar implements ProtocolRegister {

  /** Dates and years of the register are Italian ones, whatever zone the clock or the server is set to. */
  static final ZoneId ITALY = ZoneId.of("Europe/Rome");
  static final String RECORD_TYPE = "protocol-entry";

  private final ProtocolEntries entries;
  private final AuditLog auditLog;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Registrar(ProtocolEntries entries, AuditLog auditLog, ApplicationEventPublisher events, Clock clock) {
    this.entries = entries;
    this.auditLog = auditLog;
    this.events = events;
    this.clock = clock;
  }

  /**
   * MANDATORY: registering on its own would commit a number that the caller's work could then fail to use, leaving
   * a number without its document. Art. 53 c.3: every field is set in this one operation.
   */
  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public ProtocolEntry register(Registration registration) {
    TenantId tenant = registration.tenant();
    entries.lockNumbering(tenant);
    // L. 241/1990 art. 18-bis: the registration date is the day the document is filed, from the clock, never input.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    LocalDate today = LocalDate.ofInstant(now, ITALY);
    // Art. 57: numbering restarts every calendar year, so each comune has one counter per year.
    ProtocolNumber number = new ProtocolNumber(today.getYear(), entries.nextNumber(tenant, today.getYear()));
    ProtocolEntry entry = ProtocolEntry.of(registration, number, now, today);
    entries.insert(entry);
    String person = personIn(entry).map(FiscalCode::value).orElse(null);
    auditLog.record(new AuditRecord(tenant, registration.actor(), null, person, "register", RECORD_TYPE,
        number.format(), registration.channel(), "protocol-registration"));
    events.publishEvent(new ProtocolRegistered(tenant, number, entry.direction(), now));
    return entry;
  }

  @Override
  public Optional<ProtocolEntry> find(TenantId tenant, ProtocolNumber number) {
    return entries.find(tenant, number);
  }

  @Override
  public List<ProtocolEntry> day(TenantId tenant, LocalDate day) {
    return entries.day(tenant, day);
  }

  @Override
  public Optional<LocalDate> firstDay(TenantId tenant) {
    return entries.firstDay(tenant);
  }

  /** The first correspondent who is a person: whose personal data the entry holds, for the audit log. */
  static Optional<FiscalCode> personIn(ProtocolEntry entry) {
    return entry.correspondents().stream().map(Correspondent::person).flatMap(Optional::stream).findFirst();
  }
}
