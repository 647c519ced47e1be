package it.piazza.catalog;

import it.piazza.platform.ProblemType;
import org.springframework.http.HttpStatus;

/** The catalog module's problems; titles and details in i18n/catalog*.properties. */
public enum CatalogProblem implements ProblemType {
  SERVICE_NOT_FOUND(HttpStatus.NOT_FOUND, "service-not-found"),
  INVALID_DEFINITION(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-service-definition");

  private final HttpStatus status;
  private final String slug;

  CatalogProblem(HttpStatus status, String slug) {
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
