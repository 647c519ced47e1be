package it.piazza.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EnteCodesTest {

  // --- IstatCode

  @Test
  void anIstatCodeIsExactlySixDigits() {
    assertThat(IstatCode.of("108033").value()).isEqualTo("108033"); // Monza
    for (String raw : List.of("", "15146", "1080330", "10803A", "108 033", "-10803", "１０８０３３")) {
      assertThatThrownBy(() -> IstatCode.of(raw))
          .as(raw).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exactly 6 digits");
    }
  }

  @Test
  void anIstatCodeKeepsItsLeadingZeros() {
    assertThat(IstatCode.of("015146")).hasToString("015146"); // Milano
    assertThat(IstatCode.of("015146")).isNotEqualTo(IstatCode.of("115146"));
  }

  @Test
  void anIstatCodeIsTrimmedButOnlyAcceptedCanonicalByTheConstructor() {
    assertThat(IstatCode.of(" 108033\n")).isEqualTo(new IstatCode("108033"));
    assertThatThrownBy(() -> new IstatCode(" 108033")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anIstatCodeIsNotNull() {
    assertThatThrownBy(() -> IstatCode.of(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be null");
    assertThatThrownBy(() -> new IstatCode(null)).isInstanceOf(IllegalArgumentException.class);
  }

  // --- IpaCode

  @Test
  void anIpaCodeIsLowerCaseLettersDigitsAndUnderscoreStartingWithALetter() {
    assertThat(IpaCode.of("c_f704").value()).isEqualTo("c_f704"); // Comune di Monza
    assertThat(IpaCode.of("a").value()).isEqualTo("a");
    for (String raw : List.of("", "1c_f704", "_cf704", "c-f704", "c f704", "c.f704", "cè704")) {
      assertThatThrownBy(() -> IpaCode.of(raw))
          .as(raw).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("IPA code must be");
    }
  }

  @Test
  void anIpaCodeIsAtMostTwentyCharacters() {
    assertThat(IpaCode.of("a".repeat(20)).value()).hasSize(20);
    assertThatThrownBy(() -> IpaCode.of("a".repeat(21))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anIpaCodeIsTrimmedAndLowerCased() {
    assertThat(IpaCode.of("  C_F704 ")).isEqualTo(new IpaCode("c_f704")).hasToString("c_f704");
    assertThatThrownBy(() -> new IpaCode("C_F704")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anIpaCodeIsNotNull() {
    assertThatThrownBy(() -> IpaCode.of(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be null");
  }

  // --- EnteFiscalCode

  /** Independent Luhn-style check: sum the decimal digits of each doubled digit instead of subtracting 9. */
  private static int referenceCheckDigit(String first10) {
    int total = 0;
    for (int position = 1; position <= 10; position++) {
      int digit = Character.getNumericValue(first10.charAt(position - 1));
      int weighted = position % 2 == 1 ? digit : 2 * digit;
      total += weighted / 10 + weighted % 10;
    }
    return total % 10 == 0 ? 0 : 10 - total % 10;
  }

  @Test
  void knownComuneFiscalCodesAreValid() {
    // Milano: 0+1+9+5+1 = 16 odd; 2+9+4+0+1 = 16 even (9*2=18 -> 9, 5*2=10 -> 1); 32 -> check 8.
    assertThat(referenceCheckDigit("0119925015")).isEqualTo(8);
    assertThat(EnteFiscalCode.of("01199250158").value()).isEqualTo("01199250158");
    // Monza: 0+0+0+8+1 = 9 odd; 4+6+7+0+1 = 18 even; 27 -> check 3.
    assertThat(referenceCheckDigit("0203088015")).isEqualTo(3);
    assertThat(EnteFiscalCode.of("02030880153").value()).isEqualTo("02030880153");
  }

  @Test
  void theCheckDigitMustMatch() {
    for (char wrong = '0'; wrong <= '9'; wrong++) {
      if (wrong != '8') {
        String raw = "0119925015" + wrong;
        assertThatThrownBy(() -> EnteFiscalCode.of(raw))
            .as(raw).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("check digit");
      }
    }
  }

  @Test
  void aSingleWrongDigitOrAdjacentSwapIsDetected() {
    assertThatThrownBy(() -> EnteFiscalCode.of("01199350158")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EnteFiscalCode.of("10199250158")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EnteFiscalCode.of("02030808153")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anEnteFiscalCodeIsExactlyElevenDigits() {
    for (String raw : List.of("", "0119925015", "011992501580", "0119925015X", "IT01199250158", "0119925 0158")) {
      assertThatThrownBy(() -> EnteFiscalCode.of(raw))
          .as(raw).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exactly 11 digits");
    }
  }

  @Test
  void anEnteFiscalCodeIsNotAllZeros() {
    assertThatThrownBy(() -> EnteFiscalCode.of("00000000000"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("all zeros");
  }

  @Test
  void anEnteFiscalCodeIsTrimmedAndNotNull() {
    assertThat(EnteFiscalCode.of(" 01199250158 ")).isEqualTo(new EnteFiscalCode("01199250158"))
        .hasToString("01199250158");
    assertThatThrownBy(() -> EnteFiscalCode.of(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be null");
  }

  @Test
  void everyPrefixHasExactlyOneValidCheckDigit() {
    Random random = new Random(108033);
    for (int i = 0; i < 1_000; i++) {
      String first10 = String.format("%010d", random.nextLong(1, 10_000_000_000L));
      int check = referenceCheckDigit(first10);
      assertThat(EnteFiscalCode.of(first10 + check).value()).startsWith(first10);
      for (int wrong = 0; wrong <= 9; wrong++) {
        if (wrong != check) {
          String raw = first10 + wrong;
          assertThatThrownBy(() -> EnteFiscalCode.of(raw)).as(raw).isInstanceOf(IllegalArgumentException.class);
        }
      }
    }
  }
}
