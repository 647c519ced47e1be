package it.piazza.payments.internal;

/** Euro amounts held as cents ({@code long}) and written the Italian way: {@code 1234} is "12,34". */
final class Money {

  private Money() {}

  static String format(long cents) {
    String sign = cents < 0 ? "-" : "";
    long abs = Math.abs(cents);
    String euros = String.format(java.util.Locale.ITALY, "%,d", abs / 100);
    return sign + euros + "," + String.format("%02d", abs % 100);
  }
}
