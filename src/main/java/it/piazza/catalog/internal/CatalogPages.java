package it.piazza.catalog.internal;

import it.piazza.catalog.Catalog;
import it.piazza.catalog.CatalogProblem;
import it.piazza.catalog.ServiceDefinition;
import it.piazza.identity.OfficeDirectory;
import it.piazza.platform.PageController;
import it.piazza.platform.ProblemException;
import it.piazza.tenancy.CurrentTenant;
import it.piazza.tenancy.TenantId;
import java.text.Collator;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The portal's home (the comune's catalogue: search, categories, life events) and a page for each service. */
@PageController
class CatalogPages {

  private final Catalog catalog;
  private final Categories categories;
  private final OfficeDirectory offices;

  CatalogPages(Catalog catalog, Categories categories, OfficeDirectory offices) {
    this.catalog = catalog;
    this.categories = categories;
    this.offices = offices;
  }

  record Card(String id, String title, String summary, String category, boolean online) {}

  record Choice(String id, String title, boolean selected) {}

  @GetMapping("/")
  String home(@RequestParam(required = false) String q, @RequestParam(name = "categoria", required = false) String category,
              @RequestParam(name = "evento", required = false) String lifeEvent, Locale locale, Model model) {
    List<ServiceDefinition> all = catalog.all(CurrentTenant.get());
    Collator byTitle = Collator.getInstance(locale);
    List<Card> found = all.stream()
        .filter(CatalogController.matches(q))
        .filter(s -> blank(category) || s.category().equals(category))
        .filter(s -> blank(lifeEvent) || s.lifeEvents().contains(lifeEvent))
        .sorted(Comparator.comparing(s -> s.title().in(locale), byTitle))
        .map(s -> new Card(s.id().value(), s.title().in(locale), s.summary().in(locale), categoryTitle(s, locale),
            s.channels().contains("online")))
        .toList();
    // Only the categories and life events some service is filed under: no dead ends.
    Set<String> usedCategories = new LinkedHashSet<>();
    Set<String> usedEvents = new LinkedHashSet<>();
    all.forEach(s -> {
      usedCategories.add(s.category());
      usedEvents.addAll(s.lifeEvents());
    });
    model.addAttribute("q", q == null ? "" : q.strip());
    model.addAttribute("services", found);
    model.addAttribute("filtered", !blank(q) || !blank(category) || !blank(lifeEvent));
    model.addAttribute("categories", categories.categories().stream().filter(c -> usedCategories.contains(c.id()))
        .map(c -> new Choice(c.id(), c.title().in(locale), c.id().equals(category))).toList());
    model.addAttribute("lifeEvents", categories.lifeEvents().stream().filter(e -> usedEvents.contains(e.id()))
        .map(e -> new Choice(e.id(), e.title().in(locale), e.id().equals(lifeEvent))).toList());
    return "catalog/home";
  }

  record Attachment(String title, String help, boolean required, boolean conditional) {}

  @GetMapping("/servizi/{id}")
  String service(@PathVariable String id, Locale locale, Model model) {
    TenantId tenant = CurrentTenant.get();
    ServiceDefinition service = catalog.find(tenant, CatalogController.serviceId(id))
        .orElseThrow(() -> new ProblemException(CatalogProblem.SERVICE_NOT_FOUND, id));
    model.addAttribute("service", service);
    model.addAttribute("title", service.title().in(locale));
    model.addAttribute("summary", service.summary().in(locale));
    model.addAttribute("description", service.description().in(locale));
    model.addAttribute("whoCanApply", service.whoCanApply().in(locale));
    model.addAttribute("documentsNeeded", service.documentsNeeded().in(locale));
    model.addAttribute("legalBasis", service.legalBasis().in(locale));
    model.addAttribute("category", categoryTitle(service, locale));
    model.addAttribute("office", offices.name(tenant, service.office())
        .map(n -> "en".equals(locale.getLanguage()) ? n.en() : n.it()).orElse(service.office().value()));
    model.addAttribute("attachments", service.attachments().stream().map(a -> new Attachment(a.title().in(locale),
        a.help().map(h -> h.in(locale)).orElse(null), a.required(), a.requiredIf().isPresent())).toList());
    model.addAttribute("fee", service.fee().map(f -> ServiceForms.euros(f.amountCents(), true)).orElse(null));
    model.addAttribute("feeDescription", service.fee().map(f -> f.description().in(locale)).orElse(null));
    model.addAttribute("online", service.channels().contains("online"));
    model.addAttribute("desk", service.channels().contains("desk"));
    return "catalog/service";
  }

  private String categoryTitle(ServiceDefinition s, Locale locale) {
    return categories.category(s.category()).map(c -> c.title().in(locale)).orElse(s.category());
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
