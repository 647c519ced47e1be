package it.piazza.catalog.internal;

import com.networknt.schema.Schema;
import it.piazza.catalog.Catalog;
import it.piazza.catalog.FieldError;
import it.piazza.catalog.ServiceDefinition;
import it.piazza.catalog.ServiceId;
import it.piazza.tenancy.TenantId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every comune's catalogue. Versions are immutable, so a parsed definition and its compiled form are kept in memory
 * by (comune, service, version) for good; only "which version is current" is asked of the database each time, so
 * a change made through another node is seen at once.
 */
@Component
class ServiceCatalog implements Catalog {

  private record Key(TenantId tenant, ServiceId id, int version) {}

  private record Compiled(ServiceDefinition definition, Schema form) {}

  private final StoredDefinitions stored;
  private final JsonSchemas schemas;
  private final JsonMapper json;
  private final Map<Key, Compiled> cache = new ConcurrentHashMap<>();

  ServiceCatalog(StoredDefinitions stored, JsonSchemas schemas, JsonMapper json) {
    this.stored = stored;
    this.schemas = schemas;
    this.json = json;
  }

  @Override
  public Optional<ServiceDefinition> find(TenantId tenant, ServiceId service) {
    OptionalInt current = stored.currentVersion(tenant, service);
    return current.isEmpty() ? Optional.empty() : find(tenant, service, current.getAsInt());
  }

  @Override
  public Optional<ServiceDefinition> find(TenantId tenant, ServiceId service, int version) {
    return compiled(new Key(tenant, service, version)).map(Compiled::definition);
  }

  @Override
  public List<ServiceDefinition> all(TenantId tenant) {
    return stored.currentVersions(tenant).entrySet().stream()
        .flatMap(current -> compiled(new Key(tenant, current.getKey(), current.getValue())).stream())
        .map(Compiled::definition)
        .sorted(Comparator.comparing(definition -> definition.id().value()))
        .toList();
  }

  @Override
  public List<FieldError> validate(ServiceDefinition service, JsonNode data, Locale locale) {
    Schema form = compiled(new Key(service.tenant(), service.id(), service.version()))
        .filter(known -> known.definition() == service)
        .map(Compiled::form)
        // A definition built elsewhere (not one this catalogue handed out) is checked against its own form.
        .orElseGet(() -> schemas.compile(service.form()));
    return schemas.errors(form, data, locale);
  }

  /** The stored JSON of a version, as an administrator wrote it. */
  Optional<JsonNode> source(TenantId tenant, ServiceId service, int version) {
    return stored.definition(tenant, service, version).map(json::readTree);
  }

  private Optional<Compiled> compiled(Key key) {
    Compiled known = cache.get(key);
    if (known != null) {
      return Optional.of(known);
    }
    return stored.definition(key.tenant(), key.id(), key.version()).map(text -> {
      JsonNode definition = json.readTree(text);
      Compiled fresh = new Compiled(DefinitionReader.read(key.tenant(), key.version(), definition),
          schemas.compile(definition.get("form")));
      // Two requests may load the same version at once; both then use the first one kept.
      Compiled kept = cache.putIfAbsent(key, fresh);
      return kept == null ? fresh : kept;
    });
  }
}
