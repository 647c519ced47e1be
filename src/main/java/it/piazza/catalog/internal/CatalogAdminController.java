package it.piazza.catalog.internal;

import it.piazza.catalog.internal.StoredDefinitions.Version;
import it.piazza.identity.Callers;
import it.piazza.platform.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The comune administrator changes the comune's services without a release: each change is a new version. */
@RestController
@Tag(name = "Catalog administration")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class CatalogAdminController {

  private final Callers callers;
  private final CatalogAdministration administration;

  CatalogAdminController(Callers callers, CatalogAdministration administration) {
    this.callers = callers;
    this.administration = administration;
  }

  record VersionView(int version, String origin, Instant createdAt, String createdBy) {
    static VersionView of(Version v) {
      return new VersionView(v.version(), v.origin().name().toLowerCase(Locale.ROOT), v.createdAt(), v.createdBy());
    }
  }

  @PutMapping(path = "/api/v1/admin/services/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Store a full service definition as the next version of the comune's service (422 if invalid)")
  JsonNode publish(@PathVariable String id, @RequestBody JsonNode definition, HttpServletRequest request) {
    return administration.publish(callers.current(), id, definition, Problems.languageOf(request));
  }

  @GetMapping("/api/v1/admin/services/{id}")
  @Operation(summary = "The current definition of a service, as stored: the starting point of a change")
  JsonNode current(@PathVariable String id) {
    return administration.current(callers.current(), CatalogController.serviceId(id));
  }

  @GetMapping("/api/v1/admin/services/{id}/versions")
  @Operation(summary = "Every version of a service of the comune, newest first: who stored it, when, from where")
  List<VersionView> versions(@PathVariable String id) {
    return administration.versions(callers.current(), CatalogController.serviceId(id)).stream()
        .map(VersionView::of).toList();
  }
}
