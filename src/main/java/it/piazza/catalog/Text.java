package it.piazza.catalog;

import java.util.Locale;

/** A text in Italian and English; Italian is the fallback. */
public record Text(String it, String en) {

  public String in(Locale locale) {
    return "en".equals(locale.getLanguage()) && en != null && !en.isBlank() ? en : it;
  }
}
