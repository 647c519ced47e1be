package it.piazza.cases;

import static org.assertj.core.api.Assertions.assertThat;

import it.piazza.support.Api;
import it.piazza.support.PiazzaTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Filing an application: the receipt at once, everything checked, nothing half-done, retries safe. */
@PiazzaTest
class ApplicationsTests {

  @Autowired
  Api api;

  @Autowired
  JdbcClient jdbc;

  CaseFixtures fixtures;
  String mario;

  @BeforeEach
  void setUp() {
    fixtures = new CaseFixtures(api);
    mario = api.token("mario.rossi");
  }

  @Test
  void aParentGetsTheReceiptAtOnce() {
    Api.Response answer = fixtures.applyForNursery(mario, UUID.randomUUID().toString());

    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    JsonNode receipt = answer.json();
    assertThat(receipt.get("status").asString()).isEqualTo("registered");
    assertThat(receipt.get("protocol").get("number").asString()).matches("\\d{4}/\\d{7,}");
    assertThat(receipt.get("protocol").get("date").asString()).isEqualTo(CaseFixtures.today().toString());
    assertThat(receipt.get("office").asString()).isEqualTo("scuola-nidi");
    assertThat(receipt.get("dueDate").asString()).isEqualTo(CaseFixtures.today().plusDays(60).toString());
    assertThat(answer.header("Location")).endsWith("/api/v1/applications/" + receipt.get("id").asString());

    JsonNode stored = api.get("/api/v1/applications/" + receipt.get("id").asString(), mario).json();
    assertThat(stored.get("beneficiary").get("name").asString()).isEqualTo("Sofia Rossi");
    assertThat(stored.get("channel").asString()).isEqualTo("api");
    assertThat(stored.get("attachments").get(0).get("sha256").asString()).hasSize(64);
    assertThat(stored.get("timeline").findValuesAsString("action")).containsExactly("submit", "register");
  }

  @Test
  void aRetriedSubmissionWithTheSameKeyFilesOnce() {
    String key = UUID.randomUUID().toString();
    String attachment = fixtures.upload(mario, "nursery-enrolment", "isee-certificate", "retry");
    Map<String, Object> body = Map.of("serviceId", "nursery-enrolment", "data", fixtures.nurseryData(
        fixtures.sofia(mario)), "attachmentIds", List.of(attachment));
    long before = count();

    Api.Response first = api.post("/api/v1/applications", mario, body, "Idempotency-Key", key);
    Api.Response retry = api.post("/api/v1/applications", mario, body, "Idempotency-Key", key);

    assertThat(first.status()).isEqualTo(201);
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(count()).isEqualTo(before + 1);
  }

  @Test
  void theSameKeyForAnotherRequestIsRefused() {
    String key = UUID.randomUUID().toString();
    assertThat(fixtures.applyForNursery(mario, key).status()).isEqualTo(201);
    Api.Response other = fixtures.applyForNursery(mario, key);
    assertThat(other.status()).isEqualTo(422);
    assertThat(other.json().get("code").asString()).isEqualTo("idempotency-key-reused");
  }

  @Test
  void invalidDataIsAnsweredFieldByFieldInItalianAndNothingIsStored() {
    var data = fixtures.nurseryData(fixtures.sofia(mario));
    data.remove("attendance");
    ((tools.jackson.databind.node.ObjectNode) data.get("child")).put("birthDate", "10/06/2025");
    data.put("unexpected", "x");
    long before = count();

    Api.Response answer = api.post("/api/v1/applications", mario,
        Map.of("serviceId", "nursery-enrolment", "data", data));

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.json().get("code").asString()).isEqualTo("invalid-application");
    List<String> pointers = answer.json().get("errors").findValuesAsString("pointer");
    assertThat(pointers).contains("/child/birthDate", "/attendance", "/unexpected");
    assertThat(answer.json().get("errors").get(0).get("message").asString()).isNotBlank();
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void anUnknownServiceOrBodyIsRefused() {
    assertThat(api.post("/api/v1/applications", mario, Map.of("serviceId", "no-such-service", "data", Map.of()))
        .json().get("code").asString()).isEqualTo("unknown-service");
    assertThat(api.post("/api/v1/applications", mario, "{\"serviceId\": 12, \"data\": [").status()).isEqualTo(400);
    assertThat(api.post("/api/v1/applications", null, Map.of("serviceId", "nursery-enrolment")).status())
        .isEqualTo(401);
  }

