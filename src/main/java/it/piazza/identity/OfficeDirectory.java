package it.piazza.identity;

import it.piazza.tenancy.TenantId;
import java.util.Optional;

/** The offices of a comune, who works in them and their groups. */
public interface OfficeDirectory {

  boolean worksIn(TenantId tenant, OfficeId office, String subject);

  boolean hasGroup(TenantId tenant, OfficeId office, String group);

  /** The office's name, Italian and English. */
  Optional<OfficeName> name(TenantId tenant, OfficeId office);

  record OfficeName(String it, String en) {}
}
