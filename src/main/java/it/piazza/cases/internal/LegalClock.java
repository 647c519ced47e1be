package it.piazza.cases.internal;

import static it.piazza.cases.internal.SuspensionReason.INTEGRATION;
import static it.piazza.cases.internal.SuspensionReason.NOTICE_OF_REFUSAL;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The legal clock of an administrative procedure (L. 241/1990), counted in calendar days. It is an
 * immutable value: every operation returns a new clock and leaves this one untouched.
 *
 * <p>Days are counted the civil-law way (art. 2963 c.c.): the day of the event that starts a term
 * is not counted (dies a quo non computatur), so a term of n days filed on day d ends on d + n.
 */
public final class LegalClock {

  private final ClockState state;

  private LegalClock(ClockState state) {
    this.state = state;
  }

  /**
   * The term runs from receipt of the application (art. 2 c.6). Choosing the term, 30 days by
   * default under art. 2 c.2, and whether silence means approval (art. 20) is the caller's job.
   */
  public static LegalClock start(LocalDate filedOn, int termDays, boolean tacitApproval) {
    Objects.requireNonNull(filedOn, "filedOn");
    if (termDays <= 0) {
      throw new IllegalArgumentException("termDays must be positive, was " + termDays);
    }
    return new LegalClock(new ClockState(filedOn, termDays, tacitApproval, List.of(), null));
  }

  /** Rebuilds a stored clock by replaying its events, so every rule is checked again. */
  public static LegalClock rebuild(ClockState saved) {
    LegalClock clock = start(saved.filedOn(), saved.termDays(), saved.tacitApproval());
    for (Suspension suspension : saved.suspensions()) {
      clock = clock.replay(suspension);
    }
    return saved.stoppedOn() == null ? clock : clock.stop(saved.stoppedOn());
  }

  public ClockState state() {
    return state;
  }

  /** Art. 2 c.7: the term may be suspended "per una sola volta" to obtain missing documents. */
  public LegalClock suspendForIntegration(LocalDate on) {
    if (state.suspensions().stream().anyMatch(s -> s.reason() == INTEGRATION)) {
      throw new ClockRuleViolation("An integration request already suspended this procedure;"
          + " art. 2 c.7 L. 241/1990 allows only one");
    }
    return suspend(INTEGRATION, on);
  }

  /** Art. 2 c.7: the term runs again from the day the documents arrive. */
  public LegalClock resumeOnIntegration(LocalDate answeredOn) {
    return answer(INTEGRATION, answeredOn);
  }

  /** Art. 10-bis (as amended by DL 76/2020): the notice suspends the term, not restarts it. */
  public LegalClock suspendForNoticeOfRefusal(LocalDate on) {
    return suspend(NOTICE_OF_REFUSAL, on);
  }

  /** Art. 10-bis: the term runs again 10 days after the observations are filed. */
  public LegalClock observationsReceived(LocalDate on) {
    return answer(NOTICE_OF_REFUSAL, on);
  }

  /** A decision ends the procedure (art. 2 c.1), so the clock stops and any suspension with it. */
  public LegalClock stop(LocalDate decidedOn) {
    requireNewEvent(decidedOn);
    return new LegalClock(state.stoppedAt(decidedOn));
  }

  /** Reads the clock on any day from the filing on, past days included (useful for audits). */
  public ClockReading readOn(LocalDate today) {
    requireNotBeforeFiling(today);
    return ClockReading.of(state, today);
  }

  /**
   * Art. 20: where the service allows it, silence past the due date equals approval. A clock
   * decided on time never reaches that point, since its reading is frozen at the decision.
   */
  public boolean silenceMeansApprovalOn(LocalDate today) {
    ClockReading reading = readOn(today);
    return state.tacitApproval() && !reading.suspended() && reading.overdue();
  }

  private LegalClock suspend(SuspensionReason reason, LocalDate on) {
    requireNewEvent(on);
    ClockReading reading = readOn(on);
    if (reading.suspended()) {
      throw new ClockRuleViolation("On " + on + " the clock is already suspended for "
          + reading.suspendedFor().orElseThrow() + "; suspensions cannot overlap");
    }
    // Only a running term can be suspended: once it has expired, silence has taken effect
    // (art. 20; late acts are ineffective under art. 2 c.8-bis) and must not be revived.
    if (reading.overdue()) {
      throw new ClockRuleViolation("The term expired on " + reading.dueDate()
          + "; it cannot be suspended on " + on);
    }
    return new LegalClock(state.withSuspension(new Suspension(reason, on, null)));
  }

  private LegalClock answer(SuspensionReason reason, LocalDate on) {
    requireNewEvent(on);
    Suspension last = state.suspensions().isEmpty() ? null : state.suspensions().getLast();
    if (last == null || last.reason() != reason || last.answeredOn() != null) {
      throw new ClockRuleViolation("On " + on + " no " + reason + " suspension awaits an answer");
    }
    if (on.isAfter(last.answerDeadline())) {
      throw new ClockRuleViolation("The " + reason + " suspension ended by law on "
          + last.answerDeadline() + "; an answer on " + on + " cannot resume the clock again");
    }
    return new LegalClock(state.withLastSuspension(last.answeredOn(on)));
  }

  private LegalClock replay(Suspension s) {
    LegalClock suspended = switch (s.reason()) {
      case INTEGRATION -> suspendForIntegration(s.from());
      case NOTICE_OF_REFUSAL -> suspendForNoticeOfRefusal(s.from());
    };
    return s.answeredOn() == null ? suspended : suspended.answer(s.reason(), s.answeredOn());
  }

  /** Events come in order: none before the filing or the last event, none after a decision. */
  private void requireNewEvent(LocalDate on) {
    requireNotBeforeFiling(on);
    if (state.stoppedOn() != null) {
      throw new ClockRuleViolation("The procedure was decided on " + state.stoppedOn()
          + "; its clock is stopped");
    }
    LocalDate last = state.lastEvent();
    if (on.isBefore(last)) {
      throw new ClockRuleViolation(on + " is before the last event of the procedure, on " + last);
    }
  }

  private void requireNotBeforeFiling(LocalDate day) {
    Objects.requireNonNull(day, "date");
    if (day.isBefore(state.filedOn())) {
      throw new ClockRuleViolation(day + " is before the filing date " + state.filedOn());
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LegalClock clock && clock.state.equals(state);
  }

  @Override
  public int hashCode() {
    return state.hashCode();
  }

  @Override
  public String toString() {
    return "LegalClock" + state;
  }
}
