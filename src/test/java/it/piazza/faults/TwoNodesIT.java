package it.piazza.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 7: two nodes on one database, both filing applications and handling cases at once, both sweeping
 * deadlines. Every event is handled once in effect (one fee, one protocol number per case), two operators' clicks
 * on two nodes move a case once, and the deadline sweeper decides each lapsed case exactly once (L. 241/1990
 * art. 20: silence means approval) however the two nodes' sweeps interleave.
 */
class TwoNodesIT {

  private static final int LAPSED = 24;

  @Test
  void twoNodesOnOneDatabaseActOnceOnEverything() {
    Path folder = Faults.folder("two-nodes");
    // Small sweep batches, so that the two nodes' sweeps interleave instead of one node taking everything at once.
    List<String> settings = List.of("--piazza.cases.sweep-every=500ms", "--piazza.cases.sweep-batch=2", "--piazza.events.retry-every=2s",
        "--piazza.events.retry-older-than=10s");
    try (FaultDatabase database = FaultDatabase.fresh(folder.resolve("postgres"));
         AppNode a = new AppNode("node-a", database, folder.resolve("data"), folder, settings);
         AppNode b = new AppNode("node-b", database, folder.resolve("data"), folder, settings)) {
      a.start(); // first alone: it migrates the schema and creates the shared keys
      b.launch();
      Faults.explained(() -> bothAtOnce(database, a, b), a, b);
    }
  }

  private void bothAtOnce(FaultDatabase database, AppNode a, AppNode b) {
    Ledger ledger = new Ledger(database);
    Load load = new Load(a);
    List<String> lapsing = new ArrayList<>();
    for (int i = 0; i < LAPSED; i++) {
      lapsing.add(changeOfResidence(load, a)); // while B starts
    }
    b.awaitReady();
    load.start(List.of(a, b), 6, false);
    Awaitility.await("40 applications filed").atMost(Duration.ofMinutes(2)).until(() -> load.created() >= 40);

    // Their 45 days passed without an answer: both nodes' sweepers find them due at once.
    ledger.jdbc().sql("""
        update application set clock = jsonb_set(clock, '{filedOn}', to_jsonb((current_date - 60)::text)),
          sweep_on = current_date - 1
        where service_id = 'change-of-residence'
        """).update();

    // Meanwhile Borgo Piazza's registry office takes and approves certificates, each click sent to both nodes at once.
    String lucia = Load.token(b, "lucia.esposito");
    List<String> handled = ledger.jdbc().sql("""
        select id::text from application
        where tenant_id = 'c_b001' and service_id = 'registry-certificate' and status = 'registered'
        """).query(String.class).list();
    assertThat(handled).as("exempt certificates go straight to the office").isNotEmpty();
    for (String id : handled) {
      for (String action : List.of("take", "approve")) {
        var onA = CompletableFuture.supplyAsync(() -> act(a, lucia, id, action));
        var onB = CompletableFuture.supplyAsync(() -> act(b, lucia, id, action));
        List<Integer> statuses = List.of(onA.join(), onB.join());
        assertThat(statuses).as("%s %s on both nodes", action, id).contains(200);
        assertThat(statuses).as("%s %s on both nodes", action, id).allMatch(s -> s == 200 || s == 409);
      }
    }

    Awaitility.await("every lapsed case approved by silence").atMost(Duration.ofMinutes(1))
        .until(() -> ledger.count("""
            select count(*) from application where service_id = 'change-of-residence' and status = 'approved'
            """) == LAPSED);
    List<Load.Outcome> outcomes = load.stop();

    assertThat(outcomes).as("every submission answered with a receipt").allMatch(o -> o.status() == 201);
    assertThat(outcomes.stream().filter(o -> o.attempt().node() == a)).as("node A filed").isNotEmpty();
    assertThat(outcomes.stream().filter(o -> o.attempt().node() == b)).as("node B filed").isNotEmpty();
    Receipts.eachNamesItsStoredCase(load, b, outcomes);

    for (String id : lapsing) {
      assertThat(ledger.count("select count(*) from case_event where case_id = ?::uuid and action = ?", id,
          "approved-by-silence")).as("approvals by silence of %s", id).isEqualTo(1);
      assertThat(ledger.count("""
          select count(*) from audit_entry where record_id = ? and purpose = 'legal-deadline' and action = 'approved'
          """, id)).as("audit entries of the approval of %s", id).isEqualTo(1);
      decidedOnce(ledger, id);
    }
    for (String id : handled) {
      for (String action : List.of("take", "approve")) {
        assertThat(ledger.count("select count(*) from case_event where case_id = ?::uuid and action = ?", id, action))
            .as("%s of %s", action, id).isEqualTo(1);
        assertThat(ledger.count("""
            select count(*) from audit_entry where record_id = ? and record_type = 'application' and action = ?
            """, id, action)).as("audit of %s of %s", action, id).isEqualTo(1);
      }
      decidedOnce(ledger, id);
    }
    Load.CITIZENS.values().stream().distinct().forEach(ledger::protocolNumbersAreGapless);
    ledger.casesAndProtocolEntriesMatchOneToOne();
    ledger.eachCaseIsAuditedOnceAsCreated();
    ledger.everyEventPublicationCompletes(Duration.ofMinutes(1));
    ledger.eachFeeIsOpenedOnce();
    System.out.printf("two nodes: %d receipts (%d from A, %d from B); %d cases taken and approved with clicks on both "
            + "nodes; %d approved by silence; sweeps logged by A: %d, by B: %d%n", outcomes.size(),
        outcomes.stream().filter(o -> o.attempt().node() == a).count(),
        outcomes.stream().filter(o -> o.attempt().node() == b).count(), handled.size(), LAPSED,
        a.logLines("Deadline sweep changed"), b.logLines("Deadline sweep changed"));
  }

