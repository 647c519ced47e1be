package it.piazza.identity;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;

/**
 * The Italian personal fiscal code (codice fiscale), as defined by DM 23/12/1976. An instance is
 * always valid: 16 upper-case characters, a real birth date and a matching check character.
 *
 * <p>Exception messages never echo the code: it is personal data and messages end up in logs.
 */
public record FiscalCode(String value) {

  /** DM 23/12/1976: month letters, January to December. */
  private static final String MONTHS = "ABCDEHLMPRST";
  /** DM 23/12/1976, omocodia: letters that replace the digits 0..9 to tell colliding codes apart. */
  private static final String OMOCODES = "LMNPQRSTUV";
  /** DM 23/12/1976: check character table for odd (1-based) positions; digits 0..9 count as A..J. */
  private static final int[] ODD_VALUES =
      {1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23};

  public FiscalCode {
    if (value == null) {
      throw new IllegalArgumentException("fiscal code must not be null");
    }
    if (value.length() != 16) {
      throw invalid("must be 16 characters long, got " + value.length());
    }
    for (int i = 0; i < 16; i++) {
      char c = value.charAt(i);
      if (isDigitPosition(i) && decode(c) < 0) {
        throw invalid("character " + (i + 1) + " must be a digit or an omocodia letter (" + OMOCODES + ")");
      }
      if (!isDigitPosition(i) && (c < 'A' || c > 'Z')) {
        throw invalid("character " + (i + 1) + " must be an upper-case letter A-Z");
      }
    }
    int month = MONTHS.indexOf(value.charAt(8)) + 1;
    if (month == 0) {
      throw invalid("month letter (character 9) must be one of " + MONTHS);
    }
    int day = number(value, 9);
    if (day < 1 || day > 71 || (day > 31 && day < 41)) {
      throw invalid("day must be 01-31 (men) or 41-71 (women), got " + String.format("%02d", day));
    }
    // Only two digits of the year are coded, so the date must exist in 19yy or 20yy (29 Feb 00: 2000 is leap).
    int yy = number(value, 6);
    if (!exists(1900 + yy, month, day % 40) && !exists(2000 + yy, month, day % 40)) {
      throw invalid(String.format("birth date %02d/%02d/%02d exists in neither century", day % 40, month, yy));
    }
    if (checkCharacter(value.substring(0, 15)) != value.charAt(15)) {
      throw invalid("check character (character 16) does not match the first 15 characters");
    }
  }

  /** Normalises user input (surrounding blanks, lower case) and validates it. */
  public static FiscalCode of(String raw) {
    if (raw == null) {
      throw new IllegalArgumentException("fiscal code must not be null");
    }
    return new FiscalCode(raw.strip().toUpperCase(Locale.ROOT));
  }

