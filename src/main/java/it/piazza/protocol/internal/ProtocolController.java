package it.piazza.protocol.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.piazza.audit.AuditLog;
import it.piazza.audit.AuditRecord;
import it.piazza.identity.Caller;
import it.piazza.identity.Callers;
import it.piazza.platform.ProblemException;
import it.piazza.protocol.Correspondent;
import it.piazza.protocol.ProtocolEntry;
import it.piazza.protocol.ProtocolNumber;
import it.piazza.protocol.ProtocolProblem;
import it.piazza.protocol.ProtocolRegister;
import it.piazza.protocol.Registration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.RestController;

/**
 * The register as the comune's staff consult it. Entries hold personal data of their correspondents: every entry
 * answered is audited as read, before it is answered.
 */
@RestController
@Tag(name = "Protocol")
class ProtocolController {

  private static final String STAFF = "hasAnyRole('OPERATOR', 'OFFICE_MANAGER', 'ADMINISTRATOR')";

  private final ProtocolRegister register;
  private final Callers callers;
  private final AuditLog auditLog;
  private final TransactionTemplate transactions;

  ProtocolController(ProtocolRegister register, Callers callers, AuditLog auditLog,
                     TransactionTemplate transactions) {
    this.register = register;
    this.callers = callers;
    this.auditLog = auditLog;
    this.transactions = transactions;
  }

  record EntryView(String number, int year, long progressive, Instant registeredAt, LocalDate registrationDate,
                   String direction, List<Correspondent> correspondents, String subject, String fingerprint,
                   Registration.SenderReference senderReference, String documentKind, String documentReference,
                   String classification, String registeredBy, String channel) {
    static EntryView of(ProtocolEntry e) {
      return new EntryView(e.number().format(), e.number().year(), e.number().number(), e.registeredAt(),
          e.registrationDate(), e.direction().code(), e.correspondents(), e.subject(), e.fingerprint(),
          e.senderReference(), e.documentKind(), e.documentReference(), e.classification(), e.registeredBy(),
          e.channel().code());
    }
  }

  /** The daily register (DPR 445/2000 art. 53 c.2). */
  record DayView(LocalDate date, int count, List<EntryView> entries) {}

  @GetMapping("/api/v1/protocol/{year}/{number}")
  @PreAuthorize(STAFF)
  @Operation(summary = "One entry of the comune's protocol register, by year and number")
  EntryView entry(@PathVariable int year, @PathVariable long number) {
    Caller caller = callers.current();
    ProtocolNumber wanted;
    try {
      wanted = ProtocolNumber.of(year, number);
    } catch (IllegalArgumentException invalid) {
      throw new ProblemException(ProtocolProblem.INVALID_NUMBER, year + "/" + number);
    }
    // Another comune's entry is simply not in this caller's register: the same 404 as a missing one.
    ProtocolEntry entry = register.find(caller.tenant(), wanted)
        .orElseThrow(() -> new ProblemException(ProtocolProblem.ENTRY_NOT_FOUND, wanted.format()));
    audit(caller, entry);
    return EntryView.of(entry);
  }

  @GetMapping("/api/v1/protocol")
  @PreAuthorize(STAFF)
  @Operation(summary = "The daily register: the comune's entries of one day, in number order")
  DayView day(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    Caller caller = callers.current();
    List<ProtocolEntry> entries = register.day(caller.tenant(), date);
    // One transaction for the day's audit entries: all of them are written, or the day is not answered.
    transactions.executeWithoutResult(status -> entries.forEach(entry -> audit(caller, entry)));
    return new DayView(date, entries.size(), entries.stream().map(EntryView::of).toList());
  }

  private void audit(Caller caller, ProtocolEntry entry) {
    auditLog.record(AuditRecord.by(caller, "read", Registrar.RECORD_TYPE, entry.number().format(),
        Registrar.personIn(entry).orElse(null), "protocol-consultation"));
  }
}
