package it.piazza.preservation;

import static org.assertj.core.api.Assertions.assertThat;

import it.piazza.issuance.DocumentIssued;
import it.piazza.issuance.DocumentKind;
import it.piazza.support.Api;
import it.piazza.support.PiazzaTest;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Only the comune's administrator sees its packages and resends them: another comune's administrator finds nothing,
 * citizens and operators are refused; bad filters and unknown packages get a problem answer and change nothing.
 */
@PiazzaTest
class PreservationAccessTests extends PreservationTestBase {

  @Test
  void onlyTheComunesAdministratorSeesItsPackages() {
    DocumentIssued register = issue(NOVE, DocumentKind.DAILY_REGISTER, null, LocalDate.of(2026, 4, 1),
        "Registro giornaliero di protocollo del 01/04/2026");
    JsonNode mine = awaitPackage(NOVE, "daily-register", register.documentId().toString(), p -> true);
    String id = mine.get("id").asString();

    assertThat(find(DIECI, "daily-register", register.documentId().toString())).isNull();
    Api.Response otherAdmin = api.post("/api/v1/admin/preservation/packages/" + id + "/resend",
        administrator(DIECI), Map.of());
    assertThat(otherAdmin.status()).isEqualTo(404);
    assertThat(otherAdmin.isProblem()).isTrue();

    String citizen = citizen(NOVE, 9201);
    assertThat(api.get("/api/v1/admin/preservation/packages", citizen).status()).isEqualTo(403);
    assertThat(api.post("/api/v1/admin/preservation/packages/" + id + "/resend", citizen, Map.of()).status())
        .isEqualTo(403);
    assertThat(api.get("/api/v1/admin/preservation/packages", operator(NOVE, "anagrafe")).status()).isEqualTo(403);
    assertThat(api.get("/api/v1/admin/preservation/packages", null).status()).isEqualTo(401);
  }

  @Test
  void badInputGetsAProblemAnswer() {
    String admin = administrator(NOVE);
    assertProblem(api.get("/api/v1/admin/preservation/packages?state=lost", admin), 400,
        "invalid-preservation-filter");
    assertProblem(api.get("/api/v1/admin/preservation/packages?kind=fascicolo", admin), 400,
        "invalid-preservation-filter");
    assertProblem(api.get("/api/v1/admin/preservation/packages?size=1000", admin), 400, "invalid-parameter");
    assertProblem(api.post("/api/v1/admin/preservation/packages/" + UUID.randomUUID() + "/resend", admin, Map.of()),
        404, "preservation-package-not-found");
    Api.Response malformed = api.post("/api/v1/admin/preservation/packages/not-a-uuid/resend", admin, Map.of());
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.isProblem()).isTrue();
    JsonNode filtered = list(NOVE, "?state=accepted&kind=daily-register");
    filtered.get("items").forEach(p -> assertThat(p.get("state").asString()).isEqualTo("accepted"));
  }

  private static void assertProblem(Api.Response answer, int status, String type) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.isProblem()).isTrue();
    assertThat(answer.json().get("type").asString()).endsWith(type);
  }
}
