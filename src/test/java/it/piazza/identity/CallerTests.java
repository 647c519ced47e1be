package it.piazza.identity;

import static org.assertj.core.api.Assertions.assertThat;

import it.piazza.support.Api;
import it.piazza.support.PiazzaTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Who is calling, and for whom: /api/v1/me, the demo identities, and acting on someone's behalf. */
@PiazzaTest
class CallerTests {

  @Autowired
  Api api;

  @Autowired
  JdbcClient jdbc;

  @Test
  void aParentSeesTheChildrenTheyMayActFor() {
    JsonNode me = api.get("/api/v1/me", api.token("mario.rossi")).json();
    assertThat(me.get("name").asString()).isEqualTo("Mario Rossi");
    assertThat(me.get("kind").asString()).isEqualTo("person");
    assertThat(FiscalCode.isValid(me.get("fiscalCode").asString())).isTrue();
    assertThat(me.get("delegators").findValuesAsString("name")).containsExactly("Giulia Rossi", "Luca Rossi", "Sofia Rossi");
    assertThat(me.get("delegators").get(0).get("kind").asString()).isEqualTo("parental");
  }

  @Test
  void anOperatorBelongsToAnOffice() {
    JsonNode me = api.get("/api/v1/me", api.token("sara.colombo")).json();
    assertThat(me.get("kind").asString()).isEqualTo("operator");
    assertThat(me.get("office").asString()).isEqualTo("scuola-nidi");
    assertThat(me.get("roles").toString()).contains("operator");
    assertThat(me.get("groups").toString()).contains("nidi");
  }

  @Test
  void theDemoIdentitiesListSubjectsRolesOfficesAndDelegators() {
    JsonNode identities = api.get("/demo/identities", null).json();
    assertThat(identities.findValuesAsString("subject"))
        .contains("mario.rossi", "sara.colombo", "elena.galli", "laura.marino", "paolo.neri");
    JsonNode paolo = java.util.stream.StreamSupport.stream(identities.spliterator(), false)
        .filter(i -> i.get("subject").asString().equals("paolo.neri")).findFirst().orElseThrow();
    assertThat(paolo.get("delegators").get(0).get("kind").asString()).isEqualTo("mandate");
    assertThat(paolo.get("delegators").get(0).get("mandateReference").asString()).isNotBlank();
  }

  @Test
  void aParentActsForTheirChildAndTheActIsRecorded() {
    String token = api.token("mario.rossi");
    String giulia = childOfMario("Giulia Rossi");
    long before = auditedActsFor(giulia);

    JsonNode me = api.get("/api/v1/me", token, "On-Behalf-Of", giulia).json();

    assertThat(me.get("actingFor").get("fiscalCode").asString()).isEqualTo(giulia);
    assertThat(auditedActsFor(giulia)).isEqualTo(before + 1);
  }

  @Test
  void aProfessionalActsForAClientUnderAMandate() {
    String anna = api.get("/api/v1/me", api.token("anna.bianchi")).json().get("fiscalCode").asString();
    Api.Response answer = api.get("/api/v1/me", api.token("paolo.neri"), "On-Behalf-Of", anna);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("actingFor").get("kind").asString()).isEqualTo("mandate");
  }

  @Test
  void nobodyActsForSomeoneWithoutADelegation() {
    String giulia = childOfMario("Giulia Rossi");
    Api.Response answer = api.get("/api/v1/me", api.token("anna.bianchi"), "On-Behalf-Of", giulia);
    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.isProblem()).isTrue();
    assertThat(answer.json().get("code").asString()).isEqualTo("not-a-delegate");
  }

  @Test
  void aRevokedDelegationStopsWorkingAtOnce() {
    String token = api.token("mario.rossi");
    String luca = childOfMario("Luca Rossi");
    assertThat(api.get("/api/v1/me", token, "On-Behalf-Of", luca).status()).isEqualTo(200);
    jdbc.sql("update delegation set revoked_at = now() where delegator_fiscal_code = ?").param(luca).update();
    try {
      assertThat(api.get("/api/v1/me", token, "On-Behalf-Of", luca).status()).isEqualTo(403);
    } finally {
      jdbc.sql("update delegation set revoked_at = null where delegator_fiscal_code = ?").param(luca).update();
    }
  }

  @Test
  void anInvalidFiscalCodeToActForIsABadRequest() {
    Api.Response answer = api.get("/api/v1/me", api.token("mario.rossi"), "On-Behalf-Of", "RSSMRA00X00X000X");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("code").asString()).isEqualTo("invalid-fiscal-code");
  }

  @Test
  void anUnknownDemoSubjectGetsNoToken() {
    Api.Response answer = api.post("/demo/token", null, java.util.Map.of("subject", "nobody.here"));
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.json().get("code").asString()).isEqualTo("unknown-identity");
  }

  private String childOfMario(String name) {
    JsonNode me = api.get("/api/v1/me", api.token("mario.rossi")).json();
    for (JsonNode delegator : me.get("delegators")) {
      if (delegator.get("name").asString().equals(name)) {
        return delegator.get("fiscalCode").asString();
      }
    }
    throw new AssertionError(name + " is not Mario's child");
  }

  private long auditedActsFor(String fiscalCode) {
    return jdbc.sql("select count(*) from audit_entry where action = 'act-on-behalf' and acting_for = ?")
        .param(fiscalCode).query(Long.class).single();
  }
}
