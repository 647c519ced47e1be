package it.piazza.portal.internal;

import it.piazza.identity.Caller;
import it.piazza.identity.Callers;
import it.piazza.identity.Role;
import it.piazza.tenancy.CurrentTenant;
import it.piazza.tenancy.Tenant;
import it.piazza.tenancy.Tenants;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What every page's frame shows: the comune, who is signed in, where they may go. Read by the layout template as
 * {@code @shell}, so that error pages (which get no model from controllers) show the same frame.
 */
@Component("shell")
class PortalShell {

  private final Tenants tenants;
  private final Callers callers;

  PortalShell(Tenants tenants, Callers callers) {
    this.tenants = tenants;
    this.callers = callers;
  }

  public String comune() {
    return tenant().name();
  }

  public String primaryColor() {
    String color = tenant().branding() == null ? null : tenant().branding().primaryColor();
    return color == null || !color.matches("#[0-9A-Fa-f]{6}") ? "#0066CC" : color;
  }

  /** A moment as Italians read it, in Italian legal time: 14/03/2026 10:32. */
  public String when(java.time.Instant at) {
    return at == null ? "" : java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
        .withZone(java.time.ZoneId.of("Europe/Rome")).format(at);
  }

  public boolean signedIn() {
    return callers.find().isPresent();
  }

  public String name() {
    return callers.find().map(Caller::name).orElse("");
  }

  /** Operators and office managers reach the back office. */
  public boolean staff() {
    return callers.find().map(c -> c.has(Role.OPERATOR) || c.has(Role.OFFICE_MANAGER)).orElse(false);
  }

  /** The comune's administrators reach its administration pages (preservation). */
  public boolean administrator() {
    return callers.find().map(c -> c.has(Role.ADMINISTRATOR)).orElse(false);
  }

  public boolean citizen() {
    return callers.find().map(c -> c.fiscalCode().isPresent() && !staff()).orElse(false);
  }

  // Which entry of the navigation is the current page's (aria-current).

  public boolean atServices() {
    String path = path();
    return path.equals("/") || path.startsWith("/servizi") || path.startsWith("/domande/nuova");
  }

  public boolean atFile() {
    return path().startsWith("/fascicolo");
  }

  public boolean atOffice() {
    return path().startsWith("/ufficio") && !atDesk() && !atPreservation();
  }

  public boolean atPreservation() {
    return path().startsWith("/ufficio/conservazione");
  }

  public boolean atDesk() {
    return path().startsWith("/ufficio/sportello");
  }

  private static String path() {
    try {
      String path = ServletUriComponentsBuilder.fromCurrentRequest().build().getPath();
      return path == null ? "" : path;
    } catch (IllegalStateException noRequest) {
      return "";
    }
  }

  private Tenant tenant() {
    Optional<Tenant> current = CurrentTenant.find().flatMap(tenants::find);
    return current.orElseGet(() -> tenants.find(tenants.defaultTenant()).orElseThrow());
  }
}
