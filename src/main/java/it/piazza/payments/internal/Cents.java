package it.piazza.payments.internal;

import tools.jackson.databind.JsonNode;

/**
 * Reads an amount of euro cents from JSON: a whole number, never a fraction (20.5 is refused rather than rounded,
 * since a rounded amount is a wrong amount).
 */
final class Cents {

  private Cents() {}

  /** The amount, or null when it is missing or not a whole positive number of cents. */
  static Long of(JsonNode value) {
    if (value == null || value.isNull() || !value.isIntegralNumber() || !value.canConvertToLong()) {
      return null;
    }
    long cents = value.asLong();
    return cents > 0 ? cents : null;
  }
}
