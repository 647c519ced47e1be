package it.piazza.cases.internal;

import java.util.Locale;
import java.util.Optional;

/** What can be done to an application; by the office or by the applicant (or their delegate). */
enum Action {
  TAKE(Side.OFFICE),
  ASSIGN(Side.OFFICE),
  REQUEST_INTEGRATION(Side.OFFICE),
  ANSWER_INTEGRATION(Side.APPLICANT),
  SEND_NOTICE_OF_REFUSAL(Side.OFFICE),
  SEND_OBSERVATIONS(Side.APPLICANT),
  APPROVE(Side.OFFICE),
  REJECT(Side.OFFICE),
  WITHDRAW(Side.APPLICANT),
  CLOSE(Side.OFFICE);

  enum Side { OFFICE, APPLICANT }

  final Side side;

  Action(Side side) {
    this.side = side;
  }

  String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static Optional<Action> fromCode(String code) {
    for (Action action : values()) {
      if (action.code().equals(code)) {
        return Optional.of(action);
      }
    }
    return Optional.empty();
  }
}
