package it.piazza.cases.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything needed to store a {@link LegalClock} and rebuild it with {@link
 * LegalClock#rebuild(ClockState)}, which replays the rules, so a corrupted row cannot yield a clock
 * the law would not allow.
 *
 * @param stoppedOn decision date; null while the procedure is open
 */
public record ClockState(
    LocalDate filedOn,
    int termDays,
    boolean tacitApproval,
    List<Suspension> suspensions,
    LocalDate stoppedOn) {

  public ClockState {
    Objects.requireNonNull(filedOn, "filedOn");
    suspensions = List.copyOf(suspensions);
  }

  LocalDate lastEvent() {
    if (suspensions.isEmpty()) {
      return filedOn;
    }
    Suspension last = suspensions.getLast();
    return last.answeredOn() != null ? last.answeredOn() : last.from();
  }

  ClockState withSuspension(Suspension added) {
    List<Suspension> next = new ArrayList<>(suspensions);
    next.add(added);
    return new ClockState(filedOn, termDays, tacitApproval, next, stoppedOn);
  }

  ClockState withLastSuspension(Suspension replacement) {
    List<Suspension> next = new ArrayList<>(suspensions);
    next.set(next.size() - 1, replacement);
    return new ClockState(filedOn, termDays, tacitApproval, next, stoppedOn);
  }

  ClockState stoppedAt(LocalDate decidedOn) {
    return new ClockState(filedOn, termDays, tacitApproval, suspensions, decidedOn);
  }
}
