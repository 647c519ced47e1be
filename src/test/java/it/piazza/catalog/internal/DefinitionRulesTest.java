package it.piazza.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import it.piazza.catalog.FieldError;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The rules beyond the meta-schema that keep a definition renderable, checked before anything is stored. */
class DefinitionRulesTest {

  private final JsonMapper json = JsonMapper.builder().build();
  private final DefinitionRules rules = new DefinitionRules(new JsonSchemas(), Categories.fromClasspath(json),
      messages(), json);

  @Test
  void aShippedDefinitionPasses() {
    assertThat(rules.check(nursery(), "nursery-enrolment", Locale.ITALIAN)).isEmpty();
  }

  @Test
  void theUiMayNameOnlyFieldsOfTheFormAndMustOrderThemAll() {
    ObjectNode nursery = nursery();
    ArrayNode order = (ArrayNode) nursery.get("ui").get("order");
    order.set(order.size() - 1, "privacyConsent");
    ((ObjectNode) nursery.get("ui").get("fields")).set("child/shoeSize",
        json.readTree("{\"label\": {\"it\": \"Numero di scarpe\", \"en\": \"Shoe size\"}}"));

    assertThat(rules.check(nursery, "nursery-enrolment", Locale.ITALIAN)).containsExactlyInAnyOrder(
        new FieldError("/ui/order/14", "il campo 'privacyConsent' non esiste nel modulo"),
        new FieldError("/ui/order", "il campo 'privacyAcknowledged' del modulo manca dall'ordine di visualizzazione"),
        new FieldError("/ui/fields/child~1shoeSize", "il campo 'child/shoeSize' non esiste nel modulo"));
  }

  @Test
  void everyChoiceNeedsALabel() {
    ObjectNode nursery = nursery();
    ((ArrayNode) nursery.get("form").get("properties").get("attendance").get("enum")).add("evenings");

    assertThat(rules.check(nursery, "nursery-enrolment", Locale.ENGLISH))
        .containsExactly(new FieldError("/ui/fields/attendance/options", "the option 'evenings' has no label"));
  }

  @Test
  void conditionsNameRealFieldsAndAttachmentKindsAreUnique() {
    ObjectNode nursery = nursery();
    ArrayNode attachments = (ArrayNode) nursery.get("attachments");
    ((ObjectNode) attachments.get(1).get("requiredIf")).put("field", "childDisabled");
    attachments.add(attachments.get(0).deepCopy());

    assertThat(rules.check(nursery, "nursery-enrolment", Locale.ENGLISH)).containsExactlyInAnyOrder(
        new FieldError("/attachments/1/requiredIf/field", "the form has no field 'childDisabled'"),
        new FieldError("/attachments/2/kind", "the attachment kind 'isee-certificate' is defined twice"));
  }

  @Test
  void theMetaSchemaComesFirst() {
    ObjectNode nursery = nursery();
    nursery.remove("legalBasis");
    nursery.put("category", "astronautica");

    assertThat(rules.check(nursery, "nursery-enrolment", Locale.ENGLISH))
        .as("finer rules wait until the shape is right")
        .containsExactly(new FieldError("/legalBasis", "required property 'legalBasis' not found"));
  }

  private ObjectNode nursery() {
    try (InputStream in = new ClassPathResource("catalog/services/nursery-enrolment.json").getInputStream()) {
      return (ObjectNode) json.readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ResourceBundleMessageSource messages() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasename("i18n/catalog");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    return messages;
  }
}
