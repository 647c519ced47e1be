package it.piazza.catalog.internal;

import it.piazza.catalog.Catalog;
import it.piazza.catalog.CatalogProblem;
import it.piazza.catalog.ServiceDefinition;
import it.piazza.catalog.ServiceId;
import it.piazza.catalog.internal.ServiceViews.CategoriesView;
import it.piazza.catalog.internal.ServiceViews.Label;
import it.piazza.catalog.internal.ServiceViews.ServiceDetail;
import it.piazza.catalog.internal.ServiceViews.ServiceSummary;
import it.piazza.platform.ProblemException;
import it.piazza.platform.Problems;
import it.piazza.platform.PublicEndpoints;
import it.piazza.tenancy.CurrentTenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.text.Collator;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The comune's catalogue, open to everyone: browse, search, and read a service with its form. */
@RestController
@Tag(name = "Catalog")
class CatalogController {

  private final Catalog catalog;
  private final Categories categories;

  CatalogController(Catalog catalog, Categories categories) {
    this.catalog = catalog;
    this.categories = categories;
  }

  @GetMapping("/api/v1/services")
  @Operation(summary = "The comune's services, by title; q searches titles and summaries (Italian and English)")
  List<ServiceSummary> services(@RequestParam(required = false) String q,
                                @RequestParam(required = false) String category,
                                @RequestParam(required = false) String lifeEvent,
                                @RequestParam(required = false) String office,
                                HttpServletRequest request, HttpServletResponse response) {
    Locale locale = language(request, response);
    Collator byTitle = Collator.getInstance(locale);
    return catalog.all(CurrentTenant.get()).stream()
        .filter(matches(q))
        .filter(s -> category == null || s.category().equals(category))
        .filter(s -> lifeEvent == null || s.lifeEvents().contains(lifeEvent))
        .filter(s -> office == null || s.office().value().equals(office))
        .sorted(Comparator.comparing(s -> s.title().in(locale), byTitle))
        .map(s -> ServiceSummary.of(s, locale))
        .toList();
  }

  @GetMapping("/api/v1/services/{id}")
  @Operation(summary = "One service: descriptions, form (JSON Schema) and its UI hints, attachments, fee, deadline")
  ServiceDetail service(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) {
    Locale locale = language(request, response);
    return catalog.find(CurrentTenant.get(), serviceId(id)).map(s -> ServiceDetail.of(s, locale))
        .orElseThrow(() -> new ProblemException(CatalogProblem.SERVICE_NOT_FOUND, id));
  }

  @GetMapping("/api/v1/catalog/categories")
  @Operation(summary = "The categories and life events services are filed under, with their labels")
  CategoriesView categories(HttpServletRequest request, HttpServletResponse response) {
    Locale locale = language(request, response);
    return new CategoriesView(categories.categories().stream().map(c -> Label.of(c, locale)).toList(),
        categories.lifeEvents().stream().map(e -> Label.of(e, locale)).toList());
  }

  /** A malformed id names no service: the same 404 as an unknown one. */
  static ServiceId serviceId(String id) {
    try {
      return new ServiceId(id);
    } catch (IllegalArgumentException notAnId) {
      throw new ProblemException(CatalogProblem.SERVICE_NOT_FOUND, id);
    }
  }

  private static Locale language(HttpServletRequest request, HttpServletResponse response) {
    Locale locale = Problems.languageOf(request);
    response.setHeader("Content-Language", locale.getLanguage());
    return locale;
  }

  /** Case- and accent-insensitive, in both languages: "citta" finds "città", "nursery" finds the nidi. */
  static Predicate<ServiceDefinition> matches(String q) {
    if (q == null || q.isBlank()) {
      return s -> true;
    }
    String wanted = folded(q.strip());
    return s -> folded(s.title().it() + "\n" + s.title().en() + "\n" + s.summary().it() + "\n" + s.summary().en())
        .contains(wanted);
  }

  private static String folded(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
  }

  @Bean
  static PublicEndpoints catalogPublicEndpoints() {
    return PublicEndpoints.get("/api/v1/services", "/api/v1/services/*", "/api/v1/catalog/categories");
  }
}
