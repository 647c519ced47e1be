package it.piazza.cases.internal;

import it.piazza.audit.AuditLog;
import it.piazza.audit.AuditRecord;
import it.piazza.cases.CaseId;
import it.piazza.identity.Caller;
import it.piazza.identity.Callers;
import it.piazza.platform.Idempotency;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Applications as their applicants (and delegates) file and follow them. */
@RestController
@Tag(name = "Applications")
class ApplicationsController {

  private final Callers callers;
  private final Submissions submissions;
  private final CaseAccess access;
  private final CaseViews views;
  private final Queues queues;
  private final Idempotency idempotency;
  private final AuditLog audit;

  ApplicationsController(Callers callers, Submissions submissions, CaseAccess access, CaseViews views, Queues queues,
                         Idempotency idempotency, AuditLog audit) {
    this.callers = callers;
    this.submissions = submissions;
    this.access = access;
    this.views = views;
    this.queues = queues;
    this.idempotency = idempotency;
    this.audit = audit;
  }

  record ApplicationRequest(String serviceId, String onBehalfOf, JsonNode data, List<UUID> attachmentIds) {}

  @PostMapping(path = "/api/v1/applications", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "File an application; answers the receipt (L. 241/1990 art. 18-bis). Honours Idempotency-Key.")
  ResponseEntity<String> submit(@RequestBody ApplicationRequest request,
                                @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                Locale locale) {
    Caller caller = callers.current();
    return idempotency.run(caller.tenant().value(), caller.subject(), key, request, () -> {
      Submissions.Receipt receipt = submissions.submit(caller, new Submissions.Filing(request.serviceId(),
          request.onBehalfOf(), request.data(), request.attachmentIds(), null), caller.channel(), locale);
      return new Idempotency.Answer(HttpStatus.CREATED, receipt, URI.create("/api/v1/applications/" + receipt.id()));
    });
  }

  @GetMapping("/api/v1/me/applications")
  @Operation(summary = "My applications and those of the people I may act for, newest first")
  @Transactional
  List<CaseViews.Summary> mine(Locale locale) {
    Caller caller = callers.current();
    List<CaseViews.Summary> list = queues.ofPeople(caller.tenant(), access.peopleOf(caller), 500).stream()
        .map(a -> views.summary(a, locale)).toList();
    audit.record(AuditRecord.by(caller, "read", "application-list", null, caller.subjectPerson().orElse(null),
        "citizen-file"));
    return list;
  }

  @GetMapping("/api/v1/applications/{id}")
  @Operation(summary = "An application with its data, attachments, legal clock and history")
  @Transactional
  CaseViews.Detail one(@PathVariable UUID id, Locale locale) {
    Caller caller = callers.current();
    CaseAccess.Visible visible = access.require(caller, new CaseId(id));
    audit.record(AuditRecord.by(caller, "read", "application", id.toString(),
        visible.application().parties.beneficiary(), visible.office() ? "case-handling" : "citizen-file"));
    return views.detail(visible, locale);
  }
}
