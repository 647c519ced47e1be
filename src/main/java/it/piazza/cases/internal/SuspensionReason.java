package it.piazza.cases.internal;

import java.time.LocalDate;

/** Why the term of a procedure stopped running. Each reason carries its own legal arithmetic. */
public enum SuspensionReason {

  /**
   * Request for information or certifications the administration does not already hold
   * (L. 241/1990 art. 2 c.7): the term stops until the answer arrives, for at most 30 days.
   */
  INTEGRATION(30, 0),

  /**
   * Notice of the reasons for refusal (L. 241/1990 art. 10-bis, as amended by DL 76/2020 art. 12).
   * The applicant has 10 days for observations. The term runs again 10 days after they are filed,
   * or, if none arrive, once those 10 days run out.
   */
  NOTICE_OF_REFUSAL(10, 10);

  private final int answerWindowDays;
  private final int restartDelayDays;

  SuspensionReason(int answerWindowDays, int restartDelayDays) {
    this.answerWindowDays = answerWindowDays;
    this.restartDelayDays = restartDelayDays;
  }

  /** Last day on which the answer (documents or observations) can still arrive. */
  LocalDate answerDeadline(LocalDate from) {
    return from.plusDays(answerWindowDays);
  }

  /** Day the term runs again from; like the filing day, it is not counted itself. */
  LocalDate end(LocalDate from, LocalDate answeredOn) {
    return answeredOn == null ? answerDeadline(from) : answeredOn.plusDays(restartDelayDays);
  }
}
