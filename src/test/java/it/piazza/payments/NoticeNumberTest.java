package it.piazza.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** pagoPA notice numbers of aux digit 3 and their IUVs ("Generazione dello IUV"), checked against the rules. */
class NoticeNumberTest {

  private static final BigInteger NINETY_THREE = BigInteger.valueOf(93);

  @Test
  void theWorkedExampleOfThePagoPaRules() {
    NoticeNumber notice = NoticeNumber.of("02", 1);

    assertThat(notice.value()).isEqualTo("302000000000000184");
    assertThat(notice.iuv()).isEqualTo("02000000000000184");
    assertThat(notice.segregationCode()).isEqualTo("02");
    assertThat(notice.base()).isEqualTo(1);
    assertThat(notice.checkDigits()).isEqualTo("84");
    assertThat(notice.grouped()).isEqualTo("3020 0000 0000 0001 84");
  }

  @Test
  void checkDigitsBelowTenArePaddedWithAZero() {
    // 3010000000000050 is a multiple of 93
    String first16 = "3010000000000050";
    assertThat(independentCheck(first16)).isEqualTo("00");
    assertThat(NoticeNumber.of("01", 50).value()).isEqualTo(first16 + "00");
  }

  /** Property: for many random segregation codes and bases, the digits match an independent BigInteger calculation. */
  @Test
  void everyGeneratedNumberMatchesAnIndependentCalculation() {
    Random random = new Random(20261122L);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      String segregation = String.format("%02d", random.nextInt(100));
      long base = Math.floorMod(random.nextLong(), NoticeNumber.MAX_BASE + 1);
      NoticeNumber notice = NoticeNumber.of(segregation, base);

      String expectedFirst16 = "3" + segregation + String.format("%013d", base);
      assertThat(notice.value()).hasSize(18).isEqualTo(expectedFirst16 + independentCheck(expectedFirst16));
      assertThat(notice.iuv()).hasSize(17).isEqualTo(notice.value().substring(1));
      assertThat(notice.base()).isEqualTo(base);
      assertThat(NoticeNumber.parse(notice.grouped())).isEqualTo(notice);
      seen.add(notice.value());
    }
    assertThat(seen).as("distinct inputs, distinct numbers").hasSizeGreaterThan(99_990);
  }

  @Test
  void theLargestBaseStillFitsAndOneMoreDoesNot() {
    NoticeNumber largest = NoticeNumber.of("99", NoticeNumber.MAX_BASE);
    assertThat(largest.value()).startsWith("3999999999999999").isEqualTo("3999999999999999"
        + independentCheck("3999999999999999"));
    assertThatThrownBy(() -> NoticeNumber.of("99", NoticeNumber.MAX_BASE + 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NoticeNumber.of("99", -1)).isInstanceOf(IllegalArgumentException.class);
  }

  /** Property: changing any single digit of a valid number (check digits included) is caught, save by chance. */
  @Test
  void aMistypedDigitIsRefused() {
    Random random = new Random(7L);
    int caught = 0;
    int tried = 0;
    for (int i = 0; i < 20_000; i++) {
      NoticeNumber notice = NoticeNumber.of(String.format("%02d", random.nextInt(50)),
          Math.floorMod(random.nextLong(), NoticeNumber.MAX_BASE + 1));
      int at = 1 + random.nextInt(17);
      char other = (char) ('0' + (notice.value().charAt(at) - '0' + 1 + random.nextInt(9)) % 10);
      String mistyped = notice.value().substring(0, at) + other + notice.value().substring(at + 1);
      tried++;
      boolean valid = independentCheck(mistyped.substring(0, 16)).equals(mistyped.substring(16));
      assertThat(NoticeNumber.isValid(mistyped)).as(mistyped).isEqualTo(valid);
      if (!valid) {
        caught++;
      }
    }
    assertThat(caught).as("mod 93 catches almost every single-digit change").isGreaterThan(tried * 98 / 100);
  }

  @Test
  void invalidNumbersCannotBeConstructed() {
    assertThatThrownBy(() -> new NoticeNumber("302000000000000185")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NoticeNumber("002000000000000184")).as("aux digit 0")
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NoticeNumber("30200000000000018")).as("17 digits")
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NoticeNumber("30200000000000018A")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NoticeNumber(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> NoticeNumber.of("2", 1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(NoticeNumber.parse(" 3020-0000.0000 0001 84 ").value()).isEqualTo("302000000000000184");
  }

  /** The rule computed a second way: BigInteger remainder of the decimal number. */
  private static String independentCheck(String first16) {
    int remainder = new BigInteger(first16).mod(NINETY_THREE).intValueExact();
    return (remainder < 10 ? "0" : "") + remainder;
  }
}
