package it.piazza.cases.internal;

import it.piazza.cases.internal.Drafts.Draft;
import it.piazza.identity.Caller;
import it.piazza.identity.Callers;
import it.piazza.platform.Idempotency;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Drafts: an application saved half-filled, resumed later (on any device), then submitted. */
@RestController
@Tag(name = "Drafts")
class DraftsController {

  private final Callers callers;
  private final Submissions submissions;
  private final Idempotency idempotency;
  private final Drafts drafts;

  DraftsController(Callers callers, Submissions submissions, Idempotency idempotency, Drafts drafts) {
    this.callers = callers;
    this.submissions = submissions;
    this.idempotency = idempotency;
    this.drafts = drafts;
  }

  record DraftRequest(String serviceId, String onBehalfOf, JsonNode data, List<UUID> attachmentIds) {}

  @PostMapping(path = "/api/v1/drafts", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Save a draft application (not validated yet)")
  Draft create(@RequestBody DraftRequest request) {
    Caller caller = callers.current();
    submissions.service(caller, request.serviceId());
    return drafts.create(caller, request.serviceId(), request.onBehalfOf(), request.data(), request.attachmentIds());
  }

  @PutMapping(path = "/api/v1/drafts/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Replace a draft's data")
  Draft update(@PathVariable UUID id, @RequestBody DraftRequest request) {
    return drafts.update(callers.current(), id, request.onBehalfOf(), request.data(), request.attachmentIds());
  }

  @GetMapping("/api/v1/drafts/{id}")
  Draft one(@PathVariable UUID id) {
    return drafts.find(callers.current(), id);
  }

  @GetMapping("/api/v1/me/drafts")
  @Operation(summary = "My drafts, most recently changed first")
  List<Draft> mine() {
    return drafts.mine(callers.current());
  }

  @DeleteMapping("/api/v1/drafts/{id}")
  ResponseEntity<Void> delete(@PathVariable UUID id) {
    Caller caller = callers.current();
    drafts.find(caller, id);
    drafts.delete(caller, id);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/api/v1/drafts/{id}/submit")
  @Operation(summary = "Submit a draft: validated and filed like a new application; the draft is then gone")
  ResponseEntity<String> submit(@PathVariable UUID id,
                                @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                Locale locale) {
    Caller caller = callers.current();
    return idempotency.run(caller.tenant().value(), caller.subject(), key, Map.of("draft", id), () -> {
      Draft draft = drafts.find(caller, id);
      Submissions.Receipt receipt = submissions.submit(caller, new Submissions.Filing(draft.serviceId(),
          draft.onBehalfOf(), draft.data(), draft.attachmentIds(), null), caller.channel(), locale);
      drafts.delete(caller, id);
      return new Idempotency.Answer(HttpStatus.CREATED, receipt, URI.create("/api/v1/applications/" + receipt.id()));
    });
  }
}
