package it.piazza.catalog;

import java.util.Objects;
import java.util.regex.Pattern;

/** A service of the catalogue, e.g. {@code nursery-enrolment}. */
public record ServiceId(String value) {

  private static final Pattern FORMAT = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  public ServiceId {
    Objects.requireNonNull(value, "service id");
    if (value.length() > 64 || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("Not a service id: '" + value + "'");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
