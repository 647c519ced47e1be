package it.piazza.protocol;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A protocol number: the year and the progressive number within it, written {@code 2026/0000123}. DPR 445/2000
 * art. 57: the number is progressive, has at least seven digits and restarts every calendar year; it is unique
 * only within one comune's register.
 */
public record ProtocolNumber(int year, long number) implements Comparable<ProtocolNumber> {

  /** Art. 57: at least seven digits; larger numbers simply get more. */
  public static final int MIN_DIGITS = 7;

  private static final Pattern WRITTEN = Pattern.compile("([0-9]{4})/([0-9]{7,18})");

  public ProtocolNumber {
    if (year < 1000 || year > 9999) {
      throw new IllegalArgumentException("A protocol year has four digits, got " + year);
    }
    if (number < 1) {
      throw new IllegalArgumentException("Protocol numbers start at 1, got " + number);
    }
  }

  public static ProtocolNumber of(int year, long number) {
    return new ProtocolNumber(year, number);
  }

  /**
   * Reads the written form, exactly as {@link #format()} writes it: {@code 2026/123} (too few digits) and
   * {@code 2026/00000123} (padded beyond seven) are refused, so that one number has one spelling.
   */
  public static ProtocolNumber parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("protocol number must not be null");
    }
    Matcher written = WRITTEN.matcher(text.strip());
    if (!written.matches()) {
      throw new IllegalArgumentException("A protocol number is written yyyy/nnnnnnn, got '" + text + "'");
    }
    ProtocolNumber parsed = new ProtocolNumber(Integer.parseInt(written.group(1)), Long.parseLong(written.group(2)));
    if (!parsed.format().equals(text.strip())) {
      throw new IllegalArgumentException("Not the canonical spelling of " + parsed.format() + ": '" + text + "'");
    }
    return parsed;
  }

  public static boolean isValid(String text) {
    try {
      parse(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** {@code 2026/0000123}: the year, a slash, the number zero-padded to seven digits. */
  public String format() {
    return year + "/" + String.format("%0" + MIN_DIGITS + "d", number);
  }

  @Override
  public int compareTo(ProtocolNumber other) {
    return year != other.year ? Integer.compare(year, other.year) : Long.compare(number, other.number);
  }

  @Override
  public String toString() {
    return format();
  }
}
