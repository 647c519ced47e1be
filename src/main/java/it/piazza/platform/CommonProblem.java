package it.piazza.platform;

import org.springframework.http.HttpStatus;

/** Problems any endpoint can answer with, whatever the module. */
public enum CommonProblem implements ProblemType {
  BAD_REQUEST(HttpStatus.BAD_REQUEST, "bad-request"),
  MALFORMED_BODY(HttpStatus.BAD_REQUEST, "malformed-body"),
  UNSUPPORTED_CHARACTERS(HttpStatus.BAD_REQUEST, "unsupported-characters"),
  INVALID_PARAMETER(HttpStatus.BAD_REQUEST, "invalid-parameter"),
  UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "unauthenticated"),
  INVALID_TOKEN(HttpStatus.UNAUTHORIZED, "invalid-token"),
  FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden"),
  NOT_FOUND(HttpStatus.NOT_FOUND, "not-found"),
  METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed"),
  NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not-acceptable"),
  CONFLICT(HttpStatus.CONFLICT, "conflict"),
  INVALID_IDEMPOTENCY_KEY(HttpStatus.BAD_REQUEST, "invalid-idempotency-key"),
  IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused"),
  PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large"),
  UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type"),
  INVALID_DATA(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-data"),
  SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable"),
  INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error");

  private final HttpStatus status;
  private final String slug;

  CommonProblem(HttpStatus status, String slug) {
    this.status = status;
    this.slug = slug;
  }

  @Override
  public HttpStatus status() {
    return status;
  }

  @Override
  public String slug() {
    return slug;
  }

  private boolean generic() {
    return switch (this) {
      case MALFORMED_BODY, UNSUPPORTED_CHARACTERS, INVALID_PARAMETER, INVALID_TOKEN, INVALID_IDEMPOTENCY_KEY, IDEMPOTENCY_KEY_REUSED -> false;
      default -> true;
    };
  }

  /** The generic problem for a bare HTTP status, used where a framework reports only a status. */
  public static CommonProblem forStatus(int status) {
    for (CommonProblem problem : values()) {
      if (problem.status.value() == status && problem.generic()) {
        return problem;
      }
    }
    return status >= 500 ? INTERNAL_ERROR : BAD_REQUEST;
  }
}
