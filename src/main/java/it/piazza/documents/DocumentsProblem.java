package it.piazza.documents;

import it.piazza.platform.ProblemType;
import org.springframework.http.HttpStatus;

/** The documents module's problems. */
public enum DocumentsProblem implements ProblemType {
  ATTACHMENT_NOT_FOUND(HttpStatus.NOT_FOUND, "attachment-not-found"),
  UNKNOWN_ATTACHMENT(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-attachment"),
  ATTACHMENT_KIND_NOT_ALLOWED(HttpStatus.UNPROCESSABLE_CONTENT, "attachment-kind-not-allowed"),
  ATTACHMENT_TYPE_NOT_ALLOWED(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "attachment-type-not-allowed"),
  ATTACHMENT_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "attachment-too-large"),
  ATTACHMENT_MISSING_FILE(HttpStatus.BAD_REQUEST, "attachment-missing-file");

  private final HttpStatus status;
  private final String slug;

  DocumentsProblem(HttpStatus status, String slug) {
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
}
