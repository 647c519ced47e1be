package it.piazza.identity.internal;

import it.piazza.identity.Caller;
import it.piazza.identity.Callers;
import it.piazza.identity.Delegations;
import it.piazza.identity.Delegator;
import it.piazza.identity.FiscalCode;
import it.piazza.identity.OfficeId;
import it.piazza.identity.Role;
import it.piazza.tenancy.Tenants;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller as Piazza sees them. */
@RestController
@Tag(name = "Identity")
class MeController {

  private final Callers callers;
  private final Delegations delegations;
  private final Tenants tenants;
  private final Clock clock;

  MeController(Callers callers, Delegations delegations, Tenants tenants, Clock clock) {
    this.callers = callers;
    this.delegations = delegations;
    this.tenants = tenants;
    this.clock = clock;
  }

  record Me(String subject, String name, String kind, String fiscalCode, List<String> roles, TenantView tenant,
            String office, List<String> groups, DelegatorView actingFor, List<DelegatorView> delegators) {}

  record TenantView(String id, String name) {}

  record DelegatorView(String fiscalCode, String name, String kind, String mandateReference) {
    static DelegatorView of(Delegator d) {
      return new DelegatorView(d.fiscalCode().value(), d.name(), d.kind().name().toLowerCase(), d.mandateReference());
    }
  }

  @GetMapping("/api/v1/me")
  @Operation(summary = "Who am I: subject, roles, comune, office, and the people I may act for")
  Me me() {
    Caller caller = callers.current();
    List<DelegatorView> delegators = caller.fiscalCode()
        .map(own -> delegations.delegatorsOf(caller.tenant(), own, LocalDate.now(clock)))
        .orElse(List.of()).stream().map(DelegatorView::of).toList();
    String tenantName = tenants.find(caller.tenant()).map(t -> t.name()).orElse(null);
    return new Me(caller.subject(), caller.name(), caller.kind().name().toLowerCase(),
        caller.fiscalCode().map(FiscalCode::value).orElse(null),
        caller.roles().stream().map(Role::code).sorted().toList(),
        new TenantView(caller.tenant().value(), tenantName),
        caller.office().map(OfficeId::value).orElse(null), caller.groups().stream().sorted().toList(),
        caller.actingFor().map(DelegatorView::of).orElse(null), delegators);
  }
}
