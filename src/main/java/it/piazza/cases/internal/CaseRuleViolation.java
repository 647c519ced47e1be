package it.piazza.cases.internal;

import it.piazza.cases.CasesProblem;
import it.piazza.platform.ProblemException;

/** A transition the workflow, the roles or the law do not allow; answered as a problem (409 or 403). */
final class CaseRuleViolation extends ProblemException {

  CaseRuleViolation(CasesProblem problem, Object... arguments) {
    super(problem, arguments);
  }
}
