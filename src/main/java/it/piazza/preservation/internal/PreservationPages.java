package it.piazza.preservation.internal;

import it.piazza.identity.Caller;
import it.piazza.identity.Callers;
import it.piazza.platform.PageController;
import it.piazza.platform.ProtectedPages;
import it.piazza.tenancy.Tenants;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The back-office page where the comune's administrator follows the packages sent to preservation. */
@PageController
class PreservationPages {

  private static final int PAGE_SIZE = 25;
  static final String PATH = "/ufficio/conservazione";

  private final Callers callers;
  private final PackageAdministration administration;
  private final Tenants tenants;

  PreservationPages(Callers callers, PackageAdministration administration, Tenants tenants) {
    this.callers = callers;
    this.administration = administration;
    this.tenants = tenants;
  }

  @GetMapping(PATH)
  String packages(@RequestParam(name = "stato", required = false) String state,
                  @RequestParam(name = "tipo", required = false) String kind,
                  @RequestParam(name = "pagina", defaultValue = "0") int page, Model model) {
    Caller caller = callers.current();
    PackageAdministration.Listing listing = administration.list(caller, state, kind, Math.max(0, page), PAGE_SIZE);
    model.addAttribute("listing", listing);
    model.addAttribute("comune", tenants.find(caller.tenant()).map(t -> t.name()).orElse(caller.tenant().value()));
    model.addAttribute("states", List.of("to-send", "sent", "accepted", "rejected"));
    model.addAttribute("kinds", List.of("case", "case-addendum", "daily-register"));
    model.addAttribute("zone", java.time.ZoneId.of("Europe/Rome"));
    model.addAttribute("page", Math.max(0, page));
    model.addAttribute("pages", (listing.total() + PAGE_SIZE - 1) / PAGE_SIZE);
    model.addAttribute("filter", Map.of("stato", state == null ? "" : state, "tipo", kind == null ? "" : kind));
    return "preservation/packages";
  }

  @PostMapping(PATH + "/{id}/reinvia")
  String resend(@PathVariable UUID id, RedirectAttributes redirect) {
    administration.resend(callers.current(), id);
    redirect.addFlashAttribute("resent", id.toString());
    return "redirect:" + PATH;
  }

  /** Administrators only; ordered before the office's {@code /ufficio/**}, which is for operators. */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  static ProtectedPages preservationAdministratorPages() {
    return ProtectedPages.forRoles(List.of(PATH, PATH + "/**"), "ADMINISTRATOR");
  }
}
