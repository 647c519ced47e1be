package it.piazza.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import it.piazza.support.PiazzaTest;
import it.piazza.tenancy.TenantId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Every shipped service's form, drawn as a page would draw it with the form's own example, then posted back as a
 * browser would post those inputs: the data read back is the example again, and valid. Covers every field kind
 * the 24 services use (nested objects, rows, multiple choices, money, conditional fields).
 */
@PiazzaTest
class ServiceFormsRoundTripTests {

  @Autowired
  Catalog catalog;

  @Autowired
  Forms forms;

  @Test
  void everyServiceFormGivesBackItsExampleWhenPostedFromThePage() {
    List<ServiceDefinition> services = catalog.all(new TenantId("c_b001"));
    assertThat(services).hasSize(24);
    for (ServiceDefinition service : services) {
      for (JsonNode example : service.form().path("examples")) {
        List<FormField> fields = forms.fields(service, example, List.of(), Locale.ITALIAN);
        Map<String, List<String>> posted = new LinkedHashMap<>();
        fields.forEach(f -> post(f, posted));
        JsonNode read = forms.read(service, posted);
        assertThat(catalog.validate(service, read, Locale.ITALIAN)).as(service.id() + " read back: " + read).isEmpty();
        assertSame(service.id() + "", example, read, "");
      }
    }
  }

  @Test
  void readingTypesTheValuesAndDropsWhatItsConditionHides() {
    ServiceDefinition refund = catalog.find(new TenantId("c_b001"), new ServiceId("local-tax-refund")).orElseThrow();
    JsonNode read = forms.read(refund, Map.of("amountRequestedCents", List.of("1.234,50"), "refundMethod",
        List.of("cash"), "iban", List.of("IT60 X054 2811 1010 0000 0123 456"), "taxYears", List.of("2024", "2023")));
    assertThat(read.get("amountRequestedCents").asLong()).isEqualTo(123450);
    assertThat(read.has("iban")).as("shown only for bank transfers").isFalse();
    assertThat(read.get("taxYears").size()).isEqualTo(2);
    assertThat(read.get("truthfulnessDeclared").asBoolean()).as("an unticked box reads as no").isFalse();
  }

  private static void post(FormField field, Map<String, List<String>> posted) {
    switch (field.kind()) {
      case GROUP -> field.children().forEach(c -> post(c, posted));
      case ROWS -> field.rows().forEach(row -> row.forEach(c -> post(c, posted)));
      case CHECKBOX -> {
        if ("true".equals(field.value())) {
          posted.put(field.name(), List.of("true"));
        }
      }
      case CHOICES, SELECT, RADIO -> {
        List<String> chosen = new ArrayList<>(field.options().stream().filter(FormField.Option::selected)
            .map(FormField.Option::value).toList());
        if (!chosen.isEmpty()) {
          posted.put(field.name(), chosen);
        }
      }
      default -> {
        if (field.value() != null) {
          posted.put(field.name(), List.of(field.value()));
        }
      }
    }
  }

  /** Equal but for number representations, and for unticked boxes the example leaves out. */
  private static void assertSame(String service, JsonNode expected, JsonNode actual, String path) {
    if (expected.isNumber()) {
      assertThat(actual.isNumber()).as(service + path).isTrue();
      assertThat(new BigDecimal(actual.asString()).compareTo(new BigDecimal(expected.asString())))
          .as(service + path + ": " + actual + " for " + expected).isZero();
    } else if (expected.isObject()) {
      assertThat(actual.isObject()).as(service + path).isTrue();
      for (String name : expected.propertyNames()) {
        assertSame(service, expected.get(name), actual.path(name), path + "/" + name);
      }
      for (String name : actual.propertyNames()) {
        if (!expected.has(name)) {
          assertThat(actual.get(name).isBoolean() && !actual.get(name).asBoolean())
              .as(service + path + "/" + name + " appeared as " + actual.get(name)).isTrue();
        }
      }
    } else if (expected.isArray()) {
      assertThat(actual.size()).as(service + path).isEqualTo(expected.size());
      for (int i = 0; i < expected.size(); i++) {
        assertSame(service, expected.get(i), actual.get(i), path + "/" + i);
      }
    } else {
      assertThat(actual).as(service + path).isEqualTo(expected);
    }
  }
}
