package it.piazza.tenancy;

/**
 * The ISTAT code of a comune: 6 digits, province (3) then comune within it (3), e.g. "108033" for
 * Monza. Leading zeros are significant ("015146" is Milano), so it is a string, not a number.
 */
public record IstatCode(String value) {

  public IstatCode {
    if (value == null) {
      throw new IllegalArgumentException("ISTAT code must not be null");
    }
    if (!value.matches("[0-9]{6}")) {
      throw new IllegalArgumentException("ISTAT code must be exactly 6 digits, got '" + value + "'");
    }
  }

  /** Trims surrounding blanks; does not restore dropped leading zeros, which would be a guess. */
  public static IstatCode of(String raw) {
    return new IstatCode(raw == null ? null : raw.strip());
  }

  @Override
  public String toString() {
    return value;
  }
}
