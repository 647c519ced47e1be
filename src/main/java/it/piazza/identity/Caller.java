package it.piazza.identity;

import it.piazza.tenancy.TenantId;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling: a person (citizen or operator) or a client system, of one comune, possibly acting for someone
 * else (a delegator), through one channel.
 *
 * @param fiscalCode the caller's own fiscal code; empty for client systems
 * @param actingFor the delegator this call is made for, checked against the delegations on every call
 */
public record Caller(String subject, String name, Kind kind, Optional<FiscalCode> fiscalCode, Set<Role> roles,
                     TenantId tenant, Optional<OfficeId> office, Set<String> groups, Optional<Delegator> actingFor,
                     Channel channel) {

  public enum Kind { PERSON, OPERATOR, CLIENT }

  public Caller {
    roles = Set.copyOf(roles);
    groups = Set.copyOf(groups);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** Operators (and their managers) of this office. */
  public boolean worksIn(OfficeId office) {
    return (has(Role.OPERATOR) || has(Role.OFFICE_MANAGER)) && this.office.filter(office::equals).isPresent();
  }

  /** The person whose affairs this call concerns: the delegator when acting for one, else the caller. */
  public Optional<FiscalCode> subjectPerson() {
    return actingFor.map(Delegator::fiscalCode).or(() -> fiscalCode);
  }

  public Caller actingFor(Delegator delegator) {
    return new Caller(subject, name, kind, fiscalCode, roles, tenant, office, groups, Optional.of(delegator), channel);
  }

  public Caller through(Channel newChannel) {
    return new Caller(subject, name, kind, fiscalCode, roles, tenant, office, groups, actingFor, newChannel);
  }
}
