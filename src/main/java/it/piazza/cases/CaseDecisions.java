package it.piazza.cases;

import it.piazza.tenancy.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What the issuance module may ask of cases to write a decided case's documents (decision 006): its facts, when it
 * was filed, and the decision — outcome, day and the office's reason.
 */
public interface CaseDecisions {

  /** A decided case (approved or rejected, by the office or by silence); empty while it is open or unknown. */
  Optional<Decision> decision(TenantId tenant, CaseId id);

  /**
   * @param reason the office's reason as written when deciding; {@code null} when none was given
   */
  record Decision(CaseFacts facts, Instant submittedAt, LocalDate decidedOn, String reason) {}
}
