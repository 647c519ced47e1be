package it.piazza.protocol.internal;

import static it.piazza.protocol.internal.ProtocolFixtures.anApplication;
import static org.assertj.core.api.Assertions.assertThat;

import it.piazza.audit.AuditLog;
import it.piazza.protocol.ProtocolEntry;
import it.piazza.support.Api;
import it.piazza.support.PiazzaTest;
import it.piazza.tenancy.TenantId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The register over HTTP: the comune's staff read it, nobody else does, and every read is audited. Entries are
 * registered with fixed clocks, Borgo Piazza's in 2035 and 2037, Valle Serena's in 2035 only — so Valle Serena has
 * no 2037 register at all, and a 2037 number asked there can only be Borgo Piazza's.
 */
@PiazzaTest
class ProtocolEndpointsTests {

  static final TenantId BORGO = new TenantId("c_b001");
  static final TenantId VALLE = new TenantId("c_v002");

  @Autowired
  Api api;

  @Autowired
  ProtocolEntries entries;

  @Autowired
  AuditLog auditLog;

  @Autowired
  ApplicationEventPublisher events;

  @Autowired
  TransactionTemplate transactions;

  @Autowired
  JdbcClient jdbc;

  @Test
  void anOperatorOfTheComuneReadsAnEntryAndTheReadIsAudited() {
    ProtocolEntry entry = registerAt("2037-05-04T11:20:00", BORGO, "Domanda di iscrizione al nido");

    Api.Response answer = api.get(path(entry), api.token("sara.colombo"));

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode body = answer.json();
    assertThat(body.get("number").asString()).isEqualTo(entry.number().format()).startsWith("2037/000000");
    assertThat(body.get("registrationDate").asString()).isEqualTo("2037-05-04");
    assertThat(body.get("direction").asString()).isEqualTo("incoming");
    assertThat(body.get("subject").asString()).isEqualTo("Domanda di iscrizione al nido");
    assertThat(body.get("fingerprint").asString()).isEqualTo(entry.fingerprint());
    assertThat(body.get("correspondents").get(0).get("name").asString()).isEqualTo("Mario Rossi");
    assertThat(jdbc.sql("""
            select count(*) from audit_entry where tenant_id = 'c_b001' and actor = 'sara.colombo' and action = 'read'
              and record_type = 'protocol-entry' and record_id = ? and data_subject = ?
            """).params(entry.number().format(), ProtocolFixtures.MARIO_FISCAL_CODE).query(Long.class).single())
        .isEqualTo(1);
  }

  @Test
  void aCitizenMayNotReadTheRegister() {
    ProtocolEntry entry = registerAt("2037-05-04T11:25:00", BORGO, "Not for citizens");
    String mario = api.token("mario.rossi");

    Api.Response one = api.get(path(entry), mario);
    Api.Response day = api.get("/api/v1/protocol?date=2037-05-04", mario);

    assertThat(one.status()).isEqualTo(403);
    assertThat(one.isProblem()).isTrue();
    assertThat(day.status()).isEqualTo(403);
  }

  @Test
  void anotherComunesOperatorFindsNothingThere() {
    ProtocolEntry entry = registerAt("2037-05-04T11:30:00", BORGO, "Borgo Piazza only");

    Api.Response answer = api.get(path(entry), api.token("matteo.greco"), "Accept-Language", "en");

    assertThat(answer.status()).as(answer.body()).isEqualTo(404);
    assertThat(answer.json().get("code").asString()).isEqualTo("protocol-entry-not-found");
    assertThat(answer.json().get("title").asString()).isEqualTo("Protocol entry not found");
    Api.Response missing = api.get("/api/v1/protocol/2037/9999999", api.token("sara.colombo"));
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().get("title").asString()).isEqualTo("Registrazione di protocollo non trovata");
    assertThat(missing.json().get("detail").asString()).contains("2037/9999999");
  }

  @Test
  void theDailyRegisterListsTheComunesEntriesOfThatItalianDayInNumberOrder() {
    ProtocolEntry lateEvening = registerAt("2035-03-13T23:59:59", BORGO, "Day before");
    ProtocolEntry afterMidnight = registerAt("2035-03-14T00:00:10", BORGO, "Just after midnight");
    registerAt("2035-03-14T09:00:00", VALLE, "Valle Serena's own");
    ProtocolEntry morning = registerAt("2035-03-14T09:15:00", BORGO, "Morning");

    Api.Response answer = api.get("/api/v1/protocol?date=2035-03-14", api.token("elena.galli"));

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode day = answer.json();
    assertThat(day.get("date").asString()).isEqualTo("2035-03-14");
    assertThat(day.get("entries").valueStream().map(e -> e.get("number").asString()).toList())
        .containsExactly(afterMidnight.number().format(), morning.number().format());
    assertThat(day.get("count").asInt()).isEqualTo(2);
    assertThat(afterMidnight.number().number()).isEqualTo(lateEvening.number().number() + 1);
    JsonNode before = api.get("/api/v1/protocol?date=2035-03-13", api.token("sara.colombo")).json();
    assertThat(before.get("entries").valueStream().map(e -> e.get("subject").asString()).toList())
        .containsExactly("Day before");
  }

  @Test
  void badNumbersAndDatesAreClearProblems() {
    String sara = api.token("sara.colombo");
    Api.Response zero = api.get("/api/v1/protocol/2035/0", sara);
    assertThat(zero.status()).isEqualTo(400);
    assertThat(zero.json().get("code").asString()).isEqualTo("invalid-protocol-number");
    assertThat(api.get("/api/v1/protocol/35/1", sara).json().get("code").asString())
        .isEqualTo("invalid-protocol-number");
    assertThat(api.get("/api/v1/protocol/2035/abc", sara).status()).isEqualTo(400);
    assertThat(api.get("/api/v1/protocol?date=14-03-2035", sara).status()).isEqualTo(400);
    assertThat(api.get("/api/v1/protocol", sara).status()).isEqualTo(400);
  }

  private ProtocolEntry registerAt(String italianTime, TenantId tenant, String subject) {
    Registrar register = ProtocolFixtures.registerAt(italianTime, entries, auditLog, events);
    return transactions.execute(status -> register.register(anApplication(tenant, subject)));
  }

  private static String path(ProtocolEntry entry) {
    return "/api/v1/protocol/" + entry.number().year() + "/" + entry.number().number();
  }
}