  @Test
  void nobodyAppliesForAChildWithoutADelegation() {
    String anna = api.token("anna.bianchi");
    Api.Response answer = api.post("/api/v1/applications", anna, Map.of("serviceId", "nursery-enrolment",
        "data", fixtures.nurseryData(fixtures.sofia(mario))));
    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.json().get("code").asString()).isEqualTo("not-a-delegate");
  }

  @Test
  void someoneElsesOrAnUnknownAttachmentCannotBeUsed() {
    String anna = api.token("anna.bianchi");
    String annas = fixtures.upload(anna, "nursery-enrolment", "isee-certificate", "anna");
    for (String id : List.of(annas, UUID.randomUUID().toString())) {
      Api.Response answer = api.post("/api/v1/applications", mario, Map.of("serviceId", "nursery-enrolment",
          "data", fixtures.nurseryData(fixtures.sofia(mario)), "attachmentIds", List.of(id)));
      assertThat(answer.status()).isEqualTo(422);
      assertThat(answer.json().get("code").asString()).isEqualTo("unknown-attachment");
    }
  }

  @Test
  void anAttachmentIsOnlyTakenForWhatItReallyIs() {
    Api.Response disguised = api.upload("/api/v1/attachments", mario,
        Map.of("serviceId", "nursery-enrolment", "kind", "isee-certificate"), "isee.pdf", "application/pdf",
        "MZ this is really an executable".getBytes());
    assertThat(disguised.status()).isEqualTo(415);
    assertThat(disguised.json().get("code").asString()).isEqualTo("attachment-type-not-allowed");

    Api.Response traversal = api.upload("/api/v1/attachments", mario,
        Map.of("serviceId", "nursery-enrolment", "kind", "isee-certificate"), "../../etc/passwd.pdf",
        "application/pdf", Api.pdf("x"));
    assertThat(traversal.status()).isEqualTo(201);
    assertThat(traversal.json().get("fileName").asString()).isEqualTo("passwd.pdf");

    Api.Response wrongKind = api.upload("/api/v1/attachments", mario,
        Map.of("serviceId", "nursery-enrolment", "kind", "nonsense"), "a.pdf", "application/pdf", Api.pdf("x"));
    assertThat(wrongKind.status()).isEqualTo(422);
  }

  @Test
  void aConditionallyRequiredAttachmentIsAskedFor() {
    var data = fixtures.nurseryData(fixtures.sofia(mario));
    data.put("childWithDisability", true);
    Api.Response answer = api.post("/api/v1/applications", mario,
        Map.of("serviceId", "nursery-enrolment", "data", data));
    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.json().get("errors").findValuesAsString("pointer"))
        .contains("/attachments/disability-certificate");
  }

  @Test
  void aDraftIsSavedResumedAndSubmitted() {
    var partial = api.json().createObjectNode().put("schoolYear", "2027-2028");
    JsonNode draft = api.post("/api/v1/drafts", mario, Map.of("serviceId", "nursery-enrolment", "data", partial))
        .json();
    String id = draft.get("id").asString();
    assertThat(api.get("/api/v1/me/drafts", mario).json().findValuesAsString("id")).contains(id);
    assertThat(api.get("/api/v1/drafts/" + id, api.token("anna.bianchi")).status()).isEqualTo(404);

    Api.Response incomplete = api.post("/api/v1/drafts/" + id + "/submit", mario, "");
    assertThat(incomplete.status()).isEqualTo(422);

    api.send(api.request("/api/v1/drafts/" + id, mario).header("Content-Type", "application/json")
        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(api.json().writeValueAsString(
            Map.of("serviceId", "nursery-enrolment", "data", fixtures.nurseryData(fixtures.sofia(mario))))))
        .build());
    Api.Response submitted = api.post("/api/v1/drafts/" + id + "/submit", mario, "", "Idempotency-Key", id);
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
    assertThat(api.get("/api/v1/drafts/" + id, mario).status()).isEqualTo(404);
  }

  @Test
  void everyFilingAndReadIsAudited() {
    String id = fixtures.applyForNursery(mario, UUID.randomUUID().toString()).json().get("id").asString();
    api.get("/api/v1/applications/" + id, mario);
    List<String> actions = jdbc.sql("select action from audit_entry where record_id = ? order by id").param(id)
        .query(String.class).list();
    assertThat(actions).containsSubsequence("create", "read");
  }

  private long count() {
    return jdbc.sql("select count(*) from application").query(Long.class).single();
  }
}
