package it.piazza.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.piazza.cases.CaseFixtures;
import it.piazza.payments.PaymentFixtures;
import it.piazza.support.Api;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Real resources of Mario Rossi (citizen of Borgo Piazza) and of the Scuola e Nidi office, for the sweep to aim
 * at: a nursery application with an attachment (a case of Scuola e Nidi, with a protocol entry), a summer-camp
 * application with its fee position, drafts, an attachment of his own, an entry of the audit log about him.
 */
final class SweepFixtures {

  static final String NAMES = "application, case, feeCase, draft, draftToSubmit, draftToDelete, attachment, "
      + "protocol, today, auditEntry, payment, notice, marioCode, sofiaCode, decidedCase, document, verification, "
      + "package";

  /** The callers of the sweep: owners and intruders, by name. */
  final Map<String, Caller> callers = new LinkedHashMap<>();
  /** The fixtures' identifiers, by the names the sweep table uses. */
  final Map<String, String> ids = new LinkedHashMap<>();

  record Caller(String name, String token, String host) {}

  SweepFixtures(Api api) {
    CaseFixtures cases = new CaseFixtures(api);
    PaymentFixtures payments = new PaymentFixtures(api);
    String mario = api.token("mario.rossi");
    add("mario", mario, null);
    add("sara (Scuola e Nidi)", api.token("sara.colombo"), null);
    add("elena (administrator)", api.token("elena.galli"), null);
    add("intermediary (system client)", payments.intermediary("c_b001"), null);
    // intruders
    add("anna (another citizen)", api.token("anna.bianchi"), null);
    add("lucia (operator of Anagrafe)", api.token("lucia.esposito"), null);
    add("laura (citizen of Valle Serena, on its host)", api.token("laura.marino"), "valleserena.localhost");
    add("laura (citizen of Valle Serena, on Borgo's host)", api.token("laura.marino"), "borgopiazza.localhost");
    add("matteo (Scuola e Nidi of Valle Serena, on its host)", api.token("matteo.greco"), "valleserena.localhost");
    add("matteo (Scuola e Nidi of Valle Serena, on Borgo's host)", api.token("matteo.greco"), "borgopiazza.localhost");
    add("silvia (administrator of Valle Serena, on its host)", api.token("silvia.bruno"), "valleserena.localhost");
    add("silvia (administrator of Valle Serena, on Borgo's host)", api.token("silvia.bruno"), "borgopiazza.localhost");
    add("a system client of Valle Serena", payments.intermediary("c_v002"), "borgopiazza.localhost");
    add("a client without roles or scope", api.signedToken("no-scope-client", Map.of("tenant", "c_b001",
        "roles", List.of("nothing-we-know")), Instant.now(), Instant.now().plusSeconds(3600)), null);
    add("nobody (no token)", null, null);

    ids.put("marioCode", api.get("/api/v1/me", mario).json().get("fiscalCode").asString());
    ids.put("sofiaCode", cases.sofia(mario));
    JsonNode nursery = cases.applyForNursery(mario, UUID.randomUUID().toString()).json();
    ids.put("application", nursery.get("id").asString());
    ids.put("case", nursery.get("id").asString());
    ids.put("protocol", nursery.get("protocol").get("number").asString());
    ids.put("today", nursery.get("protocol").get("date").asString());
    ids.put("attachment", cases.upload(mario, "nursery-enrolment", "isee-certificate", "ISEE " + UUID.randomUUID()));
    ids.put("draft", draft(api, mario, cases));
    ids.put("draftToSubmit", draft(api, mario, cases));
    ids.put("draftToDelete", draft(api, mario, cases));

    Api.Response camp = payments.summerCamp(mario);
    assertThat(camp.status()).as("summer camp application %s", camp).isEqualTo(201);
    ids.put("feeCase", camp.json().get("id").asString());
    JsonNode position = payments.awaitPositions(mario, ids.get("feeCase"), 1).get(0);
    ids.put("payment", position.get("id").asString());
    ids.put("notice", position.get("noticeNumber").asString());

    closedCaseWithItsDecision(api, mario, cases);

    JsonNode audit = api.get("/api/v1/me/audit?size=200", mario).json();
    assertThat(audit.isEmpty()).as("audit entries about Mario").isFalse();
    ids.put("auditEntry", audit.get(0).get("id").asString());
  }

  /**
   * A second nursery application of Mario's, approved and closed by Scuola e Nidi: its decision is issued to Mario
   * (a sealed document, verifiable) and its closing makes a preservation package (waiting: tests send nothing).
   */
  private void closedCaseWithItsDecision(Api api, String mario, CaseFixtures cases) {
    String sara = callers.get("sara (Scuola e Nidi)").token();
    String decided = cases.applyForNursery(mario, UUID.randomUUID().toString()).json().get("id").asString();
    ids.put("decidedCase", decided);
    for (String action : List.of("take", "approve", "close")) {
      Api.Response done = cases.act(sara, decided, action, Map.of("reason", "Posto assegnato"));
      assertThat(done.status()).as("%s: %s", action, done).isEqualTo(200);
    }
    JsonNode document = await().atMost(Duration.ofSeconds(60)).until(() -> {
      for (JsonNode d : api.get("/api/v1/me/documents", mario).json()) {
        if (decided.equals(d.path("caseId").asString(null))) {
          return d;
        }
      }
      return null;
    }, d -> d != null);
    ids.put("document", document.get("id").asString());
    ids.put("verification", document.get("verificationCode").asString());
    String elena = callers.get("elena (administrator)").token();
    JsonNode pack = await().atMost(Duration.ofSeconds(60)).until(() -> {
      for (JsonNode p : api.get("/api/v1/admin/preservation/packages?size=200&kind=case", elena).json().get("items")) {
        if (decided.equals(p.get("subject").asString())) {
          return p;
        }
      }
      return null;
    }, p -> p != null);
    ids.put("package", pack.get("id").asString());
  }

  private String draft(Api api, String mario, CaseFixtures cases) {
    Api.Response draft = api.post("/api/v1/drafts", mario, Map.of("serviceId", "nursery-enrolment",
        "onBehalfOf", ids.get("sofiaCode"), "data", cases.nurseryData(ids.get("sofiaCode"))));
    assertThat(draft.status()).as("draft %s", draft).isEqualTo(201);
    return draft.json().get("id").asString();
  }

  private void add(String name, String token, String host) {
    callers.put(name, new Caller(name, token, host));
  }

  Caller caller(String name) {
    return callers.get(name);
  }

  /**
   * What an intruder must never see of the owner's: identifiers and personal data (fiscal codes, names, protocol
   * number, case, draft, attachment and payment ids, notice number).
   */
  List<String> secrets(Caller intruder) {
    List<String> resources = List.of(ids.get("application"), ids.get("protocol"), ids.get("attachment"),
        ids.get("draft"), ids.get("draftToSubmit"), ids.get("draftToDelete"), ids.get("feeCase"), ids.get("payment"),
        ids.get("notice"), ids.get("decidedCase"), ids.get("document"), "Nota riservata abuso");
    if (SAME_COMUNE_STAFF.contains(intruder.name())) {
      // Mario may have other cases in their offices (other suites file some): they may know his name, not these.
      return resources;
    }
    List<String> all = new java.util.ArrayList<>(resources);
    all.addAll(List.of(ids.get("marioCode"), ids.get("sofiaCode"), "Mario Rossi", "Sofia Rossi"));
    return all;
  }

  private static final java.util.Set<String> SAME_COMUNE_STAFF =
      java.util.Set.of("sara (Scuola e Nidi)", "lucia (operator of Anagrafe)", "elena (administrator)");
}
