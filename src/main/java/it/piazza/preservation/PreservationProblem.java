package it.piazza.preservation;

import it.piazza.platform.ProblemType;
import org.springframework.http.HttpStatus;

/** The preservation module's problems; titles and details in i18n/preservation*.properties. */
public enum PreservationProblem implements ProblemType {
  PACKAGE_NOT_FOUND(HttpStatus.NOT_FOUND, "preservation-package-not-found"),
  PACKAGE_NOT_RESENDABLE(HttpStatus.CONFLICT, "preservation-package-not-resendable"),
  INVALID_PACKAGE_FILTER(HttpStatus.BAD_REQUEST, "invalid-preservation-filter");

  private final HttpStatus status;
  private final String slug;

  PreservationProblem(HttpStatus status, String slug) {
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
