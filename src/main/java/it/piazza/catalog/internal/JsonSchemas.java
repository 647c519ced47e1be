package it.piazza.catalog.internal;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import it.piazza.catalog.FieldError;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * Compiles JSON Schemas (2020-12) and checks data against them, answering {@link FieldError}s: a JSON Pointer to the
 * field at fault and the validator's own localized message (networknt ships Italian and English ones).
 */
@Component
class JsonSchemas {

  private final SchemaRegistry registry;

  JsonSchemas() {
    SchemaRegistryConfig config = SchemaRegistryConfig.builder()
        // In 2020-12 "format" only annotates unless asked: a form's date or e-mail must really be one.
        .formatAssertionsEnabled(true)
        .pathType(PathType.JSON_POINTER)
        .locale(Locale.ITALIAN)
        .build();
    // Schemas come from definitions an administrator may write: never let one make the server fetch a URL.
    this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
        builder -> builder.schemaRegistryConfig(config).schemaLoader(loader -> loader.fetchRemoteResources(false)));
  }

  /** Compiles a schema; throws a runtime exception when it cannot be compiled. */
  Schema compile(JsonNode schema) {
    Schema compiled = registry.getSchema(schema);
    compiled.initializeValidators();
    return compiled;
  }

  /** Where {@code data} breaks {@code schema}, with messages in Italian unless English is asked for. */
  List<FieldError> errors(Schema schema, JsonNode data, Locale locale) {
    Locale language = "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.ITALIAN;
    List<Error> errors = schema.validate(data == null ? NullNode.getInstance() : data,
        context -> context.executionConfig(config -> config.locale(language)));
    return errors.stream().map(JsonSchemas::toFieldError).distinct().toList();
  }

  /**
   * The pointer names the field itself: the validator reports a missing or unexpected property at its parent
   * object, but a form shows the message beside the field.
   */
  private static FieldError toFieldError(Error error) {
    String pointer = error.getInstanceLocation().toString();
    String property = error.getProperty();
    boolean aboutAProperty = switch (String.valueOf(error.getKeyword())) {
      case "required", "additionalProperties", "dependentRequired", "unevaluatedProperties" -> true;
      default -> false;
    };
    if (aboutAProperty && property != null) {
      pointer = pointer + "/" + escape(property);
    }
    return new FieldError(pointer, error.getMessage());
  }

  /** RFC 6901: '~' and '/' inside a name are written '~0' and '~1'. */
  static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
