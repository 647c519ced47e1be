package it.piazza.payments.internal;

import it.piazza.tenancy.TenantId;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The payments settings, per comune where they differ ({@code piazza.payments}): the segregation code PagoPA
 * assigned to it, the canteen's price per meal, the school bus fee per term, how many days a notice gives to pay.
 * Map keys are tenant ids; write them in brackets in YAML ({@code "[c_b001]": "02"}) to keep the underscore.
 */
@ConfigurationProperties("piazza.payments")
record PaymentsProperties(Map<String, String> segregationCodes, Map<String, Long> mealPriceCents,
                          Map<String, Long> schoolBusTermFeeCents, Integer daysToPay,
                          Map<String, String> enrolmentServices) {

  static final String DEFAULT_SEGREGATION_CODE = "01";
  static final long DEFAULT_MEAL_PRICE_CENTS = 450;
  static final long DEFAULT_SCHOOL_BUS_TERM_FEE_CENTS = 12_000;

  PaymentsProperties {
    segregationCodes = segregationCodes == null ? Map.of() : Map.copyOf(segregationCodes);
    mealPriceCents = mealPriceCents == null ? Map.of() : Map.copyOf(mealPriceCents);
    schoolBusTermFeeCents = schoolBusTermFeeCents == null ? Map.of() : Map.copyOf(schoolBusTermFeeCents);
    daysToPay = daysToPay == null ? 30 : daysToPay;
    enrolmentServices = enrolmentServices == null || enrolmentServices.isEmpty()
        ? Map.of("school-canteen-enrolment", "canteen", "school-bus", "school-bus") : Map.copyOf(enrolmentServices);
    segregationCodes.forEach((tenant, code) -> {
      if (code == null || !code.matches("[0-9]{2}")) {
        throw new IllegalStateException("piazza.payments.segregation-codes." + tenant + " must be 2 digits");
      }
    });
  }

  String segregationCode(TenantId tenant) {
    return lookup(segregationCodes, tenant, DEFAULT_SEGREGATION_CODE);
  }

  long mealPriceCents(TenantId tenant) {
    return lookup(mealPriceCents, tenant, DEFAULT_MEAL_PRICE_CENTS);
  }

  long schoolBusTermFeeCents(TenantId tenant) {
    return lookup(schoolBusTermFeeCents, tenant, DEFAULT_SCHOOL_BUS_TERM_FEE_CENTS);
  }

  /** Relaxed binding drops the underscore of unbracketed keys (c_b001 becomes cb001): accept both spellings. */
  private static <T> T lookup(Map<String, T> values, TenantId tenant, T fallback) {
    T value = values.get(tenant.value());
    if (value == null) {
      value = values.get(tenant.value().replace("_", ""));
    }
    return value == null ? fallback : value;
  }
}
