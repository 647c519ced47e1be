package it.piazza.protocol;

import it.piazza.tenancy.TenantId;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The protocol register of the comuni (DPR 445/2000 art. 53): registration, and the register as read back. */
public interface ProtocolRegister {

  /**
   * Registers a document: assigns the next number of the comune's current year and the registration date from the
   * clock, stores the entry, audits it and raises {@link ProtocolRegistered} — all in the caller's transaction,
   * which must exist. A rolled-back transaction takes its number back with it, so the register never has a gap.
   * Concurrent registrations in one comune queue until the earlier transaction ends: register late in it.
   */
  ProtocolEntry register(Registration registration);

  Optional<ProtocolEntry> find(TenantId tenant, ProtocolNumber number);

  /** The daily register (art. 53 c.2): the comune's entries registered on {@code day}, in number order. */
  List<ProtocolEntry> day(TenantId tenant, LocalDate day);

  /** The day of the comune's first registration, if any: where the series of daily registers starts. */
  Optional<LocalDate> firstDay(TenantId tenant);
}
