package it.piazza.payments;

import java.util.Locale;
import java.util.Optional;

/** What a debt position is for. */
public enum PaymentCategory {
  /** Diritti di segreteria and other fees of a service. */
  SERVICE_FEE,
  /** Imposta di bollo paid through pagoPA (DPR 642/1972). */
  STAMP_DUTY,
  /** School canteen (refezione scolastica), charged monthly by meals. */
  CANTEEN,
  /** School bus (trasporto scolastico), charged per term. */
  SCHOOL_BUS,
  /** Waste tax (TARI), usually imported from the tax office's system. */
  TARI,
  OTHER;

  /** The name used in JSON, CSV and configuration: {@code school-bus}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<PaymentCategory> fromCode(String code) {
    for (PaymentCategory category : values()) {
      if (category.code().equals(code)) {
        return Optional.of(category);
      }
    }
    return Optional.empty();
  }
}
