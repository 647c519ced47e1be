package it.piazza.identity;

import it.piazza.tenancy.TenantId;
import java.util.List;
import java.util.Optional;

/** The offices of a comune, who works in them and their groups. */
public interface OfficeDirectory {

  boolean worksIn(TenantId tenant, OfficeId office, String subject);

  boolean hasGroup(TenantId tenant, OfficeId office, String group);

  /** The office's name, Italian and English. */
  Optional<OfficeName> name(TenantId tenant, OfficeId office);

  /** The operators of an office, by name: whom a case may be assigned to. */
  List<Member> members(TenantId tenant, OfficeId office);

  /** The operator groups of an office, by name. */
  List<Group> groups(TenantId tenant, OfficeId office);

  record OfficeName(String it, String en) {}

  record Member(String subject, String name) {}

  record Group(String id, String name) {}
}
