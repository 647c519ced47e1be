package it.piazza.cases.internal;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One suspension as it happened, kept as raw facts (not as a computed end date) so that a stored
 * clock is rebuilt by replaying the same rules that built it.
 *
 * @param reason why the term stopped
 * @param from day of the integration request or of the notice of refusal
 * @param answeredOn day the documents or the observations arrived; null if they never (or not yet)
 *     did
 */
public record Suspension(SuspensionReason reason, LocalDate from, LocalDate answeredOn) {

  public Suspension {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(from, "from");
  }

  LocalDate answerDeadline() {
    return reason.answerDeadline(from);
  }

  Suspension answeredOn(LocalDate on) {
    return new Suspension(reason, from, on);
  }

  /**
   * The period as known on {@code day}: still open while no answer has arrived and the automatic
   * end has not come; cut short by a decision, since a decided procedure has no term left.
   */
  SuspendedPeriod seenOn(LocalDate day, boolean decided) {
    LocalDate end = reason.end(from, answeredOn);
    if (decided && end.isAfter(day)) {
      return new SuspendedPeriod(reason, from, Optional.of(day));
    }
    boolean answerKnown = answeredOn != null && !answeredOn.isAfter(day);
    boolean open = !answerKnown && day.isBefore(end);
    return new SuspendedPeriod(reason, from, open ? Optional.empty() : Optional.of(end));
  }
}
