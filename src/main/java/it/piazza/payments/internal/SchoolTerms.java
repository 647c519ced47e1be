package it.piazza.payments.internal;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.Optional;

/**
 * The school calendar charges follow: a school year runs from September to June ({@code 2026-2027}); the school bus
 * is charged per term: September-December, January-March, April-June. July and August are no term.
 */
final class SchoolTerms {

  private SchoolTerms() {}

  record Term(String schoolYear, int number) {
    String period() {
      return schoolYear + "-T" + number;
    }

    String description() {
      return switch (number) {
        case 1 -> "1° periodo (settembre-dicembre)";
        case 2 -> "2° periodo (gennaio-marzo)";
        default -> "3° periodo (aprile-giugno)";
      } + " a.s. " + schoolYear.replace('-', '/');
    }
  }

  static String schoolYearOf(LocalDate day) {
    int start = day.getMonthValue() >= Month.SEPTEMBER.getValue() ? day.getYear() : day.getYear() - 1;
    return start + "-" + (start + 1);
  }

  static Optional<Term> termOf(LocalDate day) {
    int month = day.getMonthValue();
    if (month == 7 || month == 8) {
      return Optional.empty();
    }
    int number = month >= 9 ? 1 : month <= 3 ? 2 : 3;
    return Optional.of(new Term(schoolYearOf(day), number));
  }

  /** A month as a period key: {@code 2026-10}. */
  static String period(YearMonth month) {
    return month.toString();
  }
}
