package it.piazza.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders problems as RFC 9457 documents, titles and details in the caller's language (Italian unless the
 * request prefers English). Used by the MVC advice and by filters that answer before MVC runs.
 */
@Component
public class Problems {

  public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
  private static final List<Locale> SUPPORTED = List.of(Locale.ITALIAN, Locale.ENGLISH);

  private final MessageSource messages;
  private final JsonMapper json;

  private final Duration retryAfter;

  public Problems(MessageSource messages, JsonMapper json,
                  @Value("${piazza.web.retry-after:5s}") Duration retryAfter) {
    this.messages = messages;
    this.json = json;
    this.retryAfter = retryAfter;
  }

  /** RFC 9110 §10.2.3: a 503 tells the client when to try again (in seconds); other problems do not. */
  public Optional<String> retryAfter(ProblemType type) {
    return type.status().value() == 503 ? Optional.of(String.valueOf(Math.max(1, retryAfter.toSeconds())))
        : Optional.empty();
  }

  /** The language of the answer: the first supported one in Accept-Language, else Italian. */
  public static Locale languageOf(HttpServletRequest request) {
    String header = request.getHeader("Accept-Language");
    if (header == null || header.isBlank()) {
      return Locale.ITALIAN;
    }
    try {
      Locale found = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
      return found == null ? Locale.ITALIAN : found;
    } catch (IllegalArgumentException malformedHeader) {
      return Locale.ITALIAN;
    }
  }

  public Map<String, Object> body(ProblemType type, Object[] args, Map<String, Object> properties,
                                  HttpServletRequest request) {
    Locale locale = languageOf(request);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type.typeUri());
    body.put("title", message("problem." + type.slug() + ".title", args, locale, type.slug()));
    body.put("status", type.status().value());
    String detail = message("problem." + type.slug() + ".detail", args, locale, null);
    if (detail != null) {
      body.put("detail", detail);
    }
    body.put("instance", request.getRequestURI());
    body.put("code", type.slug());
    body.putAll(properties);
    return body;
  }

  /** Writes a problem straight to the response, for filters and security handlers outside MVC. */
  public void write(HttpServletRequest request, HttpServletResponse response, ProblemType type, Object... args)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    response.setStatus(type.status().value());
    response.setContentType(PROBLEM_JSON.toString());
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Content-Language", languageOf(request).getLanguage());
    retryAfter(type).ifPresent(seconds -> response.setHeader("Retry-After", seconds));
    json.writeValue(response.getOutputStream(), body(type, args, Map.of(), request));
  }

  public String message(String code, Object[] args, Locale locale, String fallback) {
    try {
      return messages.getMessage(code, args, locale);
    } catch (NoSuchMessageException missing) {
      return fallback;
    }
  }
}
