package it.piazza.tenancy;

/**
 * The 11-digit fiscal code of a legal person or public body (codice fiscale numerico), e.g. a
 * comune's. Its last digit is a check digit computed like the partita IVA's (DPR 605/1973).
 */
public record EnteFiscalCode(String value) {

  public EnteFiscalCode {
    if (value == null) {
      throw new IllegalArgumentException("entity fiscal code must not be null");
    }
    if (!value.matches("[0-9]{11}")) {
      throw new IllegalArgumentException("entity fiscal code must be exactly 11 digits, got '" + value + "'");
    }
    // All zeros passes the checksum but is the usual placeholder for "unknown", never a real code.
    if (value.equals("00000000000")) {
      throw new IllegalArgumentException("entity fiscal code must not be all zeros");
    }
    if (checkDigit(value.substring(0, 10)) != value.charAt(10) - '0') {
      throw new IllegalArgumentException("entity fiscal code check digit does not match, got '" + value + "'");
    }
  }

  public static EnteFiscalCode of(String raw) {
    return new EnteFiscalCode(raw == null ? null : raw.strip());
  }

  /**
   * Partita IVA rule: digits at odd (1-based) positions are summed, those at even positions doubled
   * (minus 9 if over 9); the check digit brings the total to a multiple of 10.
   */
  static int checkDigit(String first10) {
    int sum = 0;
    for (int i = 0; i < 10; i++) {
      int d = first10.charAt(i) - '0';
      sum += i % 2 == 0 ? d : (d * 2 > 9 ? d * 2 - 9 : d * 2);
    }
    return (10 - sum % 10) % 10;
  }

  @Override
  public String toString() {
    return value;
  }
}
