package it.piazza.cases.internal;

import it.piazza.audit.AuditLog;
import it.piazza.audit.AuditRecord;
import it.piazza.cases.CaseId;
import it.piazza.cases.CaseStatus;
import it.piazza.identity.Caller;
import it.piazza.identity.Callers;
import it.piazza.identity.Channel;
import it.piazza.identity.FiscalCode;
import it.piazza.identity.IdentityProblem;
import it.piazza.identity.OfficeId;
import it.piazza.platform.CommonProblem;
import it.piazza.platform.Idempotency;
import it.piazza.platform.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The office's work: its queue, actions on its cases, internal notes, applications filed at the desk. */
@RestController
@Tag(name = "Office")
class OfficeController {

  private final Callers callers;
  private final Queues queues;
  private final CaseViews views;
  private final CaseActions actions;
  private final Submissions submissions;
  private final Idempotency idempotency;
  private final AuditLog audit;
  private final Clock clock;

  OfficeController(Callers callers, Queues queues, CaseViews views, CaseActions actions, Submissions submissions,
                   Idempotency idempotency, AuditLog audit, Clock clock) {
    this.callers = callers;
    this.queues = queues;
    this.views = views;
    this.actions = actions;
    this.submissions = submissions;
    this.idempotency = idempotency;
    this.audit = audit;
    this.clock = clock;
  }

  record QueueAnswer(List<CaseViews.Summary> items, long total, int page, int size, Map<String, Long> counts) {}

  @GetMapping("/api/v1/office/cases")
  @PreAuthorize("hasAnyRole('OPERATOR', 'OFFICE_MANAGER')")
  @Operation(summary = "My office's queue, by due date; filters: status, service, overdue, assignee (subject, none, "
      + "group:<id>)")
  @Transactional
  QueueAnswer queue(@RequestParam(required = false) String status, @RequestParam(required = false) String service,
                    @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) String assignee,
                    @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
                    Locale locale) {
    Caller caller = callers.current();
    OfficeId office = caller.office().orElseThrow(() -> new ProblemException(CommonProblem.FORBIDDEN));
    if (page < 0 || size < 1 || size > 200) {
      throw new ProblemException(CommonProblem.INVALID_PARAMETER, page < 0 ? "page" : "size");
    }
    CaseStatus wanted;
    try {
      wanted = status == null ? null : CaseStatus.fromCode(status);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(CommonProblem.INVALID_PARAMETER, "status");
    }
    Queues.Page found = queues.office(caller.tenant(), office,
        new Queues.Filter(wanted, service, overdue, assignee, page, size), LocalDate.now(clock));
    audit.record(AuditRecord.by(caller, "read", "office-queue", office.value(), null, "case-handling"));
    return new QueueAnswer(found.items().stream().map(a -> views.summary(a, locale)).toList(), found.total(), page,
        size, queues.countsByStatus(caller.tenant(), office));
  }

  record ActionRequest(String reason, String assignee, String group, String note, List<UUID> attachmentIds) {}

  @PostMapping(path = "/api/v1/cases/{id}/actions/{action}", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Act on an application: take, assign, request-integration, answer-integration, "
      + "send-notice-of-refusal, send-observations, approve, reject, withdraw, close. Honours Idempotency-Key.")
  ResponseEntity<String> act(@PathVariable UUID id, @PathVariable String action,
                             @RequestBody(required = false) ActionRequest request,
                             @RequestHeader(name = Idempotency.HEADER, required = false) String key, Locale locale) {
    Caller caller = callers.current();
    ActionRequest body = request == null ? new ActionRequest(null, null, null, null, null) : request;
    return idempotency.run(caller.tenant().value(), caller.subject(), key, Map.of("case", id, "action", action,
        "body", body), () -> {
          CaseAccess.Visible visible = actions.act(caller, new CaseId(id), action, new CaseActions.Input(
              body.reason(), body.assignee(), body.group(), body.note(), body.attachmentIds()));
          return new Idempotency.Answer(HttpStatus.OK, views.detail(visible, locale), null);
        });
  }

  record NoteRequest(String note) {}

  @PostMapping(path = "/api/v1/cases/{id}/notes", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Add an internal note, visible to the office only")
  @Transactional
  ResponseEntity<Void> note(@PathVariable UUID id, @RequestBody NoteRequest request) {
    actions.note(callers.current(), new CaseId(id), request.note());
    return ResponseEntity.status(HttpStatus.CREATED).build();
  }

  record DeskRequest(String serviceId, DeskApplicant applicant, String onBehalfOf, JsonNode data,
                     List<UUID> attachmentIds) {}

  record DeskApplicant(String fiscalCode, String name) {}

  @PostMapping(path = "/api/v1/office/applications", consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('OPERATOR', 'OFFICE_MANAGER')")
  @Operation(summary = "File an application at the desk for a citizen who came in person (assisted digital)")
  ResponseEntity<String> desk(@RequestBody DeskRequest request,
                              @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                              Locale locale) {
    Caller caller = callers.current();
    if (request.applicant() == null || request.applicant().fiscalCode() == null
        || !FiscalCode.isValid(request.applicant().fiscalCode())) {
      throw new ProblemException(IdentityProblem.INVALID_FISCAL_CODE);
    }
    String name = request.applicant().name() == null || request.applicant().name().isBlank()
        ? request.applicant().fiscalCode() : request.applicant().name().strip();
    var applicant = new Submissions.Applicant(FiscalCode.of(request.applicant().fiscalCode()), name);
    return idempotency.run(caller.tenant().value(), caller.subject(), key, request, () -> {
      Submissions.Receipt receipt = submissions.submit(caller, new Submissions.Filing(request.serviceId(),
          request.onBehalfOf(), request.data(), request.attachmentIds(), applicant), Channel.DESK, locale);
      return new Idempotency.Answer(HttpStatus.CREATED, receipt, URI.create("/api/v1/applications/" + receipt.id()));
    });
  }
}
