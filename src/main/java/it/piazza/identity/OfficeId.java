package it.piazza.identity;

import java.util.Objects;
import java.util.regex.Pattern;

/** An office (ufficio) of a comune, e.g. {@code scuola-nidi}: the same id in services, identities and cases. */
public record OfficeId(String value) {

  private static final Pattern FORMAT = Pattern.compile("[a-z][a-z0-9-]{1,39}");

  public OfficeId {
    Objects.requireNonNull(value, "office id");
    if (!FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("Not an office id: '" + value + "'");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
