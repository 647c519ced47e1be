package it.piazza.catalog;

import it.piazza.tenancy.TenantId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The services a comune offers. Definitions handed out are shared and cached: read their {@code form} and
 * {@code ui}, never modify them.
 */
public interface Catalog {

  /** The current version of a service of this comune. */
  Optional<ServiceDefinition> find(TenantId tenant, ServiceId service);

  /** One version of a service, e.g. the one a case was filed under. */
  Optional<ServiceDefinition> find(TenantId tenant, ServiceId service, int version);

  /** The current version of every service of this comune, by id. */
  List<ServiceDefinition> all(TenantId tenant);

  /**
   * Checks application data against the service's form; empty when valid. Each error names the field by JSON
   * Pointer (e.g. {@code /child/fiscalCode}, also for missing and unexpected fields) and says why in {@code locale}:
   * English when asked for, Italian otherwise.
   */
  List<FieldError> validate(ServiceDefinition service, JsonNode data, Locale locale);
}
