package it.piazza.tenancy;

import java.util.Locale;

/**
 * The IndicePA (IPA) code of a public entity, e.g. "c_f704" for the Comune di Monza: 1-20 characters
 * of lower-case letters, digits and underscore, starting with a letter.
 */
public record IpaCode(String value) {

  public IpaCode {
    if (value == null) {
      throw new IllegalArgumentException("IPA code must not be null");
    }
    if (!value.matches("[a-z][a-z0-9_]{0,19}")) {
      throw new IllegalArgumentException(
          "IPA code must be 1-20 lower-case letters, digits or underscores starting with a letter, got '"
              + value + "'");
    }
  }

  /** Trims and lower-cases, since IPA codes are often written as "C_F704". */
  public static IpaCode of(String raw) {
    return new IpaCode(raw == null ? null : raw.strip().toLowerCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    return value;
  }
}
