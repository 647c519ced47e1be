package it.piazza.cases;

import static org.assertj.core.api.Assertions.assertThat;

import it.piazza.support.Api;
import it.piazza.support.PiazzaTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The office handles a case within the rules of its workflow and of L. 241/1990; the parent follows it. */
@PiazzaTest
class CaseHandlingTests {

  @Autowired
  Api api;

  CaseFixtures fixtures;
  String mario;
  String sara;

  @BeforeEach
  void setUp() {
    fixtures = new CaseFixtures(api);
    mario = api.token("mario.rossi");
    sara = api.token("sara.colombo");
  }

  @Test
  void theNurseryStory() {
    String id = fixtures.applyForNursery(mario, UUID.randomUUID().toString()).json().get("id").asString();

    JsonNode queue = api.get("/api/v1/office/cases?status=registered&size=200", sara).json();
    assertThat(queue.get("items").findValuesAsString("id")).contains(id);
    assertThat(queue.get("counts").get("registered").asLong()).isPositive();

    assertThat(fixtures.act(sara, id, "take", Map.of()).json().get("assignee").asString()).isEqualTo("sara.colombo");
    JsonNode suspended = fixtures.act(sara, id, "request-integration",
        Map.of("reason", "Manca la firma sulla dichiarazione ISEE")).json();
    assertThat(suspended.get("status").asString()).isEqualTo("awaiting-integration");

    JsonNode parentView = api.get("/api/v1/applications/" + id, mario).json();
    assertThat(parentView.get("clock").get("suspended").asBoolean()).isTrue();
    assertThat(parentView.get("clock").get("suspendedFor").asString()).isEqualTo("integration");
    assertThat(parentView.get("allowedActions").toString()).contains("answer-integration", "withdraw");

    String signed = fixtures.upload(mario, "nursery-enrolment", "isee-certificate", "signed ISEE");
    JsonNode answered = fixtures.act(mario, id, "answer-integration", Map.of("note", "Allego l'ISEE firmato",
        "attachmentIds", List.of(signed))).json();
    assertThat(answered.get("status").asString()).isEqualTo("in-progress");
    assertThat(answered.get("attachments").size()).isEqualTo(2);

    fixtures.act(sara, id, "approve", Map.of("reason", "Posto assegnato al Nido Arcobaleno"));
    JsonNode decided = api.get("/api/v1/applications/" + id, mario).json();
    assertThat(decided.get("status").asString()).isEqualTo("approved");
    assertThat(decided.get("clock").get("decided").asBoolean()).isTrue();
    assertThat(decided.get("timeline").findValuesAsString("action"))
        .containsExactly("submit", "register", "take", "request-integration", "answer-integration", "approve");
    assertThat(decided.get("clock").get("suspendedPeriods").size()).isEqualTo(1);
  }

  @Test
  void theCitizenFileListsMyApplicationsAndMyChildrens() {
    String id = fixtures.applyForNursery(mario, UUID.randomUUID().toString()).json().get("id").asString();
    assertThat(api.get("/api/v1/me/applications", mario).json().findValuesAsString("id")).contains(id);
    assertThat(api.get("/api/v1/me/applications", api.token("anna.bianchi")).json().findValuesAsString("id"))
        .doesNotContain(id);
  }

  @Test
  void nobodyElseSeesTheCase() {
    String id = fixtures.applyForNursery(mario, UUID.randomUUID().toString()).json().get("id").asString();
    for (String outsider : List.of("anna.bianchi", "lucia.esposito", "matteo.greco", "laura.marino")) {
      Api.Response answer = api.get("/api/v1/applications/" + id, api.token(outsider));
      assertThat(answer.status()).as(outsider).isEqualTo(404);
      assertThat(fixtures.act(api.token(outsider), id, "take", Map.of()).status()).as(outsider).isEqualTo(404);
    }
    assertThat(api.get("/api/v1/office/cases?size=200", api.token("lucia.esposito")).json().get("items")
        .findValuesAsString("id")).doesNotContain(id);
  }

  @Test
  void transitionsFollowTheWorkflowAndTheRoles() {
    String id = fixtures.applyForNursery(mario, UUID.randomUUID().toString()).json().get("id").asString();

    assertProblem(fixtures.act(sara, id, "approve", Map.of()), 409, "action-not-allowed-in-state");
    assertProblem(fixtures.act(mario, id, "take", Map.of()), 403, "action-not-for-role");
    assertProblem(fixtures.act(sara, id, "fly-away", Map.of()), 404, "unknown-action");
    fixtures.act(sara, id, "take", Map.of());
    assertProblem(fixtures.act(sara, id, "reject", Map.of()), 422, "reason-required");
    assertProblem(fixtures.act(sara, id, "reject", Map.of("reason", "Fuori graduatoria")), 409,
        "notice-of-refusal-required");
    assertProblem(fixtures.act(sara, id, "assign", Map.of("assignee", "marco.ferrari")), 403,
        "only-manager-assigns-others");
    assertProblem(fixtures.act(api.token("marco.ferrari"), id, "assign", Map.of("assignee", "lucia.esposito")), 422,
        "unknown-assignee");
    assertThat(fixtures.act(api.token("marco.ferrari"), id, "assign", Map.of("group", "nidi")).status())
        .isEqualTo(200);

    fixtures.act(sara, id, "request-integration", Map.of("reason", "Serve il certificato"));
    fixtures.act(mario, id, "answer-integration", Map.of());
    assertProblem(fixtures.act(sara, id, "request-integration", Map.of("reason", "Ancora")), 409, "legal-clock-rule");

    fixtures.act(sara, id, "send-notice-of-refusal", Map.of("reason", "ISEE oltre la soglia"));
    fixtures.act(mario, id, "send-observations", Map.of("note", "L'ISEE è stato ricalcolato"));
    JsonNode rejected = fixtures.act(sara, id, "reject", Map.of("reason", "Osservazioni non accolte")).json();
    assertThat(rejected.get("status").asString()).isEqualTo("rejected");
    assertThat(fixtures.act(sara, id, "close", Map.of()).json().get("status").asString()).isEqualTo("closed");
  }

