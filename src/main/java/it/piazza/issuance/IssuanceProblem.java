package it.piazza.issuance;

import it.piazza.platform.ProblemType;
import org.springframework.http.HttpStatus;

/** The issuance module's problems. */
public enum IssuanceProblem implements ProblemType {
  ISSUED_DOCUMENT_NOT_FOUND(HttpStatus.NOT_FOUND, "issued-document-not-found"),
  VERIFICATION_CODE_UNKNOWN(HttpStatus.NOT_FOUND, "verification-code-unknown"),
  VERIFY_FILE_MISSING(HttpStatus.BAD_REQUEST, "verify-file-missing"),
  VERIFY_NOT_A_PDF(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "verify-not-a-pdf"),
  VERIFY_FILE_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "verify-file-too-large");

  private final HttpStatus status;
  private final String slug;

  IssuanceProblem(HttpStatus status, String slug) {
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
