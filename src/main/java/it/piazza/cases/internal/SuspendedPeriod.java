package it.piazza.cases.internal;

import static java.time.temporal.ChronoUnit.DAYS;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A stretch in which the term did not run, as seen in a {@link ClockReading}. The day {@code from}
 * still counts; counting starts again the day after {@code to}. An empty {@code to} means the
 * suspension is still open and its end is not known yet.
 */
public record SuspendedPeriod(SuspensionReason reason, LocalDate from, Optional<LocalDate> to) {

  public boolean isOpen() {
    return to.isEmpty();
  }

  boolean covers(LocalDate day) {
    return !day.isBefore(from) && to.map(day::isBefore).orElse(true);
  }

  long daysSuspendedBy(LocalDate day) {
    LocalDate end = to.filter(t -> t.isBefore(day)).orElse(day);
    return Math.max(0, DAYS.between(from, end));
  }
}