  @Test
  void twoOperatorsTakingOneCaseAtOnceGetOneSuccessAndOneConflict() throws Exception {
    String id = fixtures.applyForNursery(mario, UUID.randomUUID().toString()).json().get("id").asString();
    String marco = api.token("marco.ferrari");
    CyclicBarrier start = new CyclicBarrier(2);
    try (var pool = Executors.newFixedThreadPool(2)) {
      List<Callable<Integer>> both = List.of(() -> {
        start.await();
        return fixtures.act(sara, id, "take", Map.of()).status();
      }, () -> {
        start.await();
        return fixtures.act(marco, id, "take", Map.of()).status();
      });
      List<Integer> statuses = pool.invokeAll(both).stream().map(f -> {
        try {
          return f.get();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }).toList();
      assertThat(statuses).containsExactlyInAnyOrder(200, 409);
    }
  }

  @Test
  void internalNotesStayInTheOffice() {
    String id = fixtures.applyForNursery(mario, UUID.randomUUID().toString()).json().get("id").asString();
    assertThat(api.post("/api/v1/cases/" + id + "/notes", sara, Map.of("note", "Verificare la residenza")).status())
        .isEqualTo(201);
    assertThat(api.post("/api/v1/cases/" + id + "/notes", mario, Map.of("note", "ciao")).status()).isEqualTo(403);
    assertThat(api.get("/api/v1/applications/" + id, sara).body()).contains("Verificare la residenza");
    assertThat(api.get("/api/v1/applications/" + id, mario).body()).doesNotContain("Verificare la residenza");
  }

  @Test
  void theParentWithdrawsAndTheClockStops() {
    String id = fixtures.applyForNursery(mario, UUID.randomUUID().toString()).json().get("id").asString();
    JsonNode withdrawn = fixtures.act(mario, id, "withdraw", Map.of("reason", "Trovato posto altrove")).json();
    assertThat(withdrawn.get("status").asString()).isEqualTo("withdrawn");
    assertThat(withdrawn.get("clock").get("decided").asBoolean()).isTrue();
  }

  @Test
  void anOperatorFilesAtTheDeskForACitizenWhoCameInPerson() {
    String lucia = api.token("lucia.esposito");
    JsonNode anna = api.get("/api/v1/me", api.token("anna.bianchi")).json();
    var data = api.json().createObjectNode();
    api.get("/api/v1/services/registry-certificate", null).json().get("schema").get("examples").get(0)
        .properties().forEach(e -> data.set(e.getKey(), e.getValue()));
    Api.Response receipt = api.post("/api/v1/office/applications", lucia, Map.of("serviceId", "registry-certificate",
        "applicant", Map.of("fiscalCode", anna.get("fiscalCode").asString(), "name", "Anna Bianchi"),
        "data", data), "Idempotency-Key", UUID.randomUUID().toString());
    assertThat(receipt.status()).as(receipt.body()).isEqualTo(201);
    String id = receipt.json().get("id").asString();

    JsonNode seenByAnna = api.get("/api/v1/applications/" + id, api.token("anna.bianchi")).json();
    assertThat(seenByAnna.get("channel").asString()).isEqualTo("desk");
    assertThat(api.post("/api/v1/office/applications", mario, Map.of("serviceId", "registry-certificate")).status())
        .isEqualTo(403);
  }

  @Test
  void badInputToTheOfficeEndpointsIsAnsweredClearlyAndChangesNothing() {
    String id = fixtures.applyForNursery(mario, UUID.randomUUID().toString()).json().get("id").asString();
    assertProblem(api.get("/api/v1/office/cases?status=sleeping", sara), 400, "invalid-parameter");
    assertProblem(api.get("/api/v1/office/cases?size=100000", sara), 400, "invalid-parameter");
    assertProblem(api.get("/api/v1/office/cases?overdue=perhaps", sara), 400, "invalid-parameter");
    assertProblem(api.get("/api/v1/office/cases", mario), 403, "forbidden");
    assertProblem(api.post("/api/v1/cases/" + id + "/actions/take", sara, "{\"assignee\": [1, 2"), 400,
        "malformed-body");
    assertProblem(api.post("/api/v1/cases/not-a-uuid/actions/take", sara, Map.of()), 400, "invalid-parameter");
    assertProblem(api.post("/api/v1/cases/" + id + "/notes", sara, Map.of("note", " ")), 422, "reason-required");
    assertProblem(api.post("/api/v1/drafts", mario, Map.of("serviceId", "nursery-enrolment", "onBehalfOf",
        "NOTAFISCALCODE!!")), 422, "invalid-application");
    assertProblem(api.post("/api/v1/office/applications", sara, Map.of("serviceId", "registry-certificate",
        "applicant", Map.of("fiscalCode", "RSSMRA00A00A000A"))), 400, "invalid-fiscal-code");
    JsonNode unchanged = api.get("/api/v1/applications/" + id, sara).json();
    assertThat(unchanged.get("status").asString()).isEqualTo("registered");
    assertThat(unchanged.get("timeline").size()).isEqualTo(2);
  }

  static void assertProblem(Api.Response answer, int status, String code) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.json().get("code").asString()).isEqualTo(code);
  }
}
