package it.piazza.identity;

import it.piazza.tenancy.TenantId;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Who may act for whom: parents for their minor children, professionals for their clients. */
public interface Delegations {

  /** The people {@code delegate} may act for on {@code day}, in one comune. */
  List<Delegator> delegatorsOf(TenantId tenant, FiscalCode delegate, LocalDate day);

  /** The delegation that lets {@code delegate} act for {@code delegator} on {@code day}, if any. */
  default Optional<Delegator> find(TenantId tenant, FiscalCode delegate, FiscalCode delegator, LocalDate day) {
    return delegatorsOf(tenant, delegate, day).stream().filter(d -> d.fiscalCode().equals(delegator)).findFirst();
  }
}
