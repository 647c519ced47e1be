package it.piazza.identity;

import it.piazza.platform.ProblemType;
import org.springframework.http.HttpStatus;

/** The identity module's problems. */
public enum IdentityProblem implements ProblemType {
  INVALID_FISCAL_CODE(HttpStatus.BAD_REQUEST, "invalid-fiscal-code"),
  NOT_A_DELEGATE(HttpStatus.FORBIDDEN, "not-a-delegate"),
  UNKNOWN_IDENTITY(HttpStatus.NOT_FOUND, "unknown-identity");

  private final HttpStatus status;
  private final String slug;

  IdentityProblem(HttpStatus status, String slug) {
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
