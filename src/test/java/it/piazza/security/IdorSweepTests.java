package it.piazza.security;

import static org.assertj.core.api.Assertions.assertThat;

import it.piazza.security.Sweep.Entry;
import it.piazza.security.Sweep.Owner;
import it.piazza.security.SweepFixtures.Caller;
import it.piazza.support.Api;
import it.piazza.support.PiazzaTest;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * No one reads or changes what is not theirs, on every operation of the API: each is asked by its owner (who must
 * succeed, so the sweep aims at real resources) and by every kind of intruder — another citizen, an operator of
 * another office, the same roles in another comune (on its host, and with its token on the owner's host), a
 * client system without rights, no one — who must be refused with 401/403/404 and must not see a byte of the
 * owner's identifiers or personal data. The operations come from the application's own OpenAPI document, so a new
 * endpoint without a line in {@link Sweep#ENTRIES} fails here.
 */
@PiazzaTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdorSweepTests {

  static final Set<Integer> REFUSED = Set.of(401, 403, 404);

  @Autowired
  Api api;

  SweepFixtures fixtures;

  Set<String> marioDraftsBefore;

  @BeforeAll
  void ownedResources() {
    marioDraftsBefore = drafts();
    fixtures = new SweepFixtures(api);
  }

  /** Mario's citizen file is shared with the portal's stories: the drafts the sweep made are removed. */
  @AfterAll
  void removeTheSweepsDrafts() {
    String mario = api.token("mario.rossi");
    drafts().stream().filter(id -> !marioDraftsBefore.contains(id))
        .forEach(id -> api.send(api.request("/api/v1/drafts/" + id, mario).DELETE().build()));
  }

  private Set<String> drafts() {
    Set<String> ids = new java.util.HashSet<>();
    api.get("/api/v1/me/drafts", api.token("mario.rossi")).json().forEach(d -> ids.add(d.get("id").asString()));
    return ids;
  }

  @Test
  void everyOperationOfTheApiHasASweepEntry() {
    Api.Response document = api.get("/v3/api-docs", null);
    assertThat(document.status()).isEqualTo(200);
    assertThat(Sweep.gaps(Sweep.operationsOf(document.json()))).as("the sweep table against /v3/api-docs")
        .isEmpty();
  }

  @Test
  void noIntruderReadsOrChangesAnotherOnesResourceAndEveryOwnerReachesTheirs() {
    List<String> failures = new ArrayList<>();
    // Reads first, then writes (destructive ones aim at resources of their own).
    List<Entry> entries = Sweep.ENTRIES.stream().sorted(Comparator.comparing(Entry::writes)).toList();
    for (Entry entry : entries) {
      for (Caller intruder : intruders(entry)) {
        Api.Response answer = call(entry, intruder);
        String uri = Sweep.fill(entry.request(), fixtures.ids);
        if (!mustBeRefused(entry, intruder)) {
          if (answer.status() >= 500) {
            failures.add(entry.operation() + " as " + intruder.name() + ": " + answer);
          }
        } else if (!REFUSED.contains(answer.status())) {
          failures.add(entry.operation() + " as " + intruder.name() + ": expected 401/403/404, got " + answer);
        }
        if (entry.owner() != Owner.OPEN) {
          for (String secret : fixtures.secrets(intruder)) {
            if (answer.body() != null && answer.body().contains(secret) && !uri.contains(secret)) {
              failures.add(entry.operation() + " as " + intruder.name() + ": the answer shows the owner's '" + secret
                  + "': " + answer);
            }
          }
        }
      }
      Caller owner = owner(entry);
      Api.Response answer = call(entry, owner);
      if (!entry.ownerExpects().contains(answer.status())) {
        failures.add(entry.operation() + " as its owner " + owner.name() + ": expected " + entry.ownerExpects()
            + " (the sweep must aim at a real resource), got " + answer);
      }
      if (entry.ownerSees() != null && !answer.body().contains(Sweep.fill(entry.ownerSees(), fixtures.ids))) {
        failures.add(entry.operation() + " as its owner " + owner.name() + ": the list lacks " + entry.ownerSees()
            + ": " + answer);
      }
    }
    assertThat(failures).as("IDOR sweep: %d failures", failures.size()).isEmpty();
  }

  /** Who must be refused, per owner kind; for self-service lists, everyone (they must see only their own). */
  private List<Caller> intruders(Entry entry) {
    List<String> names = switch (entry.owner()) {
      case CITIZEN -> List.of("anna (another citizen)", "lucia (operator of Anagrafe)", "intermediary (system client)");
      case OFFICE -> List.of("anna (another citizen)", "lucia (operator of Anagrafe)",
          "intermediary (system client)");
      case STAFF -> List.of("mario", "anna (another citizen)", "intermediary (system client)");
      case ADMIN -> List.of("mario", "anna (another citizen)", "sara (Scuola e Nidi)", "lucia (operator of Anagrafe)",
          "intermediary (system client)");
      case SYSTEM -> List.of("mario", "anna (another citizen)", "sara (Scuola e Nidi)",
          "lucia (operator of Anagrafe)");
      case SELF, OPEN -> fixtures.callers.keySet().stream().filter(name -> !name.equals(owner(entry).name()))
          .toList();
    };
    List<Caller> intruders = new ArrayList<>(names.stream().map(fixtures::caller).toList());
    if (entry.owner() != Owner.SELF && entry.owner() != Owner.OPEN) {
      fixtures.callers.values().stream().filter(c -> c.name().contains("Valle Serena")
          || c.name().startsWith("nobody") || (c.name().startsWith("a client without") && entry.owner() != Owner.SYSTEM))
          .forEach(intruders::add);
    }
    return intruders;
  }

  /**
   * Whether the intruder must be refused, or may be answered about their own things only. A comune's staff, its
   * administrator and its client systems asking about "the register", "the catalogue", "the reconciliation" get
   * their own comune's: they must just not see a byte of the owner's.
   */
  private static boolean mustBeRefused(Entry entry, Caller intruder) {
    return switch (entry.owner()) {
      case SELF, OPEN -> false;
      case CITIZEN, OFFICE -> true;
      case STAFF, ADMIN, SYSTEM -> !intruder.name().contains("Valle Serena");
    };
  }

  private Caller owner(Entry entry) {
    return fixtures.caller(switch (entry.owner()) {
      case CITIZEN -> "mario";
      case OFFICE, STAFF -> "sara (Scuola e Nidi)";
      case ADMIN -> "elena (administrator)";
      case SYSTEM -> "intermediary (system client)";
      case SELF -> entry.by() == null ? "mario" : entry.by();
      case OPEN -> "nobody (no token)";
    });
  }

  private Api.Response call(Entry entry, Caller caller) {
    String uri = Sweep.fill(entry.request(), fixtures.ids);
    String body = Sweep.fill(entry.body(), fixtures.ids);
    HttpRequest.Builder request = caller.host() == null ? api.request(uri, caller.token())
        : api.request(uri, caller.token(), "Host", caller.host());
    if ("multipart".equals(body)) {
      return api.upload(uri, caller.token(), Map.of("serviceId", "nursery-enrolment", "kind", "isee-certificate"),
          "isee.pdf", "application/pdf", Api.pdf("sweep"));
    }
    if ("zip".equals(body)) {
      return api.send(request.header("Content-Type", "application/zip")
          .method(entry.method(), HttpRequest.BodyPublishers.ofByteArray(new byte[] {'P', 'K', 3, 4})).build());
    }
    String contentType = "csv".equals(body) ? "text/csv" : "application/json";
    String content = "csv".equals(body) ? "payerFiscalCode;payerName;amountCents\nnot-a-code;x;-1\n" : body;
    request = content == null ? request.method(entry.method(), HttpRequest.BodyPublishers.noBody())
        : request.header("Content-Type", contentType).method(entry.method(),
            HttpRequest.BodyPublishers.ofString(content));
    return api.send(request.build());
  }
}
