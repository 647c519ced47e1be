package it.piazza.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import it.piazza.cases.CaseDecided;
import it.piazza.cases.CaseFixtures;
import it.piazza.support.Api;
import it.piazza.support.PiazzaTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Time acts on applications by itself: lapsed suspensions end, silence approves where the law says so. */
@PiazzaTest
@Import(DeadlineSweeperTests.Decisions.class)
class DeadlineSweeperTests {

  @Autowired
  Api api;

  @Autowired
  DeadlineSweeper sweeper;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  Decisions decisions;

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Rome"));

  @TestConfiguration
  static class Decisions {
    final List<CaseDecided> seen = new CopyOnWriteArrayList<>();

    @EventListener
    void on(CaseDecided decided) {
      seen.add(decided);
    }
  }

  @Test
  void silenceApprovesAChangeOfResidenceAfterItsDeadline() {
    String anna = api.token("anna.bianchi");
    String id = changeOfResidence(anna);

    sweeper.sweep(Instant.now(), TODAY.plusDays(45));
    assertThat(status(anna, id)).as("not yet: the deadline day itself still belongs to the office")
        .isEqualTo("registered");

    sweeper.sweep(Instant.now(), TODAY.plusDays(46));
    JsonNode decided = api.get("/api/v1/applications/" + id, anna).json();
    assertThat(decided.get("status").asString()).isEqualTo("approved");
    assertThat(decided.get("timeline").findValuesAsString("action")).contains("approved-by-silence");
    assertThat(decisions.seen).anyMatch(d -> d.caseId().toString().equals(id) && d.bySilence());
  }

  @Test
  void anUnansweredIntegrationRequestLapsesAfterThirtyDays() {
    String mario = api.token("mario.rossi");
    String sara = api.token("sara.colombo");
    String id = nursery(mario);
    act(sara, id, "take", Map.of());
    act(sara, id, "request-integration", Map.of("reason", "Manca il certificato vaccinale"));

    sweeper.sweep(Instant.now(), TODAY.plusDays(29));
    assertThat(status(mario, id)).isEqualTo("awaiting-integration");
    sweeper.sweep(Instant.now(), TODAY.plusDays(30));
    assertThat(status(mario, id)).isEqualTo("in-progress");
  }

  @Test
  void twoSweepersAtOnceActOnceOnEachApplication() throws Exception {
    String anna = api.token("anna.bianchi");
    List<String> ids = List.of(changeOfResidence(anna), changeOfResidence(anna), changeOfResidence(anna));
    try (var pool = Executors.newFixedThreadPool(2)) {
      Future<Integer> a = pool.submit(() -> sweeper.sweep(Instant.now(), TODAY.plusDays(50)));
      Future<Integer> b = pool.submit(() -> sweeper.sweep(Instant.now(), TODAY.plusDays(50)));
      a.get();
      b.get();
    }
    for (String id : ids) {
      long approvals = jdbc.sql("select count(*) from case_event where case_id = ?::uuid and action = "
          + "'approved-by-silence'").param(id).query(Long.class).single();
      assertThat(approvals).isEqualTo(1);
    }
  }

  private String changeOfResidence(String token) {
    Api.Response upload = api.upload("/api/v1/attachments", token,
        Map.of("serviceId", "change-of-residence", "kind", "identity-documents"), "ci.pdf", "application/pdf",
        Api.pdf("carta d'identità " + UUID.randomUUID()));
    assertThat(upload.status()).as(upload.body()).isEqualTo(201);
    JsonNode example = api.get("/api/v1/services/change-of-residence", null).json().get("schema").get("examples")
        .get(0);
    Api.Response receipt = api.post("/api/v1/applications", token, Map.of("serviceId", "change-of-residence",
        "data", example, "attachmentIds", List.of(upload.json().get("id").asString())));
    assertThat(receipt.status()).as(receipt.body()).isEqualTo(201);
    return receipt.json().get("id").asString();
  }

  private String nursery(String mario) {
    CaseFixtures fixtures = new CaseFixtures(api);
    Api.Response receipt = api.post("/api/v1/applications", mario, Map.of("serviceId", "nursery-enrolment",
        "data", fixtures.nurseryData(fixtures.sofia(mario))));
    assertThat(receipt.status()).as(receipt.body()).isEqualTo(201);
    return receipt.json().get("id").asString();
  }

  private void act(String token, String id, String action, Map<String, ?> body) {
    Api.Response answer = api.post("/api/v1/cases/" + id + "/actions/" + action, token, body);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
  }

  private String status(String token, String id) {
    return api.get("/api/v1/applications/" + id, token).json().get("status").asString();
  }
}
