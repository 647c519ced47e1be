package it.piazza.platform.internal;

import it.piazza.platform.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The language of a request. Pages: Italian first; {@code ?lang=en} switches to English and a cookie keeps the
 * choice. The API is for programs, not people who click: it follows Accept-Language only, like its problem answers.
 */
class LanguageResolver extends CookieLocaleResolver {

  static final String COOKIE = "piazza-lang";

  LanguageResolver() {
    super(COOKIE);
    setDefaultLocale(Locale.ITALIAN);
    setCookieMaxAge(Duration.ofDays(365));
    setCookieSameSite("Lax");
  }

  @Override
  public Locale resolveLocale(HttpServletRequest request) {
    return isApi(request) ? Problems.languageOf(request) : supported(super.resolveLocale(request));
  }

  @Override
  public org.springframework.context.i18n.LocaleContext resolveLocaleContext(HttpServletRequest request) {
    if (isApi(request)) {
      Locale locale = Problems.languageOf(request);
      return () -> locale;
    }
    var context = super.resolveLocaleContext(request);
    Locale locale = supported(context.getLocale());
    return () -> locale;
  }

  @Override
  public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
    super.setLocale(request, response, locale == null ? null : supported(locale));
  }

  /** Italian or English; anything else reads as Italian, the language of the comune's acts. */
  static Locale supported(Locale locale) {
    return locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.ITALIAN;
  }

  private static boolean isApi(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith("/api/") || path.startsWith("/demo/") || path.startsWith("/oauth2/");
  }
}
