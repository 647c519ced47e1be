package it.piazza.catalog;

import it.piazza.tenancy.TenantId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** The services a comune offers. */
public interface Catalog {

  /** The current version of a service of this comune. */
  Optional<ServiceDefinition> find(TenantId tenant, ServiceId service);

  List<ServiceDefinition> all(TenantId tenant);

  /** Checks application data against the service's form; empty when valid. Messages in {@code locale}. */
  List<FieldError> validate(ServiceDefinition service, JsonNode data, Locale locale);
}
