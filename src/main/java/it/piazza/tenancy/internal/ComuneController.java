package it.piazza.tenancy.internal;

import it.piazza.platform.PublicEndpoints;
import it.piazza.tenancy.CurrentTenant;
import it.piazza.tenancy.Tenant;
import it.piazza.tenancy.Tenants;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The comune a request is for: by host name for the public, by token for signed-in callers. */
@RestController
@Tag(name = "Comune")
class ComuneController {

  private final Tenants tenants;

  ComuneController(Tenants tenants) {
    this.tenants = tenants;
  }

  record ComuneView(String id, String name, String istatCode, String fiscalCode, String primaryColor, String logoUrl) {
    static ComuneView of(Tenant t) {
      return new ComuneView(t.id().value(), t.name(), t.istatCode().value(), t.fiscalCode().value(),
          t.branding().primaryColor(), t.branding().logoUrl());
    }
  }

  @GetMapping("/api/v1/comune")
  @Operation(summary = "The comune this address serves: name, ISTAT and IPA codes, fiscal code, branding")
  ComuneView comune() {
    return ComuneView.of(tenants.find(CurrentTenant.get()).orElseThrow());
  }

  @Bean
  static PublicEndpoints comunePublicEndpoint() {
    return PublicEndpoints.get("/api/v1/comune");
  }
}