  /** One CaseDecided for the case, delivered once to each of its listeners. */
  private static void decidedOnce(Ledger ledger, String id) {
    List<Long> perListener = ledger.jdbc().sql("""
        select count(*) from event_publication where event_type like '%CaseDecided' and serialized_event like ?
        group by listener_id
        """).param("%" + id + "%").query(Long.class).list();
    assertThat(perListener).as("CaseDecided publications of %s, per listener", id).isNotEmpty().containsOnly(1L);
  }

  private static int act(AppNode node, String token, String id, String action) {
    return send(HttpRequest.newBuilder(URI.create(node.base() + "/api/v1/cases/" + id + "/actions/" + action))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build()).statusCode();
  }

  /** Anna declares a change of residence (tacit approval after 45 days), with her identity document. */
  private static String changeOfResidence(Load load, AppNode node) {
    String anna = load.token("anna.bianchi");
    String boundary = "piazza-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    Map.of("serviceId", "change-of-residence", "kind", "identity-documents").forEach((name, value) -> body.writeBytes(
        ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
            .getBytes(StandardCharsets.UTF_8)));
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"ci.pdf\"\r\n"
        + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        + "2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\n% " + UUID.randomUUID() + "\ntrailer<</Root 1 0 R>>\n%%EOF\n"
        + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
    HttpResponse<String> upload = send(HttpRequest.newBuilder(URI.create(node.base() + "/api/v1/attachments"))
        .header("Authorization", "Bearer " + anna).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
    JsonNode example = Load.JSON.readTree(send(HttpRequest.newBuilder(
        URI.create(node.base() + "/api/v1/services/change-of-residence")).GET().build()).body())
        .get("schema").get("examples").get(0);
    String application = Load.JSON.writeValueAsString(Map.of("serviceId", "change-of-residence", "data", example,
        "attachmentIds", List.of(Load.JSON.readTree(upload.body()).get("id").asString())));
    Load.Outcome receipt = Load.post(node, "/api/v1/applications", anna,
        new Load.Attempt("anna.bianchi", UUID.randomUUID().toString(), application, node), application);
    assertThat(receipt.status()).as("%s", receipt.body()).isEqualTo(201);
    return receipt.caseId();
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return Load.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