  public static boolean isValid(String raw) {
    try {
      of(raw);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** DM 23/12/1976: odd (1-based) positions use {@link #ODD_VALUES}, even ones the plain value; sum mod 26. */
  public static char checkCharacter(String first15) {
    if (first15 == null || first15.length() != 15) {
      throw new IllegalArgumentException("check character needs exactly 15 characters");
    }
    int sum = 0;
    for (int i = 0; i < 15; i++) {
      char c = first15.charAt(i);
      int v = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'Z' ? c - 'A' : -1;
      if (v < 0) {
        throw new IllegalArgumentException("character " + (i + 1) + " must be a digit or an upper-case letter A-Z");
      }
      sum += i % 2 == 0 ? ODD_VALUES[v] : v;
    }
    return (char) ('A' + sum % 26);
  }

  /**
   * Generates the code of a person (DM 23/12/1976), for demo and benchmark data. Real codes may differ
   * when the Agenzia delle Entrate resolved a collision with omocodia.
   */
  public static FiscalCode compute(
      String familyName, String givenName, LocalDate birthDate, boolean female, String belfioreCode) {
    String family = letters(familyName, "family name");
    String given = letters(givenName, "given name");
    if (birthDate == null) {
      throw new IllegalArgumentException("birth date must not be null");
    }
    String place = belfioreCode == null ? "" : belfioreCode.strip().toUpperCase(Locale.ROOT);
    if (!place.matches("[A-Z][0-9]{3}")) {
      throw new IllegalArgumentException("Belfiore code must be a letter followed by 3 digits");
    }
    String givenConsonants = consonants(given);
    // Given name with 4+ consonants: 1st, 3rd and 4th consonant; otherwise the family name rule.
    String givenPart = givenConsonants.length() >= 4
        ? "" + givenConsonants.charAt(0) + givenConsonants.charAt(2) + givenConsonants.charAt(3)
        : threeLetters(given);
    String first15 = threeLetters(family) + givenPart
        + String.format("%02d", Math.floorMod(birthDate.getYear(), 100))
        + MONTHS.charAt(birthDate.getMonthValue() - 1)
        + String.format("%02d", birthDate.getDayOfMonth() + (female ? 40 : 0))
        + place;
    return new FiscalCode(first15 + checkCharacter(first15));
  }

  /**
   * The birth date, with the two-digit year in the latest century that does not put it after
   * {@code today}. The code cannot tell a centenarian from a child: callers must accept that.
   */
  public LocalDate birthDate(LocalDate today) {
    if (today == null) {
      throw new IllegalArgumentException("today must not be null");
    }
    int yy = number(value, 6);
    int month = MONTHS.indexOf(value.charAt(8)) + 1;
    int day = number(value, 9) % 40;
    if (exists(2000 + yy, month, day) && !LocalDate.of(2000 + yy, month, day).isAfter(today)) {
      return LocalDate.of(2000 + yy, month, day);
    }
    // 29 Feb 00 only exists in 2000: keep it even when it is after today rather than invent a date.
    return LocalDate.of(exists(1900 + yy, month, day) ? 1900 + yy : 2000 + yy, month, day);
  }

  /** DM 23/12/1976: women have 40 added to the day of birth. */
  public boolean female() {
    return number(value, 9) > 40;
  }

  /** The cadastral (Belfiore) code of the birthplace, with omocodia letters decoded. */
  public String belfioreCode() {
    return "" + value.charAt(11) + decode(value.charAt(12)) + decode(value.charAt(13)) + decode(value.charAt(14));
  }

  /**
   * Art. 2 c.c.: of age on the 18th birthday. For 29 Feb births {@code plusYears} lands on 28 Feb,
   * as art. 2963 c.c. does for periods ending on a missing day.
   */
  public boolean isMinorOn(LocalDate day) {
    return birthDate(day).plusYears(18).isAfter(day);
  }

  @Override
  public String toString() {
    return value;
  }

  private static IllegalArgumentException invalid(String what) {
    return new IllegalArgumentException("invalid fiscal code: " + what);
  }

  private static boolean isDigitPosition(int i) {
    return switch (i) {
      case 6, 7, 9, 10, 12, 13, 14 -> true;
      default -> false;
    };
  }

  /** A digit position's value 0..9, whether written as a digit or an omocodia letter; -1 if neither. */
  private static int decode(char c) {
    return c >= '0' && c <= '9' ? c - '0' : OMOCODES.indexOf(c);
  }

  private static int number(String code, int at) {
    return decode(code.charAt(at)) * 10 + decode(code.charAt(at + 1));
  }

  private static boolean exists(int year, int month, int day) {
    return day >= 1 && YearMonth.of(year, month).isValidDay(day);
  }

  /** Upper-case A-Z only: accents stripped (NFD), spaces and apostrophes dropped. */
  private static String letters(String name, String what) {
    if (name == null) {
      throw new IllegalArgumentException(what + " must not be null");
    }
    String letters = Normalizer.normalize(name, Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "").toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
    if (letters.isEmpty()) {
      throw new IllegalArgumentException(what + " must contain at least one letter");
    }
    return letters;
  }

  private static String consonants(String letters) {
    return letters.replaceAll("[AEIOU]", "");
  }

  /** DM 23/12/1976: consonants, then vowels, then X padding; first three. */
  private static String threeLetters(String letters) {
    return (consonants(letters) + letters.replaceAll("[^AEIOU]", "") + "XXX").substring(0, 3);
  }
}
