package it.piazza.audit;

import it.piazza.platform.ProblemType;
import org.springframework.http.HttpStatus;

/** The audit module's problems. */
public enum AuditProblem implements ProblemType {
  ENTRY_NOT_FOUND(HttpStatus.NOT_FOUND, "audit-entry-not-found"),
  NOT_YET_CHECKPOINTED(HttpStatus.CONFLICT, "audit-entry-not-checkpointed");

  private final HttpStatus status;
  private final String slug;

  AuditProblem(HttpStatus status, String slug) {
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
