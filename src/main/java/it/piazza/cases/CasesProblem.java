package it.piazza.cases;

import it.piazza.platform.ProblemType;
import org.springframework.http.HttpStatus;

/** The cases module's problems. */
public enum CasesProblem implements ProblemType {
  CASE_NOT_FOUND(HttpStatus.NOT_FOUND, "case-not-found"),
  DRAFT_NOT_FOUND(HttpStatus.NOT_FOUND, "draft-not-found"),
  UNKNOWN_SERVICE(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-service"),
  INVALID_APPLICATION(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-application"),
  UNKNOWN_ACTION(HttpStatus.NOT_FOUND, "unknown-action"),
  ACTION_NOT_IN_WORKFLOW(HttpStatus.CONFLICT, "action-not-in-workflow"),
  ACTION_NOT_ALLOWED_IN_STATE(HttpStatus.CONFLICT, "action-not-allowed-in-state"),
  ACTION_NOT_FOR_ROLE(HttpStatus.FORBIDDEN, "action-not-for-role"),
  REASON_REQUIRED(HttpStatus.UNPROCESSABLE_CONTENT, "reason-required"),
  NOTICE_OF_REFUSAL_REQUIRED(HttpStatus.CONFLICT, "notice-of-refusal-required"),
  CLOCK_RULE(HttpStatus.CONFLICT, "legal-clock-rule"),
  CHANGED_CONCURRENTLY(HttpStatus.CONFLICT, "case-changed-concurrently"),
  UNKNOWN_ASSIGNEE(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-assignee"),
  ONLY_MANAGER_ASSIGNS_OTHERS(HttpStatus.FORBIDDEN, "only-manager-assigns-others"),
  CHANNEL_NOT_OFFERED(HttpStatus.UNPROCESSABLE_CONTENT, "channel-not-offered");

  private final HttpStatus status;
  private final String slug;

  CasesProblem(HttpStatus status, String slug) {
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
