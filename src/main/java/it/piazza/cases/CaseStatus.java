package it.piazza.cases;

import java.util.Locale;
import java.util.Set;

/** Where an application stands. */
public enum CaseStatus {
  SUBMITTED,
  /** Filed and registered, waiting for the fee due before processing (see {@link CasePayments}). */
  AWAITING_PAYMENT,
  REGISTERED,
  IN_PROGRESS,
  AWAITING_INTEGRATION,
  AWAITING_OBSERVATIONS,
  APPROVED,
  REJECTED,
  WITHDRAWN,
  CLOSED;

  public static final Set<CaseStatus> OPEN =
      Set.of(SUBMITTED, AWAITING_PAYMENT, REGISTERED, IN_PROGRESS, AWAITING_INTEGRATION, AWAITING_OBSERVATIONS);

  /** The name used in JSON and URLs: {@code awaiting-integration}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static CaseStatus fromCode(String code) {
    for (CaseStatus status : values()) {
      if (status.code().equals(code)) {
        return status;
      }
    }
    throw new IllegalArgumentException("Unknown case status " + code);
  }

  public boolean isOpen() {
    return OPEN.contains(this);
  }
}
