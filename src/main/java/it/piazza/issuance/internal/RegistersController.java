package it.piazza.issuance.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.piazza.identity.Caller;
import it.piazza.identity.Callers;
import it.piazza.identity.Role;
import it.piazza.platform.CommonProblem;
import it.piazza.platform.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The comune's daily protocol registers, for its administrators; each downloads from
 * {@code /api/v1/documents/{id}/content}.
 */
@RestController
@Tag(name = "Issued documents")
class RegistersController {

  private final Callers callers;
  private final IssuedDocuments documents;

  RegistersController(Callers callers, IssuedDocuments documents) {
    this.callers = callers;
    this.documents = documents;
  }

  record RegisterView(UUID id, LocalDate day, String title, Instant issuedAt, String verificationCode, String sha256,
                      String content) {}

  @GetMapping("/api/v1/admin/registers")
  @Operation(summary = "Daily protocol registers issued (administrators), newest first")
  List<RegisterView> registers() {
    Caller caller = callers.current();
    if (!caller.has(Role.ADMINISTRATOR)) {
      throw new ProblemException(CommonProblem.FORBIDDEN);
    }
    return documents.registers(caller.tenant(), 1000).stream().map(d -> new RegisterView(d.id().value(),
        d.registerDay(), d.title(), d.issuedAt(), d.verificationCode(), d.sha256(),
        "/api/v1/documents/" + d.id() + "/content")).toList();
  }
}
