package it.piazza.identity.internal;

import it.piazza.identity.FiscalCode;
import it.piazza.identity.OfficeId;
import it.piazza.identity.Role;
import it.piazza.tenancy.TenantId;
import java.util.Optional;
import java.util.Set;

/** Someone who signs in with the built-in provider: a person (citizen) or an operator of an office. */
record Account(String subject, TenantId tenant, boolean operator, FiscalCode fiscalCode, String givenName,
               String familyName, String email, Set<Role> roles, Optional<OfficeId> office, Set<String> groups,
               String description) {

  public String name() {
    return givenName + " " + familyName;
  }
}
