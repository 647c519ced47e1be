package it.piazza.cases;

import it.piazza.tenancy.TenantId;
import java.util.Optional;

/** What other modules may read of an application, without changing it. */
public interface Cases {

  /** The facts of a case of the comune; empty when the comune has no such case. */
  Optional<CaseFacts> find(TenantId tenant, CaseId id);
}
