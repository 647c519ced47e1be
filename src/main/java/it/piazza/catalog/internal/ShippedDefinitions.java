package it.piazza.catalog.internal;

import it.piazza.catalog.FieldError;
import it.piazza.catalog.ServiceId;
import it.piazza.catalog.internal.StoredDefinitions.Origin;
import it.piazza.tenancy.Tenant;
import it.piazza.tenancy.Tenants;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The services shipped with Piazza (catalog/services/*.json), given to every comune at start: a comune gets the
 * services it does not have yet, and a new version of a service whose shipped file changed since the version last
 * shipped to it. A release that changes a file thus supersedes the comune's own edit of that service (which stays
 * in its history). Invalid shipped files stop the start: better no release than a broken form.
 */
@Component
@DependsOnDatabaseInitialization
class ShippedDefinitions {

  static final String LOCATION = "classpath:catalog/services/*.json";
  private static final Logger log = LoggerFactory.getLogger(ShippedDefinitions.class);

  ShippedDefinitions(Tenants tenants, DefinitionRules rules, StoredDefinitions stored, JsonMapper json,
                     TransactionTemplate transactions) {
    Map<ServiceId, String> shipped = read(rules, json);
    for (Tenant tenant : tenants.all()) {
      long added = transactions.execute(status -> shipped.entrySet().stream()
          .filter(file -> stored.storeIfChanged(tenant.id(), file.getKey(), file.getValue(), Origin.SHIPPED,
              Origin.SHIPPED, "piazza:catalog/services/" + file.getKey() + ".json").isPresent())
          .count());
      if (added > 0) {
        log.info("Catalogue of {}: {} shipped service definitions added or updated", tenant.id(), added);
      }
    }
  }

  /** Every shipped definition, checked; throws naming the file and its errors when one is invalid. */
  static Map<ServiceId, String> read(DefinitionRules rules, JsonMapper json) {
    Map<ServiceId, String> definitions = new TreeMap<>(Comparator.comparing(ServiceId::value));
    try {
      for (Resource file : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
        String name = file.getFilename();
        String id = name.substring(0, name.length() - ".json".length());
        JsonNode definition;
        try (InputStream in = file.getInputStream()) {
          definition = json.readTree(in);
        } catch (JacksonException e) {
          throw new IllegalStateException("Shipped service definition catalog/services/" + name
              + " is not valid JSON: " + e.getOriginalMessage());
        }
        List<FieldError> errors = rules.check(definition, id, Locale.ENGLISH);
        if (!errors.isEmpty()) {
          throw new IllegalStateException("Shipped service definition catalog/services/" + name + " is invalid: "
              + errors.stream().map(e -> e.pointer() + ": " + e.message()).collect(Collectors.joining("; ")));
        }
        definitions.put(new ServiceId(id), json.writeValueAsString(definition));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the shipped service definitions", e);
    }
    return definitions;
  }
}
