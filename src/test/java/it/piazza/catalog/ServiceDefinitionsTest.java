package it.piazza.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The shipped catalogue (src/main/resources/catalog) is complete and consistent, file by file. */
class ServiceDefinitionsTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
      builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
  private static final Schema META_SCHEMA = SCHEMAS.getSchema(read("catalog/service-definition.schema.json"));
  private static final JsonNode CATEGORIES = read("catalog/categories.json");
  private static final Set<String> DEMO_OFFICES = Set.of("anagrafe", "scuola-nidi", "tributi", "edilizia",
      "commercio-mercati", "polizia-locale", "servizi-sociali", "statistica", "segreteria");

  static Stream<Arguments> definitions() throws IOException {
    List<Arguments> definitions = new ArrayList<>();
    for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath:catalog/services/*.json")) {
      try (InputStream in = file.getInputStream()) {
        definitions.add(Arguments.of(file.getFilename(), JSON.readTree(in)));
      }
    }
    return definitions.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("definitions")
  void followsTheMetaSchema(String file, JsonNode definition) {
    assertThat(META_SCHEMA.validate(definition)).extracting(Error::toString).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("definitions")
  void isNamedAfterItsId(String file, JsonNode definition) {
    assertThat(file).isEqualTo(definition.get("id").asString() + ".json");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("definitions")
  void everyExampleFitsItsForm(String file, JsonNode definition) {
    Schema form = SCHEMAS.getSchema(definition.get("form"));
    JsonNode examples = definition.get("form").get("examples");
    assertThat(examples.size()).isPositive();
    for (JsonNode example : examples) {
      assertThat(form.validate(example)).as("example %s", example).extracting(Error::toString).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("definitions")
  void theUiNamesOnlyRealFields(String file, JsonNode definition) {
    Map<String, JsonNode> fields = fields(definition.get("form"));
    for (JsonNode name : definition.get("ui").get("order")) {
      assertThat(definition.get("form").get("properties").has(name.asString())).as("ui.order %s", name).isTrue();
    }
    assertThat(fields).containsKeys(definition.get("ui").get("fields").propertyNames().toArray(String[]::new));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("definitions")
  void everyChoiceHasALabel(String file, JsonNode definition) {
    fields(definition.get("form")).forEach((path, field) -> {
      JsonNode values = field.has("enum") ? field.get("enum") : field.path("items").path("enum");
      JsonNode options = definition.get("ui").get("fields").path(path).path("options");
      for (JsonNode value : values) {
        assertThat(options.has(value.asString())).as("label of %s = %s", path, value).isTrue();
      }
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("definitions")
  void isFiledUnderAKnownCategoryAndLifeEvents(String file, JsonNode definition) {
    assertThat(CATEGORIES.get("categories").findValuesAsString("id")).contains(definition.get("category").asString());
    List<String> lifeEvents = new ArrayList<>();
    definition.get("lifeEvents").forEach(e -> lifeEvents.add(e.asString()));
    assertThat(CATEGORIES.get("lifeEvents").findValuesAsString("id")).containsAll(lifeEvents);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("definitions")
  void belongsToAnOfficeOfTheComune(String file, JsonNode definition) {
    assertThat(DEMO_OFFICES).contains(definition.get("office").asString());
  }

  @Test
  void theCatalogueHoldsTheServicesThePlansAskFor() throws IOException {
    Set<String> ids = new HashSet<>();
    definitions().forEach(arguments -> ids.add(((JsonNode) arguments.get()[1]).get("id").asString()));
    assertThat(ids).hasSizeGreaterThanOrEqualTo(20).contains(
        "registry-certificate", "change-of-residence", "id-card-appointment", "nursery-enrolment",
        "school-canteen-enrolment", "school-bus", "summer-camps", "building-cila", "building-scia", "building-permit",
        "building-records-access", "market-stall", "public-land-occupation", "tari-declaration", "local-tax-refund",
        "home-care", "disabled-parking-permit", "ztl-permit", "public-event", "statistics-data-request",
        "civic-access-foia");
  }

  /** The checks above are only as good as the validator: it must assert formats and enforce the meta-schema. */
  @Test
  void theValidatorRejectsABadDateAndADefinitionWithoutExamples() throws IOException {
    JsonNode nursery = read("catalog/services/nursery-enrolment.json");
    ObjectNode example = (ObjectNode) nursery.get("form").get("examples").get(0).deepCopy();
    ((ObjectNode) example.get("child")).put("birthDate", "2025-02-30");
    assertThat(SCHEMAS.getSchema(nursery.get("form")).validate(example)).extracting(e -> e.getKeyword())
        .containsExactly("format");

    ObjectNode withoutExamples = (ObjectNode) nursery.deepCopy();
    ((ObjectNode) withoutExamples.get("form")).remove("examples");
    assertThat(META_SCHEMA.validate(withoutExamples)).isNotEmpty();
  }

  /** Form fields by path: top-level names, and parent/child inside objects and arrays of objects. */
  private static Map<String, JsonNode> fields(JsonNode form) {
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> top : form.get("properties").properties()) {
      fields.put(top.getKey(), top.getValue());
      JsonNode container = top.getValue().has("items") ? top.getValue().get("items") : top.getValue();
      for (Map.Entry<String, JsonNode> child : container.path("properties").properties()) {
        fields.put(top.getKey() + "/" + child.getKey(), child.getValue());
      }
    }
    return fields;
  }

  private static JsonNode read(String location) {
    try (InputStream in = new ClassPathResource(location).getInputStream()) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException(location, e);
    }
  }
}
