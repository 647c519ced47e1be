package it.piazza.payments;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A pagoPA notice number (codice avviso) of aux digit 3, the one in use for creditors that run their own IUVs:
 * {@code 3} + segregation code (2 digits, assigned to the creditor by PagoPA) + IUV base (13 digits) + 2 check
 * digits, the remainder of the first 16 digits, read as a number, divided by 93 (pagoPA, "Generazione dello IUV").
 * The IUV (identificativo univoco di versamento) is the notice number without its aux digit: 17 digits. An instance
 * is always valid.
 */
public record NoticeNumber(String value) {

  /** Aux digits 0-2 are kept by pagoPA for old systems only; new positions use 3. */
  public static final char AUX_DIGIT = '3';
  public static final long MAX_BASE = 9_999_999_999_999L;
  private static final Pattern FORMAT = Pattern.compile("3[0-9]{17}");
  private static final Pattern SEGREGATION = Pattern.compile("[0-9]{2}");

  public NoticeNumber {
    Objects.requireNonNull(value, "notice number");
    if (!FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("A notice number has 18 digits and starts with aux digit 3");
    }
    if (!value.substring(16).equals(checkDigits(value.substring(0, 16)))) {
      throw new IllegalArgumentException("The notice number's check digits do not match");
    }
  }

  /** The notice number of the {@code base}-th position of a creditor with this segregation code. */
  public static NoticeNumber of(String segregationCode, long base) {
    if (segregationCode == null || !SEGREGATION.matcher(segregationCode).matches()) {
      throw new IllegalArgumentException("A segregation code has 2 digits");
    }
    if (base < 0 || base > MAX_BASE) {
      throw new IllegalArgumentException("An IUV base has at most 13 digits");
    }
    String first16 = AUX_DIGIT + segregationCode + String.format("%013d", base);
    return new NoticeNumber(first16 + checkDigits(first16));
  }

  /** Reads a notice number as people write it, grouped by spaces, dots or dashes. */
  public static NoticeNumber parse(String raw) {
    Objects.requireNonNull(raw, "notice number");
    return new NoticeNumber(raw.replaceAll("[\\s.\\-]", ""));
  }

  public static boolean isValid(String raw) {
    try {
      parse(raw);
      return true;
    } catch (IllegalArgumentException | NullPointerException e) {
      return false;
    }
  }

  /** pagoPA: (aux digit + segregation code + base, as a decimal number) mod 93, left-padded to two digits. */
  static String checkDigits(String first16) {
    return String.format("%02d", Long.parseLong(first16) % 93);
  }

  public String segregationCode() {
    return value.substring(1, 3);
  }

  public long base() {
    return Long.parseLong(value.substring(3, 16));
  }

  public String checkDigits() {
    return value.substring(16);
  }

  /** The IUV: segregation code, base and check digits (17 digits). */
  public String iuv() {
    return value.substring(1);
  }

  /** As printed on a notice, in groups of four: {@code 3020 0000 0000 0001 84}. */
  public String grouped() {
    return value.replaceAll("(.{4})(?!$)", "$1 ");
  }

  @Override
  public String toString() {
    return value;
  }
}
