package it.piazza.identity;

import java.util.Locale;

/** How a request reached the comune; recorded on applications and audit entries. */
public enum Channel {
  /** The citizen portal in a browser. */
  ONLINE,
  /** An operator at the desk acting for a citizen who came in person (assisted digital). */
  DESK,
  /** A client system or script with a bearer token. */
  API,
  /** Piazza itself: scheduled work, event listeners. */
  SYSTEM;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
