package it.piazza.catalog.internal;

import com.networknt.schema.Schema;
import it.piazza.catalog.FieldError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a service definition must satisfy before it is stored, shipped or sent by an administrator: the meta-schema
 * (catalog/service-definition.schema.json), a form that compiles and accepts its own examples, UI hints that name
 * real fields and label every choice, known categories and life events, conditions on real fields.
 */
@Component
class DefinitionRules {

  static final String META_SCHEMA = "catalog/service-definition.schema.json";

  private final JsonSchemas schemas;
  private final Categories categories;
  private final MessageSource messages;
  private final Schema metaSchema;

  DefinitionRules(JsonSchemas schemas, Categories categories, MessageSource messages, JsonMapper json) {
    this.schemas = schemas;
    this.categories = categories;
    this.messages = messages;
    try (InputStream in = new ClassPathResource(META_SCHEMA).getInputStream()) {
      this.metaSchema = schemas.compile(json.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + META_SCHEMA, e);
    }
  }

  /** Everything wrong with {@code definition}, pointers into it; empty when it may be stored as {@code id}. */
  List<FieldError> check(JsonNode definition, String id, Locale locale) {
    List<FieldError> errors = schemas.errors(metaSchema, definition, locale);
    if (!errors.isEmpty()) {
      // The finer rules below rely on the shape the meta-schema guarantees.
      return errors;
    }
    Findings findings = new Findings(locale);
    if (!definition.get("id").asString().equals(id)) {
      findings.add("/id", "definition.id-mismatch", id);
    }
    JsonNode form = definition.get("form");
    Map<String, JsonNode> fields = fields(form);
    examples(form, locale, findings);
    ui(definition.get("ui"), fields, findings);
    references(definition, fields, findings);
    categories(definition, findings);
    return findings.errors;
  }

  /** Each example is what a citizen could send: the form must compile and accept it. */
  private void examples(JsonNode form, Locale locale, Findings findings) {
    Schema compiled;
    try {
      compiled = schemas.compile(form);
    } catch (RuntimeException notASchema) {
      findings.add("/form", "definition.form-invalid", String.valueOf(notASchema.getMessage()));
      return;
    }
    JsonNode examples = form.get("examples");
    for (int i = 0; i < examples.size(); i++) {
      String at = "/form/examples/" + i;
      schemas.errors(compiled, examples.get(i), locale)
          .forEach(error -> findings.errors.add(new FieldError(at + error.pointer(), error.message())));
    }
  }

  private static void ui(JsonNode ui, Map<String, JsonNode> fields, Findings findings) {
    Set<String> ordered = new HashSet<>();
    JsonNode order = ui.get("order");
    for (int i = 0; i < order.size(); i++) {
      String name = order.get(i).asString();
      ordered.add(name);
      if (name.contains("/") || !fields.containsKey(name)) {
        findings.add("/ui/order/" + i, "definition.unknown-field", name);
      }
    }
    fields.keySet().stream().filter(name -> !name.contains("/") && !ordered.contains(name))
        .forEach(name -> findings.add("/ui/order", "definition.field-not-ordered", name));
    for (Map.Entry<String, JsonNode> entry : ui.get("fields").properties()) {
      if (!fields.containsKey(entry.getKey())) {
        findings.add("/ui/fields/" + JsonSchemas.escape(entry.getKey()), "definition.unknown-field", entry.getKey());
      }
    }
    fields.forEach((path, property) -> {
      JsonNode values = property.has("enum") ? property.get("enum") : property.path("items").path("enum");
      JsonNode options = ui.get("fields").path(path).path("options");
      for (JsonNode value : values) {
        if (!options.has(value.asString())) {
          findings.add("/ui/fields/" + JsonSchemas.escape(path) + "/options", "definition.option-label-missing",
              value.asString());
        }
      }
    });
  }

  /** Conditions and the beneficiary name form fields: a typo would silently never match. */
  private static void references(JsonNode definition, Map<String, JsonNode> fields, Findings findings) {
    if (definition.has("beneficiaryField") && !fields.containsKey(definition.get("beneficiaryField").asString())) {
      findings.add("/beneficiaryField", "definition.unknown-field", definition.get("beneficiaryField").asString());
    }
    for (Map.Entry<String, JsonNode> entry : definition.get("ui").get("fields").properties()) {
      conditionOn(entry.getValue().path("showIf"), "/ui/fields/" + JsonSchemas.escape(entry.getKey()) + "/showIf",
          fields, findings);
    }
    Set<String> kinds = new HashSet<>();
    JsonNode attachments = definition.get("attachments");
    for (int i = 0; i < attachments.size(); i++) {
      JsonNode attachment = attachments.get(i);
      if (!kinds.add(attachment.get("kind").asString())) {
        findings.add("/attachments/" + i + "/kind", "definition.duplicate-attachment",
            attachment.get("kind").asString());
      }
      conditionOn(attachment.path("requiredIf"), "/attachments/" + i + "/requiredIf", fields, findings);
    }
    conditionOn(definition.get("fee").path("waivedIf"), "/fee/waivedIf", fields, findings);
  }

  private static void conditionOn(JsonNode condition, String at, Map<String, JsonNode> fields, Findings findings) {
    if (condition.has("field") && !fields.containsKey(condition.get("field").asString())) {
      findings.add(at + "/field", "definition.unknown-field", condition.get("field").asString());
    }
  }

  private void categories(JsonNode definition, Findings findings) {
    String category = definition.get("category").asString();
    if (categories.category(category).isEmpty()) {
      findings.add("/category", "definition.unknown-category", category);
    }
    JsonNode lifeEvents = definition.get("lifeEvents");
    for (int i = 0; i < lifeEvents.size(); i++) {
      if (categories.lifeEvent(lifeEvents.get(i).asString()).isEmpty()) {
        findings.add("/lifeEvents/" + i, "definition.unknown-life-event", lifeEvents.get(i).asString());
      }
    }
  }

  /** Form fields by path: top-level names, and {@code parent/child} inside objects and arrays of objects. */
  static Map<String, JsonNode> fields(JsonNode form) {
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> top : form.get("properties").properties()) {
      fields.put(top.getKey(), top.getValue());
      JsonNode container = "array".equals(top.getValue().path("type").asString())
          ? top.getValue().path("items") : top.getValue();
      for (Map.Entry<String, JsonNode> child : container.path("properties").properties()) {
        fields.put(top.getKey() + "/" + child.getKey(), child.getValue());
      }
    }
    return fields;
  }

  /** Errors of the rules beyond the meta-schema, in the caller's language. */
  private final class Findings {
    private final Locale locale;
    private final List<FieldError> errors = new ArrayList<>();

    Findings(Locale locale) {
      this.locale = "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.ITALIAN;
    }

    void add(String pointer, String code, String argument) {
      errors.add(new FieldError(pointer, messages.getMessage(code, new Object[] {argument}, code, locale)));
    }
  }
}
