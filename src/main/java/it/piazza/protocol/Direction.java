package it.piazza.protocol;

import java.util.Locale;

/** Whether a registered document came in or went out; it decides what the correspondents are (art. 53 c.1 c). */
public enum Direction {
  /** Received by the comune (in entrata): the correspondent is the sender (mittente). */
  INCOMING,
  /** Sent by the comune (in uscita): the correspondents are the recipients (destinatari). */
  OUTGOING;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Direction fromCode(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }
}
