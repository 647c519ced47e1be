package it.piazza.cases.internal;

import static it.piazza.cases.CaseStatus.APPROVED;
import static it.piazza.cases.CaseStatus.AWAITING_INTEGRATION;
import static it.piazza.cases.CaseStatus.AWAITING_OBSERVATIONS;
import static it.piazza.cases.CaseStatus.AWAITING_PAYMENT;
import static it.piazza.cases.CaseStatus.CLOSED;
import static it.piazza.cases.CaseStatus.IN_PROGRESS;
import static it.piazza.cases.CaseStatus.REGISTERED;
import static it.piazza.cases.CaseStatus.REJECTED;
import static it.piazza.cases.CaseStatus.WITHDRAWN;

import it.piazza.cases.CaseStatus;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which action may happen from which states, and where it leads. A service names its workflow; narrower workflows
 * drop actions from the default one.
 */
record Workflow(String name, Map<Action, Step> steps, boolean noticeBeforeRejection) {

  /** An action's allowed starting states and its target ({@code null}: the state does not change). */
  record Step(Set<CaseStatus> from, CaseStatus to) {}

  private static final Set<CaseStatus> ACTIVE = Set.of(AWAITING_PAYMENT, REGISTERED, IN_PROGRESS, AWAITING_INTEGRATION,
      AWAITING_OBSERVATIONS);

  static final Workflow DEFAULT = new Workflow("default", defaultSteps(), true);

  /** Certificates: issued or refused straight away; no integration, no notice of refusal. */
  static final Workflow CERTIFICATE = DEFAULT.without("certificate", false, Action.REQUEST_INTEGRATION,
      Action.SEND_NOTICE_OF_REFUSAL, Action.ANSWER_INTEGRATION, Action.SEND_OBSERVATIONS);

  /**
   * SCIA and CILA (L. 241/1990 art. 19; DPR 380/2001): the works may start on filing; the office checks and may
   * only forbid them, so there is no approval — silence consolidates the effect at the deadline.
   */
  static final Workflow SCIA = DEFAULT.without("scia", true, Action.APPROVE);

  static Workflow named(String name) {
    return switch (name) {
      case "certificate" -> CERTIFICATE;
      case "scia" -> SCIA;
      default -> DEFAULT;
    };
  }

  Optional<Step> step(Action action) {
    return Optional.ofNullable(steps.get(action));
  }

  private static Map<Action, Step> defaultSteps() {
    Map<Action, Step> steps = new EnumMap<>(Action.class);
    steps.put(Action.TAKE, new Step(Set.of(REGISTERED), IN_PROGRESS));
    steps.put(Action.ASSIGN, new Step(ACTIVE, null));
    steps.put(Action.REQUEST_INTEGRATION, new Step(Set.of(IN_PROGRESS), AWAITING_INTEGRATION));
    steps.put(Action.ANSWER_INTEGRATION, new Step(Set.of(AWAITING_INTEGRATION), IN_PROGRESS));
    steps.put(Action.SEND_NOTICE_OF_REFUSAL, new Step(Set.of(IN_PROGRESS), AWAITING_OBSERVATIONS));
    steps.put(Action.SEND_OBSERVATIONS, new Step(Set.of(AWAITING_OBSERVATIONS), IN_PROGRESS));
    steps.put(Action.APPROVE, new Step(Set.of(IN_PROGRESS), APPROVED));
    steps.put(Action.REJECT, new Step(Set.of(IN_PROGRESS), REJECTED));
    steps.put(Action.WITHDRAW, new Step(ACTIVE, WITHDRAWN));
    steps.put(Action.CLOSE, new Step(Set.of(APPROVED, REJECTED, WITHDRAWN), CLOSED));
    return Map.copyOf(steps);
  }

  private Workflow without(String newName, boolean notice, Action... dropped) {
    Map<Action, Step> narrowed = new EnumMap<>(steps);
    for (Action action : dropped) {
      narrowed.remove(action);
    }
    return new Workflow(newName, Map.copyOf(narrowed), notice);
  }
}
