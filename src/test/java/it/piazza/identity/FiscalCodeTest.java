package it.piazza.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FiscalCodeTest {

  private static final LocalDate TODAY = LocalDate.of(2025, 6, 30);

  // --- An independent check character, written from the DM 23/12/1976 tables as published
  // (odd/even value per character), so the production tables are not checked against themselves.
  private static final Map<Character, Integer> ODD = new HashMap<>();
  private static final Map<Character, Integer> EVEN = new HashMap<>();

  static {
    String odd = "0=1 1=0 2=5 3=7 4=9 5=13 6=15 7=17 8=19 9=21 A=1 B=0 C=5 D=7 E=9 F=13 G=15 H=17 I=19 "
        + "J=21 K=2 L=4 M=18 N=20 O=11 P=3 Q=6 R=8 S=12 T=14 U=16 V=10 W=22 X=25 Y=24 Z=23";
    for (String pair : odd.split(" ")) {
      ODD.put(pair.charAt(0), Integer.parseInt(pair.substring(2)));
    }
    for (char c = '0'; c <= '9'; c++) {
      EVEN.put(c, c - '0');
    }
    for (char c = 'A'; c <= 'Z'; c++) {
      EVEN.put(c, c - 'A');
    }
  }

  private static char referenceCheck(String first15) {
    int sum = 0;
    for (int position = 1; position <= 15; position++) {
      char c = first15.charAt(position - 1);
      sum += position % 2 == 1 ? ODD.get(c) : EVEN.get(c);
    }
    return "ABCDEFGHIJKLMNOPQRSTUVWXYZ".charAt(sum % 26);
  }

  /** Replaces character {@code at} (0-based) and recomputes the check character independently. */
  private static String withChar(String code, int at, char c) {
    String first15 = code.substring(0, at) + c + code.substring(at + 1, 15);
    return first15 + referenceCheck(first15);
  }

  // --- Known codes

  @Test
  void theTextbookExampleIsComputedCorrectly() {
    // RSS (Rossi) MRA (Mario) 80 A (January) 01 F205 (Milano). By hand:
    // odd positions R S R 8 A 1 2 5 -> 8+12+8+19+1+0+5+13 = 66; even S M A 0 0 F 0 -> 18+12+0+0+0+5+0 = 35;
    // 101 mod 26 = 23 -> X.
    FiscalCode code = FiscalCode.compute("Rossi", "Mario", LocalDate.of(1980, 1, 1), false, "F205");
    assertThat(code.value()).isEqualTo("RSSMRA80A01F205X");
    assertThat(referenceCheck("RSSMRA80A01F205")).isEqualTo('X');
  }

  @Test
  void publishedExamplesAreValid() {
    // Examples found in the literature (e.g. Wikipedia's codice fiscale article).
    assertThat(FiscalCode.isValid("RSSMRA85T10A562S")).isTrue();
    assertThat(FiscalCode.isValid("MRTMTT25D09F205Z")).isTrue();
    assertThat(FiscalCode.compute("Moretti", "Matteo", LocalDate.of(1925, 4, 9), false, "F205").value())
        .isEqualTo("MRTMTT25D09F205Z");
    assertThat(FiscalCode.compute("Rossi", "Mario", LocalDate.of(1985, 12, 10), false, "A562").value())
        .isEqualTo("RSSMRA85T10A562S");
  }

  @Test
  void theCheckCharacterFollowsTheOfficialOddAndEvenTables() {
    for (String first15 : List.of("RSSMRA80A01F205", "BNCNNA92C55H501", "ZZZZZZ99T71Z999", "AAAAAA00A01A000",
        "RSSMRA80A01F2LR", "VRDGPP13R10B293")) {
      assertThat(FiscalCode.checkCharacter(first15)).as(first15).isEqualTo(referenceCheck(first15));
    }
  }

  @Test
  void theCheckCharacterNeedsFifteenDigitsOrUpperCaseLetters() {
    assertThatThrownBy(() -> FiscalCode.checkCharacter("RSSMRA80A01F20"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("15 characters");
    assertThatThrownBy(() -> FiscalCode.checkCharacter("rssmra80a01f205"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("character 1");
    assertThatThrownBy(() -> FiscalCode.checkCharacter(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theCheckCharacterMustMatch() {
    assertThatThrownBy(() -> FiscalCode.of("RSSMRA80A01F205Y"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("check character");
    assertThat(FiscalCode.isValid("RSSMRA80A01F205Y")).isFalse();
  }

  // --- Generation rules

  @Test
  void theFamilyNameTakesConsonantsThenVowelsThenX() {
    assertThat(compute("Rossi", "Mario").substring(0, 3)).isEqualTo("RSS");
    assertThat(compute("Bianchi", "Mario").substring(0, 3)).isEqualTo("BNC");
    assertThat(compute("Rea", "Mario").substring(0, 3)).isEqualTo("REA");
    assertThat(compute("Fo", "Mario").substring(0, 3)).isEqualTo("FOX");
    assertThat(compute("U", "Mario").substring(0, 3)).isEqualTo("UXX");
  }

  @Test
  void aGivenNameWithFourOrMoreConsonantsSkipsTheSecond() {
    assertThat(compute("Rossi", "Gianfranco").substring(3, 6)).isEqualTo("GFR");
    assertThat(compute("Rossi", "Alberto").substring(3, 6)).isEqualTo("LRT");
    assertThat(compute("Rossi", "Anna").substring(3, 6)).isEqualTo("NNA");
    assertThat(compute("Rossi", "Ea").substring(3, 6)).isEqualTo("EAX");
  }

  @Test
  void accentsApostrophesAndSpacesAreIgnoredInNames() {
    assertThat(compute("D'Angelo", "Niccolò").substring(0, 6)).isEqualTo("DNGNCL");
    assertThat(compute("De Luca", "José María").substring(0, 6)).isEqualTo("DLCJMR");
    assertThat(compute("Dell'Àcqua", "Lucà")).isEqualTo(compute("DELLACQUA", "luca"));
    assertThat(compute("  Çelik-Öz ", "Zoë").substring(0, 6)).isEqualTo("CLKZOE");
  }

  @Test
  void theDateIsYearMonthLetterAndDayPlusFortyForWomen() {
    FiscalCode man = FiscalCode.compute("Bianchi", "Anna", LocalDate.of(1992, 3, 15), false, "H501");
    FiscalCode woman = FiscalCode.compute("Bianchi", "Anna", LocalDate.of(1992, 3, 15), true, "H501");
    assertThat(man.value().substring(6, 11)).isEqualTo("92C15");
    assertThat(woman.value()).isEqualTo("BNCNNA92C55H501N");
    assertThat(woman.female()).isTrue();
    assertThat(man.female()).isFalse();
    assertThat(FiscalCode.compute("Rossi", "Mario", LocalDate.of(2001, 12, 31), false, "F205").value())
        .startsWith("RSSMRA01T31");
  }

  @Test
  void computeRejectsMissingOrUnusableInput() {
    LocalDate date = LocalDate.of(1980, 1, 1);
    assertThatThrownBy(() -> FiscalCode.compute(null, "Mario", date, false, "F205"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("family name");
    assertThatThrownBy(() -> FiscalCode.compute("Rossi", " ' ", date, false, "F205"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("given name");
    assertThatThrownBy(() -> FiscalCode.compute("Rossi", "Mario", null, false, "F205"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("birth date");
    assertThatThrownBy(() -> FiscalCode.compute("Rossi", "Mario", date, false, "F20"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Belfiore");
    assertThatThrownBy(() -> FiscalCode.compute("Rossi", "Mario", date, false, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Belfiore");
    assertThat(FiscalCode.compute("Rossi", "Mario", date, false, " f205 ").value()).isEqualTo("RSSMRA80A01F205X");
  }

  // --- Omocodia

  @Test
  void anOmocodicCodeIsValid() {
    // The Agenzia delle Entrate replaces digits from the right: 14, 13, 12, 10, 9, 7, 6 (0-based).
    String omocode = "LMNPQRSTUV";
    String code = "RSSMRA80A01F205X";
    for (int at : new int[] {14, 13, 12, 10, 9, 7, 6}) {
      code = withChar(code, at, omocode.charAt(code.charAt(at) - '0'));
      FiscalCode fiscalCode = FiscalCode.of(code);
      assertThat(fiscalCode.birthDate(TODAY)).as(code).isEqualTo(LocalDate.of(1980, 1, 1));
      assertThat(fiscalCode.belfioreCode()).as(code).isEqualTo("F205");
      assertThat(fiscalCode.female()).as(code).isFalse();
    }
    assertThat(code).startsWith("RSSMRAULALMFNLR");
    assertThat(FiscalCode.isValid("RSSMRA80A01F20RS")).isTrue();
  }

  @Test
  void omocodiaOnlyUsesTheLettersLmnpqrstuvInDigitPositions() {
    for (char letter : "ABCDEFGHIJKOWXYZ".toCharArray()) {
      assertThatThrownBy(() -> FiscalCode.of(withChar("RSSMRA80A01F205X", 14, letter)))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("character 15");
    }
  }

  @Test
  void letterPositionsMustHoldLetters() {
    assertThatThrownBy(() -> FiscalCode.of(withChar("RSSMRA80A01F205X", 0, '1')))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("character 1 ");
    assertThatThrownBy(() -> FiscalCode.of(withChar("RSSMRA80A01F205X", 11, '9')))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("character 12");
    assertThatThrownBy(() -> FiscalCode.of("RSSMRA80A01F2051"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("character 16");
  }

  // --- Dates

  @Test
  void theMonthLetterMustBeOneOfAbcdehlmprst() {
    for (char letter : "FGIJKNOQUVWXYZ".toCharArray()) {
      assertThatThrownBy(() -> FiscalCode.of(withChar("RSSMRA80A01F205X", 8, letter)))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("month letter");
    }
    assertThat(FiscalCode.of(withChar("RSSMRA80A01F205X", 8, 'T')).birthDate(TODAY)).isEqualTo("1980-12-01");
  }

  @Test
  void theDayIs01To31ForMenOr41To71ForWomen() {
    for (String day : List.of("00", "32", "39", "40", "72", "99")) {
      assertThatThrownBy(() -> FiscalCode.of(withDay("RSSMRA80A01F205X", day)))
          .as(day).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("day must be");
    }
    for (String day : List.of("01", "31", "41", "71")) {
      assertThat(FiscalCode.isValid(withDay("RSSMRA80A01F205X", day))).as(day).isTrue();
    }
  }

  @Test
  void theBirthDateMustExist() {
    assertThatThrownBy(() -> FiscalCode.of(withDay("RSSMRA80B01F205X", "30")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("birth date 30/02/80");
    assertThatThrownBy(() -> FiscalCode.of(withDay("RSSMRA80D01F205X", "31")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("birth date");
    assertThatThrownBy(() -> FiscalCode.of(withDay("RSSMRA01B01F205X", "29")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("birth date");
    assertThatThrownBy(() -> FiscalCode.of(withDay("RSSMRA01B01F205X", "69")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("birth date");
  }

  @Test
  void aDateThatExistsInEitherCenturyIsValid() {
    // 29 Feb 00: 1900 is not a leap year but 2000 is.
    FiscalCode leap2000 = FiscalCode.of(withDay("RSSMRA00B01F205X", "29"));
    assertThat(leap2000.birthDate(TODAY)).isEqualTo("2000-02-29");
    assertThat(FiscalCode.of(withDay("RSSMRA04B01F205X", "69")).birthDate(TODAY)).isEqualTo("2004-02-29");
    assertThat(FiscalCode.of(withDay("RSSMRA96B01F205X", "29")).birthDate(TODAY)).isEqualTo("1996-02-29");
  }

  @Test
  void theTwoDigitYearIsTheLatestOneNotAfterToday() {
    FiscalCode code = FiscalCode.compute("Rossi", "Mario", LocalDate.of(2025, 6, 30), false, "F205");
    assertThat(code.birthDate(LocalDate.of(2025, 6, 30))).isEqualTo("2025-06-30");
    assertThat(code.birthDate(LocalDate.of(2025, 6, 29))).isEqualTo("1925-06-30");
    assertThat(FiscalCode.of("RSSMRA80A01F205X").birthDate(TODAY)).isEqualTo("1980-01-01");
    assertThat(FiscalCode.of("RSSMRA80A01F205X").birthDate(LocalDate.of(2090, 1, 1))).isEqualTo("2080-01-01");
    assertThatThrownBy(() -> code.birthDate(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aPersonIsAMinorUntilTheirEighteenthBirthday() {
    FiscalCode code = FiscalCode.compute("Rossi", "Mario", LocalDate.of(2007, 7, 1), false, "F205");
    assertThat(code.isMinorOn(LocalDate.of(2025, 6, 30))).isTrue();
    assertThat(code.isMinorOn(LocalDate.of(2025, 7, 1))).isFalse();
    assertThat(FiscalCode.of("RSSMRA80A01F205X").isMinorOn(TODAY)).isFalse();
    // Born 29 Feb: of age on 28 Feb of a non-leap year (art. 2963 c.c. by analogy).
    FiscalCode leapling = FiscalCode.compute("Rossi", "Maria", LocalDate.of(2004, 2, 29), true, "F205");
    assertThat(leapling.isMinorOn(LocalDate.of(2022, 2, 27))).isTrue();
    assertThat(leapling.isMinorOn(LocalDate.of(2022, 2, 28))).isFalse();
  }

  // --- Places

  @Test
  void theBelfioreCodeIsALetterAndThreeDecodedDigits() {
    assertThat(FiscalCode.of("RSSMRA85T10A562S").belfioreCode()).isEqualTo("A562");
    assertThat(FiscalCode.of(withChar(withChar("RSSMRA80A01F205X", 14, 'R'), 12, 'N')).belfioreCode())
        .isEqualTo("F205");
    // Born abroad: Z + country code (Z404 is the United States).
    assertThat(FiscalCode.compute("Smith", "John", LocalDate.of(1970, 5, 4), false, "Z404").belfioreCode())
        .isEqualTo("Z404");
  }

  // --- Form

  @Test
  void theCodeMustBeSixteenCharacters() {
    for (String raw : List.of("", "RSSMRA80A01F205", "RSSMRA80A01F205XX")) {
      assertThatThrownBy(() -> FiscalCode.of(raw))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16 characters");
    }
  }

  @Test
  void lowerCaseAndSurroundingBlanksAreNormalised() {
    FiscalCode code = FiscalCode.of("  rssmra80a01f205x\t");
    assertThat(code.value()).isEqualTo("RSSMRA80A01F205X");
    assertThat(code).isEqualTo(FiscalCode.of("RSSMRA80A01F205X"));
    assertThat(code).hasToString("RSSMRA80A01F205X");
    assertThat(FiscalCode.isValid("rssmra80a01f205x")).isTrue();
  }

  @Test
  void theConstructorOnlyAcceptsTheCanonicalForm() {
    assertThatThrownBy(() -> new FiscalCode("rssmra80a01f205x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FiscalCode(" RSSMRA80A01F205X")).isInstanceOf(IllegalArgumentException.class);
    assertThat(new FiscalCode("RSSMRA80A01F205X").value()).isEqualTo("RSSMRA80A01F205X");
  }

  @Test
  void nullIsRejected() {
    assertThatThrownBy(() -> FiscalCode.of(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be null");
    assertThatThrownBy(() -> new FiscalCode(null)).isInstanceOf(IllegalArgumentException.class);
    assertThat(FiscalCode.isValid(null)).isFalse();
  }

  @Test
  void errorMessagesDoNotRevealTheCode() {
    // A fiscal code is personal data; exception messages end up in logs.
    for (String raw : List.of("RSSMRA80A01F205Y", "RSSMRA80F01F205X", "RSSMRA80A32F205X", "RSSMRA80A01F205")) {
      assertThatThrownBy(() -> FiscalCode.of(raw)).message().doesNotContain(raw).doesNotContain("RSSMRA");
    }
  }

  // --- Properties

  @Test
  void generatedCodesAreValidAndEveryWrongCheckCharacterIsRejected() {
    Random random = new Random(20250630);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZàèéìòùÀÉ' ";
    LocalDate oldest = TODAY.minusYears(100).plusDays(1);
    int days = (int) (TODAY.toEpochDay() - oldest.toEpochDay()) + 1;
    for (int i = 0; i < 1_000; i++) {
      String family = randomName(random, alphabet);
      String given = randomName(random, alphabet);
      LocalDate birth = oldest.plusDays(random.nextInt(days));
      boolean female = random.nextBoolean();
      String place = (char) ('A' + random.nextInt(26)) + String.format("%03d", random.nextInt(1000));

      FiscalCode code = FiscalCode.compute(family, given, birth, female, place);
      String value = code.value();
      assertThat(FiscalCode.isValid(value)).as(value).isTrue();
      assertThat(value.charAt(15)).as(value).isEqualTo(referenceCheck(value.substring(0, 15)));
      assertThat(code.birthDate(TODAY)).as(value).isEqualTo(birth);
      assertThat(code.female()).as(value).isEqualTo(female);
      assertThat(code.belfioreCode()).as(value).isEqualTo(place);
      for (char wrong = 'A'; wrong <= 'Z'; wrong++) {
        if (wrong != value.charAt(15)) {
          assertThat(FiscalCode.isValid(value.substring(0, 15) + wrong)).as(value + " with " + wrong).isFalse();
        }
      }
    }
  }

  private static String randomName(Random random, String alphabet) {
    // Starts with a plain letter, as compute() requires at least one.
    StringBuilder name = new StringBuilder().append(alphabet.charAt(random.nextInt(26)));
    for (int n = random.nextInt(12); n > 0; n--) {
      name.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return name.toString();
  }

  private static String compute(String family, String given) {
    return FiscalCode.compute(family, given, LocalDate.of(1980, 1, 1), false, "F205").value();
  }

  private static String withDay(String code, String day) {
    return withChar(withChar(code, 9, day.charAt(0)), 10, day.charAt(1));
  }
}
