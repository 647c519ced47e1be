package it.piazza.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import it.piazza.support.Api;
import it.piazza.support.PiazzaTest;
import it.piazza.tenancy.TenantId;
import java.net.http.HttpRequest;
import java.text.Collator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The catalogue over HTTP: the public browses and reads services, a comune's administrator changes them without a
 * release. Only Valle Serena's catalogue (c_v002, host valleserena.localhost) is changed here; Borgo Piazza's
 * (c_b001, host localhost) stays as shipped, which the isolation test relies on.
 */
@PiazzaTest
class CatalogApiTests {

  private static final String VALLE = "valleserena.localhost";

  @Autowired
  Api api;

  @Autowired
  Catalog catalog;

  @Autowired
  JdbcClient jdbc;

  @Test
  void theCatalogueListsEveryServiceByTitleInItalian() {
    Api.Response answer = api.get("/api/v1/services", null);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.header("Content-Language")).isEqualTo("it");
    JsonNode services = answer.json();
    assertThat(services.size()).isGreaterThanOrEqualTo(20);
    List<String> titles = services.findValuesAsString("title");
    assertThat(titles).isSortedAccordingTo(Collator.getInstance(Locale.ITALIAN)::compare);
    JsonNode certificate = item(services, "registry-certificate");
    assertThat(certificate.get("title").asString()).isEqualTo("Certificati anagrafici");
    assertThat(certificate.get("office").asString()).isEqualTo("anagrafe");
    assertThat(certificate.get("category").asString()).isEqualTo("anagrafe-stato-civile");
    assertThat(certificate.get("lifeEvents").toString()).contains("cambio-residenza");
    assertThat(certificate.get("feeAmountCents").asLong()).isEqualTo(1600);
    assertThat(certificate.get("legalDeadlineDays").asInt()).isEqualTo(3);
    assertThat(item(services, "nursery-enrolment").has("feeAmountCents")).as("a free service").isFalse();
  }

  @Test
  void searchLooksInTitlesAndSummariesInBothLanguages() {
    assertThat(ids(api.get("/api/v1/services?q=NIDO", null).json())).contains("nursery-enrolment")
        .doesNotContain("change-of-residence");
    assertThat(ids(api.get("/api/v1/services?q=disabilita", null).json()))
        .as("accents do not matter").contains("disabled-parking-permit");

    JsonNode english = api.get("/api/v1/services?q=nursery", null, "Accept-Language", "en-GB,en;q=0.8").json();
    assertThat(ids(english)).contains("nursery-enrolment").doesNotContain("building-permit");
    assertThat(item(english, "nursery-enrolment").get("title").asString()).isEqualTo("Nursery enrolment");
    assertThat(api.get("/api/v1/services?q=residence", null).json().findValuesAsString("title"))
        .as("English words find services, shown in Italian").contains("Cambio di residenza");

    assertThat(api.get("/api/v1/services?q=zzzqqq", null).json().isEmpty()).isTrue();
  }

  @Test
  void theListFiltersByCategoryLifeEventAndOffice() {
    assertThat(ids(api.get("/api/v1/services?office=edilizia", null).json()))
        .containsExactlyInAnyOrder("building-cila", "building-permit", "building-records-access", "building-scia");
    JsonNode education = api.get("/api/v1/services?category=educazione-formazione", null).json();
    assertThat(education.findValuesAsString("category")).containsOnly("educazione-formazione");
    assertThat(ids(education)).contains("nursery-enrolment", "school-bus", "summer-camps");
    assertThat(ids(api.get("/api/v1/services?lifeEvent=cambio-residenza&office=anagrafe", null).json()))
        .containsExactlyInAnyOrder("change-of-residence", "registry-certificate");
  }

  @Test
  void aServiceShowsItsFormAndWhatItTakesToApply() {
    Api.Response answer = api.get("/api/v1/services/nursery-enrolment", null);

    assertThat(answer.status()).isEqualTo(200);
    JsonNode nursery = answer.json();
    assertThat(nursery.get("title").asString()).isEqualTo("Iscrizione al nido d'infanzia");
    assertThat(nursery.get("version").asInt()).isEqualTo(1);
    assertThat(nursery.get("schema").get("$schema").asString())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(nursery.get("schema").get("properties").get("child").get("required").toString())
        .contains("fiscalCode");
    assertThat(nursery.get("ui").get("order").get(0).asString()).isEqualTo("child");
    assertThat(nursery.get("attachments").findValuesAsString("kind"))
        .containsExactly("isee-certificate", "disability-certificate");
    assertThat(nursery.get("attachments").get(1).get("requiredIf").get("field").asString())
        .isEqualTo("childWithDisability");
    assertThat(nursery.get("legalDeadlineDays").asInt()).isEqualTo(60);
    assertThat(nursery.get("tacitApproval").asBoolean()).isFalse();
    assertThat(nursery.get("workflow").asString()).isEqualTo("default");
    assertThat(nursery.get("issues").get("document").asString()).isEqualTo("decision");
    assertThat(nursery.get("legalBasis").asString()).contains("D.Lgs. 65/2017");
    assertThat(nursery.get("beneficiaryField").asString()).isEqualTo("child/fiscalCode");

    JsonNode certificate = api.get("/api/v1/services/registry-certificate", null, "Accept-Language", "en").json();
    assertThat(certificate.get("title").asString()).isEqualTo("Registry certificates");
    assertThat(certificate.get("fee").get("amountCents").asLong()).isEqualTo(1600);
    assertThat(certificate.get("fee").get("due").asString()).isEqualTo("before-processing");
  }

  @Test
  void anUnknownServiceIsANotFoundProblem() {
    Api.Response answer = api.get("/api/v1/services/no-such-service", null);
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.isProblem()).isTrue();
    assertThat(answer.json().get("code").asString()).isEqualTo("service-not-found");
    assertThat(answer.json().get("title").asString()).isEqualTo("Servizio non trovato");
    assertThat(answer.json().get("detail").asString()).contains("no-such-service");

    Api.Response malformed = api.get("/api/v1/services/Not_An_Id", null, "Accept-Language", "en");
    assertThat(malformed.status()).isEqualTo(404);
    assertThat(malformed.json().get("title").asString()).isEqualTo("Service not found");
  }

  @Test
  void categoriesAndLifeEventsHaveLabels() {
    JsonNode italian = api.get("/api/v1/catalog/categories", null).json();
    assertThat(label(italian.get("categories"), "educazione-formazione")).isEqualTo("Educazione e formazione");
    assertThat(label(italian.get("lifeEvents"), "nascita-figlio")).isEqualTo("Nascita di un figlio, adozione");
    JsonNode english = api.get("/api/v1/catalog/categories", null, "Accept-Language", "en").json();
    assertThat(label(english.get("categories"), "educazione-formazione")).isEqualTo("Education and training");
  }

  @Test
  void aComuneChangesItsOwnCatalogueAndNoOneElses() {
    String silvia = api.token("silvia.bruno");
    JsonNode borgoBefore = api.get("/api/v1/services/school-bus", null).json();
    ObjectNode definition = current(silvia, "school-bus");
    int before = definition.get("version").asInt();
    ((ObjectNode) definition.get("title")).put("it", "Scuolabus di Valle Serena");

    Api.Response stored = put("/api/v1/admin/services/school-bus", silvia, definition);

    assertThat(stored.status()).as(stored.body()).isEqualTo(200);
    assertThat(stored.json().get("version").asInt()).isEqualTo(before + 1);
    JsonNode valle = api.get("/api/v1/services/school-bus", null, "Host", VALLE).json();
    assertThat(valle.get("title").asString()).isEqualTo("Scuolabus di Valle Serena");
    assertThat(valle.get("version").asInt()).isEqualTo(before + 1);
    JsonNode borgo = api.get("/api/v1/services/school-bus", null).json();
    assertThat(borgo.get("title").asString()).isEqualTo("Iscrizione al trasporto scolastico");
    assertThat(borgo.get("version")).isEqualTo(borgoBefore.get("version"));
    assertThat(ids(api.get("/api/v1/services?q=valle%20serena", null, "Host", VALLE).json())).contains("school-bus");
    assertThat(ids(api.get("/api/v1/services?q=valle%20serena", null).json())).doesNotContain("school-bus");
  }

  @Test
  void anAdministratorStoresANewVersionThatIsAudited() {
    String silvia = api.token("silvia.bruno");
    ObjectNode definition = current(silvia, "statistics-data-request");
    int before = definition.get("version").asInt();
    long audited = audited();
    definition.put("legalDeadlineDays", 20);

    Api.Response stored = put("/api/v1/admin/services/statistics-data-request", silvia, definition);

    assertThat(stored.status()).as(stored.body()).isEqualTo(200);
    assertThat(stored.json().get("legalDeadlineDays").asInt()).isEqualTo(20);
    assertThat(api.get("/api/v1/services/statistics-data-request", null, "Host", VALLE).json()
        .get("legalDeadlineDays").asInt()).isEqualTo(20);
    JsonNode versions = api.get("/api/v1/admin/services/statistics-data-request/versions", silvia).json();
    assertThat(versions.get(0).get("version").asInt()).isEqualTo(before + 1);
    assertThat(versions.get(0).get("origin").asString()).isEqualTo("administrator");
    assertThat(versions.get(0).get("createdBy").asString()).isEqualTo("silvia.bruno");
    assertThat(versions.get(versions.size() - 1).get("origin").asString()).isEqualTo("shipped");
    assertThat(audited()).isEqualTo(audited + 1);

    Api.Response again = put("/api/v1/admin/services/statistics-data-request", silvia, definition);
    assertThat(again.json().get("version").asInt()).as("the same definition again stores nothing")
        .isEqualTo(before + 1);
    assertThat(audited()).isEqualTo(audited + 1);
  }

  @Test
  void anAdministratorAddsAServiceOfTheComunesOwn() {
    String silvia = api.token("silvia.bruno");
    ObjectNode definition = current(silvia, "public-event");
    definition.put("id", "village-fair-stall");
    ((ObjectNode) definition.get("title")).put("it", "Bancarella alla sagra del paese");

    Api.Response stored = put("/api/v1/admin/services/village-fair-stall", silvia, definition);

    assertThat(stored.status()).as(stored.body()).isEqualTo(200);
    assertThat(stored.json().get("version").asInt()).isEqualTo(1);
    assertThat(ids(api.get("/api/v1/services", null, "Host", VALLE).json())).contains("village-fair-stall");
    assertThat(ids(api.get("/api/v1/services", null).json())).doesNotContain("village-fair-stall");
    assertThat(api.get("/api/v1/services/village-fair-stall", null).status()).isEqualTo(404);
  }

  @Test
  void anInvalidDefinitionIsRefusedWithPointersAndNothingIsStored() {
    String silvia = api.token("silvia.bruno");
    ObjectNode valid = current(silvia, "summer-camps");
    long versions = stored("c_v002", "summer-camps");

    ObjectNode badSchema = valid.deepCopy();
    ((ObjectNode) badSchema.get("form").get("properties").get("child")).put("type", "persona");
    assertRefused(put("/api/v1/admin/services/summer-camps", silvia, badSchema), "/form/properties/child/type");

    ObjectNode badExample = valid.deepCopy();
    ((ObjectNode) badExample.get("form").get("examples").get(0).get("child")).put("birthDate", "2019-02-30");
    Api.Response example = put("/api/v1/admin/services/summer-camps", silvia, badExample);
    assertRefused(example, "/form/examples/0/child/birthDate");

    ObjectNode badCategory = valid.deepCopy();
    badCategory.put("category", "astronautica");
    Api.Response category = put("/api/v1/admin/services/summer-camps", silvia, badCategory);
    assertRefused(category, "/category");
    assertThat(category.json().get("errors").get(0).get("message").asString())
        .isEqualTo("la categoria 'astronautica' non esiste");

    long schoolBusVersions = stored("c_v002", "school-bus");
    Api.Response otherId = put("/api/v1/admin/services/school-bus", silvia, valid, "Accept-Language", "en");
    assertRefused(otherId, "/id");
    assertThat(otherId.json().get("errors").get(0).get("message").asString()).contains("must be 'school-bus'");

    assertThat(stored("c_v002", "summer-camps")).isEqualTo(versions);
    assertThat(stored("c_v002", "school-bus")).isEqualTo(schoolBusVersions);
  }

  @Test
  void citizensAndOperatorsCannotChangeServices() {
    ObjectNode definition = current(api.token("silvia.bruno"), "public-event");
    long stored = stored("c_v002", "public-event");

    for (String subject : List.of("laura.marino", "matteo.greco")) {
      Api.Response answer = put("/api/v1/admin/services/public-event", api.token(subject), definition);
      assertThat(answer.status()).as(subject).isEqualTo(403);
      assertThat(answer.json().get("code").asString()).isEqualTo("forbidden");
    }
    assertThat(put("/api/v1/admin/services/public-event", null, definition).status()).isEqualTo(401);
    assertThat(stored("c_v002", "public-event")).isEqualTo(stored);
  }

  @Test
  void validationNamesEachWrongFieldInItalian() {
    ServiceDefinition nursery = catalog.find(new TenantId("c_b001"), new ServiceId("nursery-enrolment")).orElseThrow();
    ObjectNode application = (ObjectNode) nursery.form().get("examples").get(0).deepCopy();
    assertThat(catalog.validate(nursery, application, Locale.ITALIAN)).isEmpty();

    ((ObjectNode) application.get("child")).remove("lastName");
    ((ObjectNode) application.get("child")).put("birthDate", "2025-02-30");
    application.put("childResident", "sì");
    application.put("petName", "Fuffi");
    List<FieldError> errors = catalog.validate(nursery, application, Locale.ITALIAN);

    assertThat(errors).extracting(FieldError::pointer)
        .containsExactlyInAnyOrder("/child/lastName", "/child/birthDate", "/childResident", "/petName");
    assertThat(message(errors, "/child/lastName")).isEqualTo("proprietà richiesta 'lastName' non trovata");
    assertThat(message(errors, "/childResident")).isEqualTo("string trovato, boolean previsto");
    assertThat(message(errors, "/child/birthDate")).contains("data completa RFC 3339 valida");
    assertThat(message(errors, "/petName")).contains("la proprietà 'petName' non è definita");
    assertThat(message(catalog.validate(nursery, application, Locale.ENGLISH), "/child/lastName"))
        .isEqualTo("required property 'lastName' not found");
  }

  private ObjectNode current(String token, String id) {
    Api.Response answer = api.get("/api/v1/admin/services/" + id, token);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return (ObjectNode) answer.json();
  }

  private Api.Response put(String path, String token, JsonNode body, String... headers) {
    return api.send(api.request(path, token, headers).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body.toString())).build());
  }

  private static void assertRefused(Api.Response answer, String pointer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(422);
    assertThat(answer.isProblem()).isTrue();
    assertThat(answer.json().get("code").asString()).isEqualTo("invalid-service-definition");
    assertThat(answer.json().get("errors").findValuesAsString("pointer")).contains(pointer);
  }

  private long audited() {
    return jdbc.sql("select count(*) from audit_entry where tenant_id = 'c_v002' and action = ?")
        .param("change-service-definition").query(Long.class).single();
  }

  private long stored(String tenant, String id) {
    return jdbc.sql("select count(*) from service_definition where tenant_id = ? and id = ?").params(tenant, id)
        .query(Long.class).single();
  }

  private static String message(List<FieldError> errors, String pointer) {
    return errors.stream().filter(e -> e.pointer().equals(pointer)).map(FieldError::message).findFirst()
        .orElseThrow(() -> new AssertionError("no error at " + pointer + " in " + errors));
  }

  private static JsonNode item(JsonNode services, String id) {
    for (JsonNode service : services) {
      if (service.get("id").asString().equals(id)) {
        return service;
      }
    }
    throw new AssertionError(id + " is not in " + ids(services));
  }

  private static List<String> ids(JsonNode services) {
    List<String> ids = new ArrayList<>();
    services.forEach(service -> ids.add(service.get("id").asString()));
    return ids;
  }

  private static String label(JsonNode labels, String id) {
    return item(labels, id).get("title").asString();
  }
}
