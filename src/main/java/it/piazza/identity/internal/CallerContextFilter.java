package it.piazza.identity.internal;

import it.piazza.identity.ActedOnBehalf;
import it.piazza.identity.Caller;
import it.piazza.identity.Delegations;
import it.piazza.identity.Delegator;
import it.piazza.identity.FiscalCode;
import it.piazza.identity.IdentityProblem;
import it.piazza.platform.Problems;
import it.piazza.tenancy.CurrentTenant;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs once the caller is authenticated: the request now belongs to the caller's comune, and a request made for
 * someone else ({@code On-Behalf-Of: <fiscal code>}) is checked against the delegations and recorded — on every
 * call, so a revoked delegation stops working at once.
 */
class CallerContextFilter extends OncePerRequestFilter {

  static final String ON_BEHALF_OF = "On-Behalf-Of";

  private final Delegations delegations;
  private final Problems problems;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  CallerContextFilter(Delegations delegations, Problems problems, ApplicationEventPublisher events, Clock clock) {
    this.delegations = delegations;
    this.problems = problems;
    this.events = events;
    this.clock = clock;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var context = SecurityContextHolder.getContext();
    if (context.getAuthentication() instanceof CallerAuthentication authentication) {
      Caller caller = authentication.getPrincipal();
      CurrentTenant.set(request, caller.tenant());
      String onBehalfOf = request.getHeader(ON_BEHALF_OF);
      if (onBehalfOf != null && !onBehalfOf.isBlank()) {
        Optional<FiscalCode> delegator = parse(onBehalfOf);
        if (delegator.isEmpty()) {
          problems.write(request, response, IdentityProblem.INVALID_FISCAL_CODE, onBehalfOf);
          return;
        }
        Optional<Delegator> delegation = caller.fiscalCode().flatMap(own ->
            delegations.find(caller.tenant(), own, delegator.get(), LocalDate.now(clock)));
        if (delegation.isEmpty()) {
          problems.write(request, response, IdentityProblem.NOT_A_DELEGATE);
          return;
        }
        Caller acting = caller.actingFor(delegation.get());
        var replaced = new CallerAuthentication(acting, authentication.getCredentials());
        context.setAuthentication(replaced);
        events.publishEvent(new ActedOnBehalf(caller.tenant(), caller.subject(), delegation.get().fiscalCode(),
            delegation.get().kind(), request.getMethod() + " " + request.getRequestURI(), caller.channel()));
      }
    }
    chain.doFilter(request, response);
  }

  private static Optional<FiscalCode> parse(String raw) {
    try {
      return Optional.of(FiscalCode.of(raw));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
