package it.piazza.catalog.internal;

import it.piazza.audit.AuditLog;
import it.piazza.audit.AuditRecord;
import it.piazza.catalog.CatalogProblem;
import it.piazza.catalog.FieldError;
import it.piazza.catalog.ServiceId;
import it.piazza.catalog.internal.StoredDefinitions.Origin;
import it.piazza.catalog.internal.StoredDefinitions.Version;
import it.piazza.identity.Caller;
import it.piazza.platform.CommonProblem;
import it.piazza.platform.ProblemException;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** A comune administrator changes the comune's services: checked like shipped ones, stored as a new version. */
@Component
class CatalogAdministration {

  private final DefinitionRules rules;
  private final StoredDefinitions stored;
  private final ServiceCatalog catalog;
  private final AuditLog auditLog;
  private final JsonMapper json;

  CatalogAdministration(DefinitionRules rules, StoredDefinitions stored, ServiceCatalog catalog, AuditLog auditLog,
                        JsonMapper json) {
    this.rules = rules;
    this.stored = stored;
    this.catalog = catalog;
    this.auditLog = auditLog;
    this.json = json;
  }

  /**
   * Stores {@code definition} as the next version of service {@code id} of the caller's comune (the first, for a
   * new service) and answers it as stored. Sending the current content again stores nothing and answers the current
   * version, as a PUT should.
   */
  @Transactional
  JsonNode publish(Caller caller, String id, JsonNode definition, Locale locale) {
    List<FieldError> errors = rules.check(definition, id, locale);
    if (!errors.isEmpty()) {
      throw new ProblemException(CatalogProblem.INVALID_DEFINITION).with("errors", errors);
    }
    ServiceId service = new ServiceId(id);
    OptionalInt version = stored.storeIfChanged(caller.tenant(), service, json.writeValueAsString(definition),
        Origin.ADMINISTRATOR, null, caller.subject());
    if (version.isPresent()) {
      auditLog.record(AuditRecord.by(caller, "change-service-definition", "service-definition",
          id + "@" + version.getAsInt(), null, "catalogue administration"));
      return catalog.source(caller.tenant(), service, version.getAsInt()).orElseThrow();
    }
    JsonNode current = current(caller, service);
    if (!withoutVersion(current).equals(withoutVersion(definition))) {
      // Another administrator stored a version between our read of the number and our insert.
      throw new ProblemException(CommonProblem.CONFLICT);
    }
    return current;
  }

  JsonNode current(Caller caller, ServiceId service) {
    int version = stored.currentVersion(caller.tenant(), service)
        .orElseThrow(() -> new ProblemException(CatalogProblem.SERVICE_NOT_FOUND, service.value()));
    return catalog.source(caller.tenant(), service, version).orElseThrow();
  }

  List<Version> versions(Caller caller, ServiceId service) {
    List<Version> versions = stored.versions(caller.tenant(), service);
    if (versions.isEmpty()) {
      throw new ProblemException(CatalogProblem.SERVICE_NOT_FOUND, service.value());
    }
    return versions;
  }

  private static JsonNode withoutVersion(JsonNode definition) {
    JsonNode copy = definition.deepCopy();
    ((ObjectNode) copy).remove("version");
    return copy;
  }
}
