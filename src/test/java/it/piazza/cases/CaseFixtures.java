package it.piazza.cases;

import it.piazza.support.Api;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Applications as the demo people would file them. */
public final class CaseFixtures {

  private final Api api;

  public CaseFixtures(Api api) {
    this.api = api;
  }

  /** Sofia Rossi, Mario's youngest, is of nursery age. */
  public String sofia(String marioToken) {
    for (JsonNode d : api.get("/api/v1/me", marioToken).json().get("delegators")) {
      if (d.get("name").asString().equals("Sofia Rossi")) {
        return d.get("fiscalCode").asString();
      }
    }
    throw new AssertionError("Sofia is not Mario's child");
  }

  public ObjectNode nurseryData(String childFiscalCode) {
    ObjectNode data = api.json().createObjectNode();
    data.putObject("child").put("fiscalCode", childFiscalCode).put("firstName", "Sofia").put("lastName", "Rossi")
        .put("birthDate", "2025-06-10");
    data.put("schoolYear", "2027-2028").put("childResident", true).put("preferredNursery", "nido-arcobaleno")
        .put("attendance", "full-time").put("parentsWorking", "both").put("singleParent", false)
        .put("siblingAttending", false).put("childWithDisability", false).put("vaccinationsCompliant", true)
        .put("truthfulnessDeclared", true).put("privacyAcknowledged", true);
    return data;
  }

  public String upload(String token, String serviceId, String kind, String text) {
    Api.Response answer = api.upload("/api/v1/attachments", token, Map.of("serviceId", serviceId, "kind", kind),
        "isee.pdf", "application/pdf", Api.pdf(text));
    if (answer.status() != 201) {
      throw new AssertionError("upload failed: " + answer);
    }
    return answer.json().get("id").asString();
  }

  /** Mario applies for a nursery place for Sofia with an ISEE certificate; answers the receipt. */
  public Api.Response applyForNursery(String marioToken, String key) {
    String attachment = upload(marioToken, "nursery-enrolment", "isee-certificate", "ISEE " + UUID.randomUUID());
    return api.post("/api/v1/applications", marioToken, Map.of("serviceId", "nursery-enrolment",
        "data", nurseryData(sofia(marioToken)), "attachmentIds", List.of(attachment)), "Idempotency-Key", key);
  }

  public Api.Response act(String token, String caseId, String action, Map<String, ?> body) {
    return api.post("/api/v1/cases/" + caseId + "/actions/" + action, token, body);
  }

  static LocalDate today() {
    return LocalDate.now(java.time.ZoneId.of("Europe/Rome"));
  }
}
