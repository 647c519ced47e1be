package it.piazza.cases.internal;

/**
 * An operation on a {@link LegalClock} that L. 241/1990 does not allow, such as a second
 * integration request or an event dated before the filing. The clock is left unchanged.
 */
public final class ClockRuleViolation extends IllegalStateException {

  public ClockRuleViolation(String message) {
    super(message);
  }
}
