package it.piazza.cases.internal;

import static it.piazza.cases.internal.SuspensionReason.INTEGRATION;
import static it.piazza.cases.internal.SuspensionReason.NOTICE_OF_REFUSAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LegalClockTest {

  private static final LocalDate FILED = LocalDate.of(2026, 3, 2);

  private static LocalDate day(int year, int month, int day) {
    return LocalDate.of(year, month, day);
  }

  private static LegalClock filed() {
    return LegalClock.start(FILED, 30, false);
  }

  @Test
  void theDeadlineIsThirtyCalendarDaysAfterFiling() {
    ClockReading onFiling = filed().readOn(FILED);
    ClockReading onDueDate = filed().readOn(day(2026, 4, 1));

    assertThat(onFiling.dueDate()).isEqualTo(day(2026, 4, 1));
    assertThat(onFiling.daysElapsed()).as("the filing day is not counted").isZero();
    assertThat(onFiling.daysLeft()).isEqualTo(30);
    assertThat(onDueDate.daysElapsed()).isEqualTo(30);
    assertThat(onDueDate.daysLeft()).isZero();
    assertThat(onDueDate.overdue()).isFalse();
  }

  @Test
  void theDayAfterTheDueDateIsOverdue() {
    ClockReading reading = filed().readOn(day(2026, 4, 2));

    assertThat(reading.overdue()).isTrue();
    assertThat(reading.daysLeft()).isEqualTo(-1);
  }

  @Test
  void theTermCrossesAShortFebruary() {
    assertThat(LegalClock.start(day(2026, 1, 31), 30, false).readOn(day(2026, 1, 31)).dueDate())
        .isEqualTo(day(2026, 3, 2));
  }

  @Test
  void aLeapYearFebruaryHasTwentyNineDays() {
    assertThat(LegalClock.start(day(2028, 2, 10), 30, false).readOn(day(2028, 2, 10)).dueDate())
        .isEqualTo(day(2028, 3, 11));
    assertThat(LegalClock.start(day(2027, 2, 10), 30, false).readOn(day(2027, 2, 10)).dueDate())
        .isEqualTo(day(2027, 3, 12));
  }

  @Test
  void aSuspensionAcrossTheLeapDayCountsIt() {
    LegalClock clock = LegalClock.start(day(2028, 2, 20), 30, false)
        .suspendForIntegration(day(2028, 2, 25))
        .resumeOnIntegration(day(2028, 3, 1));

    // 5 suspended days (26, 27, 28, 29 February and 1 March) move 21 March to 26 March.
    assertThat(clock.readOn(day(2028, 3, 1)).dueDate()).isEqualTo(day(2028, 3, 26));
  }

  @Test
  void aSuspendedClockDoesNotCountDays() {
    ClockReading reading = filed().suspendForIntegration(day(2026, 3, 12)).readOn(day(2026, 3, 20));

    assertThat(reading.daysElapsed()).isEqualTo(10);
    assertThat(reading.daysLeft()).isEqualTo(20);
    assertThat(reading.suspended()).isTrue();
    assertThat(reading.suspendedFor()).contains(INTEGRATION);
    assertThat(reading.suspendedPeriods())
        .containsExactly(new SuspendedPeriod(INTEGRATION, day(2026, 3, 12), Optional.empty()));
  }

  @Test
  void theDueDateMovesByTheSuspendedDays() {
    LegalClock clock = filed()
        .suspendForIntegration(day(2026, 3, 12))
        .resumeOnIntegration(day(2026, 3, 22));
    ClockReading onNewDueDate = clock.readOn(day(2026, 4, 11));

    assertThat(onNewDueDate.dueDate()).isEqualTo(day(2026, 4, 11));
    assertThat(onNewDueDate.daysElapsed()).isEqualTo(30);
    assertThat(onNewDueDate.suspended()).isFalse();
    assertThat(onNewDueDate.suspendedPeriods()).containsExactly(
        new SuspendedPeriod(INTEGRATION, day(2026, 3, 12), Optional.of(day(2026, 3, 22))));
    assertThat(clock.readOn(day(2026, 4, 12)).overdue()).isTrue();
  }

  @Test
  void anIntegrationRequestCanSuspendOnlyOnce() {
    LegalClock answered = filed()
        .suspendForIntegration(day(2026, 3, 5))
        .resumeOnIntegration(day(2026, 3, 8));

    assertThatThrownBy(() -> answered.suspendForIntegration(day(2026, 3, 10)))
        .isInstanceOf(ClockRuleViolation.class)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("art. 2 c.7");
  }

  @Test
  void anUnansweredIntegrationRequestResumesAfterThirtyDays() {
    LegalClock clock = filed().suspendForIntegration(day(2026, 3, 12));
    ClockReading lastSuspendedDay = clock.readOn(day(2026, 4, 10));
    ClockReading resumed = clock.readOn(day(2026, 4, 11));

    assertThat(lastSuspendedDay.suspended()).isTrue();
    assertThat(resumed.suspended()).isFalse();
    assertThat(resumed.suspendedPeriods()).containsExactly(
        new SuspendedPeriod(INTEGRATION, day(2026, 3, 12), Optional.of(day(2026, 4, 11))));
    assertThat(resumed.dueDate()).isEqualTo(day(2026, 5, 1));
    assertThat(clock.readOn(day(2026, 5, 2)).daysElapsed()).isEqualTo(31);
  }

  @Test
  void anIntegrationAnsweredAfterThirtyDaysCannotResumeTheClockAgain() {
    LegalClock clock = filed().suspendForIntegration(day(2026, 3, 12));

    assertThat(clock.resumeOnIntegration(day(2026, 4, 11)).readOn(day(2026, 4, 11)).dueDate())
        .isEqualTo(day(2026, 5, 1));
    assertThatThrownBy(() -> clock.resumeOnIntegration(day(2026, 4, 12)))
        .isInstanceOf(ClockRuleViolation.class)
        .hasMessageContaining("2026-04-11");
  }

  @Test
  void observationsRestartTheTermTenDaysAfterTheyArrive() {
    LegalClock clock = filed()
        .suspendForNoticeOfRefusal(day(2026, 3, 22))
        .observationsReceived(day(2026, 3, 25));
    ClockReading beforeRestart = clock.readOn(day(2026, 4, 3));
    ClockReading restarted = clock.readOn(day(2026, 4, 4));

    assertThat(beforeRestart.suspendedFor()).contains(NOTICE_OF_REFUSAL);
    assertThat(restarted.suspended()).isFalse();
    assertThat(restarted.daysElapsed()).isEqualTo(20);
    assertThat(restarted.dueDate()).isEqualTo(day(2026, 4, 14));
    assertThat(restarted.suspendedPeriods()).containsExactly(
        new SuspendedPeriod(NOTICE_OF_REFUSAL, day(2026, 3, 22), Optional.of(day(2026, 4, 4))));
  }

  @Test
  void withoutObservationsTheTermRestartsWhenTheTenDaysRunOut() {
    LegalClock clock = filed().suspendForNoticeOfRefusal(day(2026, 3, 22));
    ClockReading lastDayForObservations = clock.readOn(day(2026, 3, 31));
    ClockReading restarted = clock.readOn(day(2026, 4, 1));

    assertThat(lastDayForObservations.suspendedPeriods().getFirst().isOpen()).isTrue();
    assertThat(restarted.suspended()).isFalse();
    assertThat(restarted.dueDate()).isEqualTo(day(2026, 4, 11));
    assertThat(restarted.suspendedPeriods().getFirst().to()).contains(day(2026, 4, 1));
  }

  @Test
  void observationsAfterTheTenDaysAreRejected() {
    LegalClock clock = filed().suspendForNoticeOfRefusal(day(2026, 3, 22));

    assertThat(clock.observationsReceived(day(2026, 4, 1)).readOn(day(2026, 4, 1)).suspended())
        .as("observations filed on the tenth day still count")
        .isTrue();
    assertThatThrownBy(() -> clock.observationsReceived(day(2026, 4, 2)))
        .isInstanceOf(ClockRuleViolation.class);
  }

  @Test
  void aNoticeOfRefusalCannotOverlapAnOpenSuspension() {
    LegalClock integrating = filed().suspendForIntegration(day(2026, 3, 12));
    LegalClock observed = filed()
        .suspendForNoticeOfRefusal(day(2026, 3, 22))
        .observationsReceived(day(2026, 3, 25));

    assertThatThrownBy(() -> integrating.suspendForNoticeOfRefusal(day(2026, 3, 15)))
        .isInstanceOf(ClockRuleViolation.class)
        .hasMessageContaining("already suspended");
    assertThatThrownBy(() -> observed.suspendForIntegration(day(2026, 4, 3)))
        .isInstanceOf(ClockRuleViolation.class);
    assertThat(observed.suspendForIntegration(day(2026, 4, 4)).readOn(day(2026, 4, 4)).suspended())
        .isTrue();
  }

  @Test
  void silenceMeansApprovalOnlyWhereTheServiceAllowsIt() {
    LegalClock tacit = LegalClock.start(FILED, 30, true);

    assertThat(tacit.silenceMeansApprovalOn(day(2026, 4, 1))).isFalse();
    assertThat(tacit.silenceMeansApprovalOn(day(2026, 4, 2))).isTrue();
    assertThat(filed().silenceMeansApprovalOn(day(2026, 4, 2))).isFalse();
  }

  @Test
  void aSuspensionPostponesTacitApproval() {
    LegalClock clock =
        LegalClock.start(FILED, 30, true).suspendForNoticeOfRefusal(day(2026, 3, 22));

    assertThat(clock.silenceMeansApprovalOn(day(2026, 3, 25))).isFalse();
    assertThat(clock.silenceMeansApprovalOn(day(2026, 4, 11))).isFalse();
    assertThat(clock.silenceMeansApprovalOn(day(2026, 4, 12))).isTrue();
  }

  @Test
  void aDecidedCaseClockIsFrozen() {
    LegalClock decided = LegalClock.start(FILED, 30, true).stop(day(2026, 3, 20));
    ClockReading monthsLater = decided.readOn(day(2026, 6, 1));

    assertThat(monthsLater.decided()).isTrue();
    assertThat(monthsLater.asOf()).isEqualTo(day(2026, 3, 20));
    assertThat(monthsLater.daysElapsed()).isEqualTo(18);
    assertThat(monthsLater.overdue()).isFalse();
    assertThat(decided.silenceMeansApprovalOn(day(2026, 6, 1))).isFalse();
    assertThat(decided.readOn(day(2026, 3, 10)).decided()).isFalse();
    assertThatThrownBy(() -> decided.suspendForIntegration(day(2026, 3, 25)))
        .isInstanceOf(ClockRuleViolation.class)
        .hasMessageContaining("decided");
  }

  @Test
  void aDecisionEndsAnOpenSuspension() {
    ClockReading reading = filed()
        .suspendForIntegration(day(2026, 3, 12))
        .stop(day(2026, 3, 20))
        .readOn(day(2026, 5, 1));

    assertThat(reading.suspended()).isFalse();
    assertThat(reading.daysElapsed()).isEqualTo(10);
    assertThat(reading.suspendedPeriods().getFirst().to()).contains(day(2026, 3, 20));
  }

  @Test
  void aLateDecisionDoesNotUndoTacitApproval() {
    LegalClock decidedLate = LegalClock.start(FILED, 30, true).stop(day(2026, 4, 5));

    assertThat(decidedLate.readOn(day(2026, 6, 1)).daysLeft()).isEqualTo(-4);
    assertThat(decidedLate.silenceMeansApprovalOn(day(2026, 6, 1))).isTrue();
  }

  @Test
  void datesBeforeTheFilingAreRejected() {
    assertThatThrownBy(() -> filed().readOn(day(2026, 3, 1)))
        .isInstanceOf(ClockRuleViolation.class)
        .hasMessageContaining("filing");
    assertThatThrownBy(() -> filed().suspendForIntegration(day(2026, 3, 1)))
        .isInstanceOf(ClockRuleViolation.class);
    assertThatThrownBy(() -> filed().stop(day(2026, 3, 1)))
        .isInstanceOf(ClockRuleViolation.class);
  }

  @Test
  void datesBeforeTheLastEventAreRejected() {
    LegalClock clock = filed().suspendForIntegration(day(2026, 3, 12));

    assertThatThrownBy(() -> clock.resumeOnIntegration(day(2026, 3, 10)))
        .isInstanceOf(ClockRuleViolation.class)
        .hasMessageContaining("last event");
  }

  @Test
  void resumingARunningClockIsRejected() {
    LegalClock integrating = filed().suspendForIntegration(day(2026, 3, 12));
    LegalClock observed = filed()
        .suspendForNoticeOfRefusal(day(2026, 3, 22))
        .observationsReceived(day(2026, 3, 25));

    assertThatThrownBy(() -> filed().resumeOnIntegration(day(2026, 3, 10)))
        .isInstanceOf(ClockRuleViolation.class);
    assertThatThrownBy(() -> integrating.observationsReceived(day(2026, 3, 15)))
        .isInstanceOf(ClockRuleViolation.class);
    assertThatThrownBy(() -> observed.observationsReceived(day(2026, 3, 26)))
        .isInstanceOf(ClockRuleViolation.class);
  }

  @Test
  void anExpiredTermCannotBeSuspended() {
    assertThat(filed().suspendForIntegration(day(2026, 4, 1)).readOn(day(2026, 4, 2)).overdue())
        .isFalse();
    assertThatThrownBy(() -> filed().suspendForNoticeOfRefusal(day(2026, 4, 2)))
        .isInstanceOf(ClockRuleViolation.class)
        .hasMessageContaining("expired");
  }

  @Test
  void everyOperationReturnsANewClock() {
    LegalClock original = filed();
    LegalClock suspended = original.suspendForIntegration(day(2026, 3, 12));

    assertThat(suspended).isNotEqualTo(original);
    assertThat(original.readOn(day(2026, 3, 20)).daysElapsed()).isEqualTo(18);
    assertThat(original.state().suspensions()).isEmpty();
  }

  @Test
  void aClockIsRebuiltFromItsPersistedState() {
    LegalClock clock = LegalClock.start(FILED, 60, true)
        .suspendForIntegration(day(2026, 3, 12))
        .resumeOnIntegration(day(2026, 3, 22))
        .suspendForNoticeOfRefusal(day(2026, 4, 5))
        .stop(day(2026, 4, 10));
    ClockState state = clock.state();

    assertThat(state).isEqualTo(new ClockState(FILED, 60, true, List.of(
        new Suspension(INTEGRATION, day(2026, 3, 12), day(2026, 3, 22)),
        new Suspension(NOTICE_OF_REFUSAL, day(2026, 4, 5), null)), day(2026, 4, 10)));
    assertThat(LegalClock.rebuild(state)).isEqualTo(clock);
    assertThat(LegalClock.rebuild(state).readOn(day(2026, 5, 1)))
        .isEqualTo(clock.readOn(day(2026, 5, 1)));
  }

  @Test
  void aStoredStateTheLawForbidsIsNotRebuilt() {
    ClockState twoIntegrations = new ClockState(FILED, 30, false, List.of(
        new Suspension(INTEGRATION, day(2026, 3, 5), day(2026, 3, 8)),
        new Suspension(INTEGRATION, day(2026, 3, 10), null)), null);

    assertThatThrownBy(() -> LegalClock.rebuild(twoIntegrations))
        .isInstanceOf(ClockRuleViolation.class);
  }

  @Test
  void aTermMustBePositive() {
    assertThatThrownBy(() -> LegalClock.start(FILED, 0, false))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
