package it.piazza.preservation.internal;

import it.piazza.identity.Caller;
import it.piazza.identity.Callers;
import it.piazza.platform.Idempotency;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The comune administrator follows its preservation packages and sends a rejected one again after a fix. */
@RestController
@Tag(name = "Preservation administration")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class PreservationAdminController {

  private final Callers callers;
  private final PackageAdministration administration;
  private final Idempotency idempotency;

  PreservationAdminController(Callers callers, PackageAdministration administration, Idempotency idempotency) {
    this.callers = callers;
    this.administration = administration;
    this.idempotency = idempotency;
  }

  @GetMapping("/api/v1/admin/preservation/packages")
  @Operation(summary = "The comune's submission packages, newest first; filters: state (to-send, sent, accepted, "
      + "rejected), kind (case, case-addendum, daily-register); and whether a pole is configured")
  PackageAdministration.Listing list(@RequestParam(required = false) String state,
                                     @RequestParam(required = false) String kind,
                                     @RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "20") int size) {
    return administration.list(callers.current(), state, kind, page, size);
  }

  @PostMapping("/api/v1/admin/preservation/packages/{id}/resend")
  @Operation(summary = "Build a rejected (or given up) package again and queue it for the pole; honours "
      + "Idempotency-Key")
  ResponseEntity<String> resend(@PathVariable UUID id,
                                @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
    Caller caller = callers.current();
    return idempotency.run(caller.tenant().value(), caller.subject(), key, "preservation-resend:" + id,
        () -> new Idempotency.Answer(HttpStatus.OK, administration.resend(caller, id), null));
  }
}
