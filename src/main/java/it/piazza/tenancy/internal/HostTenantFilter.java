package it.piazza.tenancy.internal;

import it.piazza.tenancy.CurrentTenant;
import it.piazza.tenancy.Tenants;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Picks the comune of a request from its host name; authentication may later replace it with the token's. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class HostTenantFilter extends OncePerRequestFilter {

  private final Tenants tenants;

  HostTenantFilter(Tenants tenants) {
    this.tenants = tenants;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    CurrentTenant.set(request, tenants.forHost(request.getServerName()).id());
    chain.doFilter(request, response);
  }
}
