package it.piazza.issuance.internal;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * The code printed on an issued document and in its QR code: 20 Crockford base32 characters (100 random bits, far
 * beyond guessing), written in five groups of four, e.g. {@code 7K3M-Q9XT-2H4W-PZ6B-N8RA}. Crockford's alphabet has
 * no I, L, O or U, and reading is forgiving: lower case, O for 0, I and L for 1, and missing dashes are accepted.
 */
final class VerificationCode {

  private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  private static final int LENGTH = 20;
  private static final SecureRandom RANDOM = new SecureRandom();

  private VerificationCode() {}

  static String random() {
    StringBuilder code = new StringBuilder();
    for (int i = 0; i < LENGTH; i++) {
      if (i > 0 && i % 4 == 0) {
        code.append('-');
      }
      code.append(ALPHABET.charAt(RANDOM.nextInt(32)));
    }
    return code.toString();
  }

  /** The canonical form of what someone typed or scanned, or empty when it cannot be a code. */
  static Optional<String> normalize(String typed) {
    if (typed == null || typed.length() > 60) {
      return Optional.empty();
    }
    StringBuilder plain = new StringBuilder();
    for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
      char mapped = switch (c) {
        case 'O' -> '0';
        case 'I', 'L' -> '1';
        case '-', ' ' -> 0;
        default -> c;
      };
      if (mapped == 0) {
        continue;
      }
      if (ALPHABET.indexOf(mapped) < 0) {
        return Optional.empty();
      }
      plain.append(mapped);
    }
    if (plain.length() != LENGTH) {
      return Optional.empty();
    }
    for (int i = LENGTH - 4; i > 0; i -= 4) {
      plain.insert(i, '-');
    }
    return Optional.of(plain.toString());
  }
}
