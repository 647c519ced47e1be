package it.piazza.cases.internal;

import static java.time.temporal.ChronoUnit.DAYS;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What the legal clock says on a given day.
 *
 * @param asOf the day the figures refer to: the day asked for, or the decision date once decided
 * @param daysElapsed running days since filing; the filing day and suspended days do not count
 * @param daysLeft term days still to run; negative once the term has expired
 * @param dueDate last day of the term as known on {@code asOf}; while suspended it moves one day
 *     for every suspended day
 * @param suspendedFor why the term is not running on {@code asOf}; empty when it runs
 * @param suspendedPeriods every suspension begun by {@code asOf}, oldest first
 * @param decided whether the procedure was decided, which freezes the clock
 */
public record ClockReading(
    LocalDate asOf,
    long daysElapsed,
    long daysLeft,
    LocalDate dueDate,
    Optional<SuspensionReason> suspendedFor,
    List<SuspendedPeriod> suspendedPeriods,
    boolean decided) {

  public ClockReading {
    suspendedPeriods = List.copyOf(suspendedPeriods);
  }

  public boolean suspended() {
    return suspendedFor.isPresent();
  }

  /**
   * The term expired before {@code asOf} (for a decided clock: before the decision). A late or
   * missing decision is a breach weighed against the officials in charge (art. 2 c.9).
   */
  public boolean overdue() {
    return daysLeft < 0;
  }

  /**
   * Suspended days are taken out of the elapsed ones and added to the due date (art. 2 c.7,
   * art. 10-bis). A decision freezes every figure at the decision date.
   */
  static ClockReading of(ClockState state, LocalDate today) {
    LocalDate stoppedOn = state.stoppedOn();
    boolean decided = stoppedOn != null && !today.isBefore(stoppedOn);
    LocalDate asOf = decided ? stoppedOn : today;
    List<SuspendedPeriod> periods = state.suspensions().stream()
        .filter(s -> !s.from().isAfter(asOf))
        .map(s -> s.seenOn(asOf, decided))
        .toList();
    long suspendedDays = periods.stream().mapToLong(p -> p.daysSuspendedBy(asOf)).sum();
    long elapsed = DAYS.between(state.filedOn(), asOf) - suspendedDays;
    LocalDate due = state.filedOn().plusDays(state.termDays() + suspendedDays);
    Optional<SuspensionReason> now =
        periods.stream().filter(p -> p.covers(asOf)).map(SuspendedPeriod::reason).findFirst();
    return new ClockReading(asOf, elapsed, state.termDays() - elapsed, due, now, periods, decided);
  }
}
