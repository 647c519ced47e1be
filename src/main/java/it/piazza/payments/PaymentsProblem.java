package it.piazza.payments;

import it.piazza.platform.ProblemType;
import org.springframework.http.HttpStatus;

/**
 * The payments module's problems; titles and details in i18n/payments*.properties. Receipt problems name the pagoPA
 * error a creditor answers in the same case ({@code pagopaCode} member), so an intermediary can map them.
 */
public enum PaymentsProblem implements ProblemType {
  PAYMENT_NOT_FOUND(HttpStatus.NOT_FOUND, "payment-not-found"),
  NOTICE_NOT_FOUND(HttpStatus.NOT_FOUND, "notice-not-found"),
  AMOUNT_MISMATCH(HttpStatus.UNPROCESSABLE_CONTENT, "receipt-amount-mismatch"),
  ALREADY_PAID(HttpStatus.CONFLICT, "payment-already-paid"),
  EXPIRED(HttpStatus.CONFLICT, "payment-expired"),
  CANCELLED(HttpStatus.CONFLICT, "payment-cancelled"),
  RECEIPT_ID_REUSED(HttpStatus.CONFLICT, "receipt-id-reused"),
  INVALID_RECEIPT(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-receipt"),
  INVALID_POSITION(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-debt-position"),
  INVALID_CSV(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-positions-csv"),
  ALREADY_IMPORTED(HttpStatus.CONFLICT, "position-already-imported"),
  NOT_CANCELLABLE(HttpStatus.CONFLICT, "payment-not-cancellable");

  private final HttpStatus status;
  private final String slug;

  PaymentsProblem(HttpStatus status, String slug) {
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

  /** The pagoPA creditor-side error for the same situation (paSendRT / paVerifyPaymentNotice), if there is one. */
  public String pagopaCode() {
    return switch (this) {
      case NOTICE_NOT_FOUND -> "PAA_PAGAMENTO_SCONOSCIUTO";
      case ALREADY_PAID -> "PAA_PAGAMENTO_DUPLICATO";
      case EXPIRED -> "PAA_PAGAMENTO_SCADUTO";
      case CANCELLED -> "PAA_PAGAMENTO_ANNULLATO";
      case AMOUNT_MISMATCH -> "PAA_SEMANTICA";
      default -> null;
    };
  }
}
