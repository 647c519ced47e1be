package it.piazza.protocol;

import it.piazza.platform.ProblemType;
import org.springframework.http.HttpStatus;

/** The protocol module's problems; titles and details in {@code i18n/protocol}. */
public enum ProtocolProblem implements ProblemType {
  ENTRY_NOT_FOUND(HttpStatus.NOT_FOUND, "protocol-entry-not-found"),
  INVALID_NUMBER(HttpStatus.BAD_REQUEST, "invalid-protocol-number");

  private final HttpStatus status;
  private final String slug;

  ProtocolProblem(HttpStatus status, String slug) {
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
