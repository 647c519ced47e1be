package it.piazza.cases;

import it.piazza.tenancy.TenantId;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What the payments module may ask of cases, so that the dependency runs from payments to cases only (decision
 * 005): the facts of a case, and the news that its fee is paid.
 */
public interface CasePayments {

  Optional<CaseFacts> find(TenantId tenant, CaseId id);

  /**
   * The fee due before processing is paid: a case {@link CaseStatus#AWAITING_PAYMENT waiting for it} is registered
   * for the office and its legal term starts. Safe to call again: a case that is not waiting is left alone.
   *
   * @return whether the case was waiting and has now been released
   */
  boolean paymentSettled(TenantId tenant, CaseId id, LocalDate paidOn);
}
