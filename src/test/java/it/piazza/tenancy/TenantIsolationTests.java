package it.piazza.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import it.piazza.audit.AuditLog;
import it.piazza.audit.AuditRecord;
import it.piazza.identity.Channel;
import it.piazza.support.Api;
import it.piazza.support.PiazzaTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Tokens and host names of one comune never read or change another comune's data — on every endpoint there is.
 * Borgo Piazza (c_b001) and Valle Serena (c_v002) share one deployment and one database.
 */
@PiazzaTest
class TenantIsolationTests {

  @Autowired
  Api api;

  @Autowired
  AuditLog auditLog;

  @Autowired
  JdbcClient jdbc;

  @Test
  void theHostNameChoosesTheComuneOfPublicRequests() {
    assertThat(api.get("/api/v1/comune", null).json().get("id").asString()).isEqualTo("c_b001");
    assertThat(api.get("/api/v1/comune", null, "Host", "valleserena.localhost").json().get("name").asString())
        .isEqualTo("Comune di Valle Serena");
    assertThat(api.get("/api/v1/comune", null, "Host", "unknown.example.org").json().get("id").asString())
        .as("hosts no comune claims fall back to the default comune").isEqualTo("c_b001");
  }

  @Test
  void theTokenChoosesTheComuneOfSignedInRequestsWhateverTheHost() {
    String laura = api.token("laura.marino");
    assertThat(api.get("/api/v1/comune", laura).json().get("id").asString()).isEqualTo("c_v002");
    JsonNode me = api.get("/api/v1/me", laura, "Host", "borgopiazza.localhost").json();
    assertThat(me.get("tenant").get("id").asString()).isEqualTo("c_v002");
    assertThat(me.get("delegators").isEmpty()).isTrue();
  }

  @Test
  void eachComunesSignInPageListsOnlyItsOwnPeople() {
    String borgo = api.get("/login", null).body();
    String valle = api.get("/login", null, "Host", "valleserena.localhost").body();
    assertThat(borgo).contains("Mario Rossi").doesNotContain("Laura Marino");
    assertThat(valle).contains("Laura Marino").doesNotContain("Mario Rossi");
  }

  @Test
  void aCitizenOfOneComuneCannotActForAChildRegisteredInAnother() {
    String giulia = api.get("/api/v1/me", api.token("mario.rossi")).json().get("delegators").get(0)
        .get("fiscalCode").asString();
    // The same parent's fiscal code signing in to Valle Serena has no delegations there.
    String marioInValle = api.signedToken("mario-in-valle", Map.of("tenant", "c_v002",
        "fiscal_number", api.get("/api/v1/me", api.token("mario.rossi")).json().get("fiscalCode").asString()),
        Instant.now(), Instant.now().plusSeconds(300));
    Api.Response answer = api.get("/api/v1/me", marioInValle, "On-Behalf-Of", giulia);
    assertThat(answer.status()).isEqualTo(403);
  }

  @Test
  void anAdministratorVerifiesOnlyTheirOwnComunesLog() {
    auditLog.record(new AuditRecord(new TenantId("c_b001"), "tester", null, null, "read", "person", "x",
        Channel.SYSTEM, "isolation"));
    JsonNode valle = api.get("/api/v1/audit/verify", api.token("silvia.bruno")).json();
    long valleEntries = jdbc.sql("select count(*) from audit_entry where tenant_id = 'c_v002'").query(Long.class)
        .single();
    assertThat(valle.get("entries").asLong()).isEqualTo(valleEntries);
  }

  @Test
  void anotherComunesAuditEntriesAreNotFound() {
    String lauraCode = api.get("/api/v1/me", api.token("laura.marino")).json().get("fiscalCode").asString();
    // An entry about Laura's fiscal code, but in Borgo Piazza's log.
    auditLog.record(new AuditRecord(new TenantId("c_b001"), "tester", null, lauraCode, "read", "person", lauraCode,
        Channel.SYSTEM, "isolation-proof"));
    long id = jdbc.sql("select max(id) from audit_entry where tenant_id = 'c_b001' and purpose = 'isolation-proof'")
        .query(Long.class).single();

    String laura = api.token("laura.marino");
    assertThat(api.get("/api/v1/audit/entries/" + id + "/proof", laura).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/audit/entries/" + id + "/proof", api.token("silvia.bruno")).status())
        .as("not even Valle Serena's administrator").isEqualTo(404);
    assertThat(api.get("/api/v1/me/audit", laura).json().findValuesAsString("purpose"))
        .doesNotContain("isolation-proof");
  }

  @Test
  void aTokenForAComuneThisDeploymentDoesNotServeIsRefused() {
    String stray = api.signedToken("stray", Map.of("tenant", "c_zz999", "roles", List.of("administrator")),
        Instant.now(), Instant.now().plusSeconds(300));
    assertThat(api.get("/api/v1/me", stray).status()).isEqualTo(401);
  }
}
