package it.piazza.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** DPR 445/2000 art. 57: a progressive number of at least seven digits, restarting every year. */
class ProtocolNumberTest {

  @Test
  void isWrittenAsTheYearAndTheNumberPaddedToSevenDigits() {
    assertThat(ProtocolNumber.of(2026, 123).format()).isEqualTo("2026/0000123");
    assertThat(ProtocolNumber.of(2026, 1).format()).isEqualTo("2026/0000001");
    assertThat(ProtocolNumber.of(2026, 9_999_999).format()).isEqualTo("2026/9999999");
    assertThat(ProtocolNumber.of(2027, 42)).hasToString("2027/0000042");
  }

  @Test
  void aNumberBeyondSevenDigitsGetsMoreDigitsNotTruncated() {
    assertThat(ProtocolNumber.of(2026, 12_345_678).format()).isEqualTo("2026/12345678");
  }

  @Test
  void readsWhatItWrites() {
    assertThat(ProtocolNumber.parse("2026/0000123")).isEqualTo(ProtocolNumber.of(2026, 123));
    assertThat(ProtocolNumber.parse(" 2031/0000001 ")).isEqualTo(ProtocolNumber.of(2031, 1));
    assertThat(ProtocolNumber.parse("2026/12345678")).isEqualTo(ProtocolNumber.of(2026, 12_345_678));
    for (long n : new long[] {1, 9, 10, 999_999, 1_000_000, 9_999_999, 10_000_000, 4_321_987_654L}) {
      ProtocolNumber number = ProtocolNumber.of(2026, n);
      assertThat(ProtocolNumber.parse(number.format())).isEqualTo(number);
    }
  }

  @Test
  void cannotBeConstructedInvalid() {
    assertThatThrownBy(() -> ProtocolNumber.of(2026, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ProtocolNumber.of(2026, -5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ProtocolNumber.of(999, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ProtocolNumber.of(10_000, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesAnythingButTheCanonicalSpelling() {
    List<String> invalid = List.of("", "2026", "2026/", "2026/123", "2026/000123", "2026/00000123", "26/0000123",
        "2026-0000123", "2026/0000000", "2026/00001a3", "0000123/2026", "2026 / 0000123", "２０２６/0000123");
    for (String text : invalid) {
      assertThatThrownBy(() -> ProtocolNumber.parse(text)).as(text).isInstanceOf(IllegalArgumentException.class);
      assertThat(ProtocolNumber.isValid(text)).as(text).isFalse();
    }
    assertThatThrownBy(() -> ProtocolNumber.parse(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ordersByYearThenNumber() {
    assertThat(List.of(ProtocolNumber.of(2027, 1), ProtocolNumber.of(2026, 10), ProtocolNumber.of(2026, 9))
        .stream().sorted().map(ProtocolNumber::format).toList())
        .containsExactly("2026/0000009", "2026/0000010", "2027/0000001");
  }
}
