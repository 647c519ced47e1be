package it.piazza.platform.internal;

import it.piazza.platform.CommonProblem;
import it.piazza.platform.ProblemException;
import it.piazza.platform.ProblemType;
import it.piazza.platform.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/** Turns every exception that reaches MVC into an application/problem+json answer. */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemAdvice {

  private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);
  private final Problems problems;

  ProblemAdvice(Problems problems) {
    this.problems = problems;
  }

  @ExceptionHandler(ProblemException.class)
  ResponseEntity<Map<String, Object>> problem(ProblemException e, HttpServletRequest request) {
    return answer(e.type(), e.detailArguments(), e.properties(), request);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
    if (BodySizeLimitFilter.isTooLarge(e)) {
      return answer(CommonProblem.PAYLOAD_TOO_LARGE, request);
    }
    return answer(CommonProblem.MALFORMED_BODY, request);
  }

  /** A multipart body without its boundary, or cut short: it cannot be read, like malformed JSON. */
  @ExceptionHandler(MultipartException.class)
  ResponseEntity<Map<String, Object>> unreadableMultipart(MultipartException e, HttpServletRequest request) {
    if (e instanceof MaxUploadSizeExceededException) {
      return answer(CommonProblem.PAYLOAD_TOO_LARGE, request);
    }
    return answer(CommonProblem.MALFORMED_BODY, request);
  }

  /**
   * Text PostgreSQL cannot store: a NUL character (in a parameter, a header or a JSON string, where JSON allows
   * {@code \u0000}), or bytes that are not UTF-8. The statement failed, its transaction is rolled back: a 400.
   */
  @ExceptionHandler(DataIntegrityViolationException.class)
  ResponseEntity<Map<String, Object>> unstorable(DataIntegrityViolationException e, HttpServletRequest request) {
    if (isUnstorableText(e)) {
      return answer(CommonProblem.UNSUPPORTED_CHARACTERS, request);
    }
    return other(e, request);
  }

  static boolean isUnstorableText(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && UNSTORABLE_TEXT.contains(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** character_not_in_repertoire, untranslatable_character (PostgreSQL error codes, appendix A). */
  private static final Set<String> UNSTORABLE_TEXT = Set.of("22021", "22P05");

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<Map<String, Object>> invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
    List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
        .map(error -> Map.of("pointer", "/" + error.getField().replace('.', '/'),
            "message", String.valueOf(error.getDefaultMessage())))
        .toList();
    return answer(CommonProblem.INVALID_DATA, new Object[0], Map.of("errors", errors), request);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    return answer(CommonProblem.INVALID_PARAMETER, new Object[] {e.getName()}, Map.of(), request);
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<Map<String, Object>> tooLarge(HttpServletRequest request) {
    return answer(CommonProblem.PAYLOAD_TOO_LARGE, request);
  }

  @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
  ResponseEntity<Map<String, Object>> denied(HttpServletRequest request) {
    return answer(CommonProblem.FORBIDDEN, request);
  }

  @ExceptionHandler({CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class,
      DataAccessResourceFailureException.class, TransientDataAccessException.class})
  ResponseEntity<Map<String, Object>> unavailable(Exception e, HttpServletRequest request) {
    log.warn("Database unavailable while serving {}: {}", request.getRequestURI(), e.getMessage());
    return answer(CommonProblem.SERVICE_UNAVAILABLE, request);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Map<String, Object>> other(Exception e, HttpServletRequest request) {
    if (DatabaseUnavailable.isCause(e)) {
      // Wrapped where the handlers above do not see it (a failed commit, a listener, a driver exception).
      return unavailable(e, request);
    }
    if (e instanceof ErrorResponse framework) {
      return answer(CommonProblem.forStatus(framework.getStatusCode().value()), request);
    }
    String parameter = undecodableParameter(e);
    if (parameter != null) {
      return answer(CommonProblem.INVALID_PARAMETER, new Object[] {parameter}, Map.of(), request);
    }
    log.error("Unexpected error serving {} {}", request.getMethod(), request.getRequestURI(), e);
    return answer(CommonProblem.INTERNAL_ERROR, request);
  }

  /**
   * The servlet container could not decode a query or form parameter (bytes that are not UTF-8, e.g.
   * {@code ?q=%C0%AF}); Tomcat reports it as an InvalidParameterException when the parameter is read. Matched by
   * name so that the platform does not tie itself to one container.
   */
  private static String undecodableParameter(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t.getClass().getName().endsWith(".InvalidParameterException") && t.getMessage() != null) {
        Matcher name = PARAMETER_NAME.matcher(t.getMessage());
        return name.find() && name.group(1).matches("[A-Za-z0-9_.-]{1,40}") ? name.group(1) : "?";
      }
    }
    return null;
  }

  private static final Pattern PARAMETER_NAME = Pattern.compile("Parameter \\[([^\\]]*)]");

  private ResponseEntity<Map<String, Object>> answer(ProblemType type, HttpServletRequest request) {
    return answer(type, new Object[0], Map.of(), request);
  }

  private ResponseEntity<Map<String, Object>> answer(ProblemType type, Object[] args, Map<String, Object> properties,
                                                     HttpServletRequest request) {
    var answer = ResponseEntity.status(type.status())
        .contentType(Problems.PROBLEM_JSON)
        .header("Content-Language", Problems.languageOf(request).getLanguage());
    problems.retryAfter(type).ifPresent(seconds -> answer.header("Retry-After", seconds));
    return answer.body(problems.body(type, args, properties, request));
  }
}
