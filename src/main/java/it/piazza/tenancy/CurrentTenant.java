package it.piazza.tenancy;

import java.util.Optional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The comune the current request is for: taken from the access token once the caller is authenticated, from the
 * host name before that (public pages and API). Background work passes tenants explicitly and never uses this.
 */
public final class CurrentTenant {

  private static final String ATTRIBUTE = CurrentTenant.class.getName();

  private CurrentTenant() {}

  public static Optional<TenantId> find() {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request == null) {
      return Optional.empty();
    }
    return Optional.ofNullable((TenantId) request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST));
  }

  public static TenantId get() {
    return find().orElseThrow(() -> new IllegalStateException("No tenant for this request"));
  }

  public static void set(jakarta.servlet.http.HttpServletRequest request, TenantId tenant) {
    request.setAttribute(ATTRIBUTE, tenant);
  }
}
