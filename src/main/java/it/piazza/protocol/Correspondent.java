package it.piazza.protocol;

import it.piazza.identity.FiscalCode;
import it.piazza.tenancy.EnteFiscalCode;
import java.util.Locale;
import java.util.Optional;

/**
 * A sender (incoming) or recipient (outgoing) of a registered document, DPR 445/2000 art. 53 c.1 c: a name, and
 * the fiscal code when known — a person's (16 characters) or a body's or company's (11 digits).
 */
public record Correspondent(String name, String fiscalCode) {

  private static final int MAX_NAME = 300;

  public Correspondent {
    name = name == null ? "" : name.strip();
    if (name.isEmpty()) {
      throw new IllegalArgumentException("A correspondent needs a name");
    }
    if (name.length() > MAX_NAME) {
      throw new IllegalArgumentException("A correspondent's name has at most " + MAX_NAME + " characters");
    }
    fiscalCode = fiscalCode == null || fiscalCode.isBlank() ? null : fiscalCode.strip().toUpperCase(Locale.ROOT);
    if (fiscalCode != null && !FiscalCode.isValid(fiscalCode) && !isBodyCode(fiscalCode)) {
      // The code is personal data: the message does not echo it.
      throw new IllegalArgumentException("A correspondent's fiscal code must be a valid personal or body code");
    }
  }

  public static Correspondent named(String name) {
    return new Correspondent(name, null);
  }

  public static Correspondent person(String name, FiscalCode fiscalCode) {
    return new Correspondent(name, fiscalCode.value());
  }

  /** The person this correspondent is, when it is a person: whose personal data the entry holds. */
  public Optional<FiscalCode> person() {
    return Optional.ofNullable(fiscalCode).filter(FiscalCode::isValid).map(FiscalCode::new);
  }

  private static boolean isBodyCode(String code) {
    try {
      new EnteFiscalCode(code);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
