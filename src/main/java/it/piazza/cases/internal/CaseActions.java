package it.piazza.cases.internal;

import it.piazza.audit.AuditLog;
import it.piazza.audit.AuditRecord;
import it.piazza.cases.CaseId;
import it.piazza.cases.CasesProblem;
import it.piazza.documents.Attachments;
import it.piazza.identity.Caller;
import it.piazza.identity.OfficeDirectory;
import it.piazza.platform.ProblemException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Applies an action to an application, once: two operators acting at the same moment get one success, one 409. */
@Component
class CaseActions {

  private final CaseAccess access;
  private final Applications applications;
  private final OfficeDirectory offices;
  private final Attachments attachments;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  CaseActions(CaseAccess access, Applications applications, OfficeDirectory offices, Attachments attachments,
              AuditLog audit, ApplicationEventPublisher events, Clock clock) {
    this.access = access;
    this.applications = applications;
    this.offices = offices;
    this.attachments = attachments;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  record Input(String reason, String assignee, String group, String note, List<UUID> attachmentIds) {}

  @Transactional(propagation = Propagation.MANDATORY)
  CaseAccess.Visible act(Caller caller, CaseId id, String actionCode, Input input) {
    Action action = Action.fromCode(actionCode)
        .orElseThrow(() -> new ProblemException(CasesProblem.UNKNOWN_ACTION, actionCode));
    CaseAccess.Visible visible = access.require(caller, id);
    Application application = visible.application();
    if (action == Action.ASSIGN) {
      checkAssignee(application, input);
    }
    application.apply(new Application.Request(action, input.reason(), input.assignee(), input.group(), input.note()),
        visible.actor(), clock.instant(), LocalDate.now(clock));
    if (!applications.update(application, LocalDate.now(clock))) {
      throw new ProblemException(CasesProblem.CHANGED_CONCURRENTLY);
    }
    if (input.attachmentIds() != null && !input.attachmentIds().isEmpty()) {
      attachments.bind(caller.tenant(), caller.subject(), application.service.value(), input.attachmentIds(),
          application.id.value());
    }
    audit.record(AuditRecord.by(caller, action.code(), "application", id.toString(),
        application.parties.beneficiary(), "case-handling"));
    application.newEvents().forEach(events::publishEvent);
    return visible;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void note(Caller caller, CaseId id, String text) {
    CaseAccess.Visible visible = access.require(caller, id);
    if (!visible.office()) {
      throw new ProblemException(CasesProblem.ACTION_NOT_FOR_ROLE, "note");
    }
    if (text == null || text.isBlank() || text.length() > 10_000) {
      throw new ProblemException(CasesProblem.REASON_REQUIRED, "note");
    }
    Application application = visible.application();
    application.note(text.strip(), visible.actor(), clock.instant());
    if (!applications.update(application, LocalDate.now(clock))) {
      throw new ProblemException(CasesProblem.CHANGED_CONCURRENTLY);
    }
    audit.record(AuditRecord.by(caller, "note", "application", id.toString(), application.parties.beneficiary(),
        "case-handling"));
  }

  private void checkAssignee(Application application, Input input) {
    if (input.assignee() != null && !offices.worksIn(application.tenant, application.office, input.assignee())) {
      throw new ProblemException(CasesProblem.UNKNOWN_ASSIGNEE, input.assignee());
    }
    if (input.group() != null && !offices.hasGroup(application.tenant, application.office, input.group())) {
      throw new ProblemException(CasesProblem.UNKNOWN_ASSIGNEE, input.group());
    }
  }
}
