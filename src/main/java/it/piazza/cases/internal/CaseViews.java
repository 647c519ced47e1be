package it.piazza.cases.internal;

import it.piazza.catalog.Catalog;
import it.piazza.catalog.ServiceDefinition;
import it.piazza.documents.AttachmentInfo;
import it.piazza.documents.Attachments;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** How an application is shown: to its parties, and to the office (with internal notes and allowed actions). */
@Component
class CaseViews {

  private final Applications applications;
  private final Attachments attachments;
  private final Catalog catalog;
  private final Clock clock;

  CaseViews(Applications applications, Attachments attachments, Catalog catalog, Clock clock) {
    this.applications = applications;
    this.attachments = attachments;
    this.catalog = catalog;
    this.clock = clock;
  }

  record Person(String fiscalCode, String name) {}

  record Period(String reason, LocalDate from, LocalDate to) {}

  /** The legal clock as everyone sees it: days used, days left, suspended periods. */
  record ClockView(LocalDate filedOn, int termDays, LocalDate dueDate, long daysElapsed, long daysLeft,
                   boolean suspended, String suspendedFor, List<Period> suspendedPeriods, boolean overdue,
                   boolean tacitApproval, boolean decided) {}

  record Step(Instant at, String actor, String actorName, String action, String from, String to, String reason,
              String note, boolean internal) {}

  record Detail(UUID id, String serviceId, String serviceTitle, int serviceVersion, String workflow, String status,
                String protocolNumber, Instant submittedAt, String office, String channel, Person applicant,
                Person beneficiary, JsonNode data, List<AttachmentInfo> attachments, String assignee,
                String assigneeGroup, LocalDate decidedOn, String decisionReason, ClockView clock,
                List<Step> timeline, List<String> allowedActions) {}

  record Summary(UUID id, String serviceId, String serviceTitle, String status, String protocolNumber,
                 Instant submittedAt, String office, Person applicant, Person beneficiary, String assignee,
                 String assigneeGroup, ClockView clock) {}

  Detail detail(CaseAccess.Visible visible, Locale locale) {
    Application a = visible.application();
    LocalDate today = LocalDate.now(clock);
    List<Step> steps = applications.timeline(a.tenant, a.id, visible.office()).stream()
        .map(e -> new Step(e.at(), e.actor(), e.actorName(), e.action(), e.from() == null ? null : e.from().code(),
            e.to() == null ? null : e.to().code(), e.reason(), e.note(), e.officeOnly()))
        .toList();
    List<String> allowed = Arrays.stream(Action.values())
        .filter(action -> (action.side == Action.Side.OFFICE) == visible.office())
        .filter(action -> a.workflow.step(action).map(s -> s.from().contains(a.status)).orElse(false))
        .map(Action::code).toList();
    return new Detail(a.id.value(), a.service.value(), title(a, locale), a.serviceVersion, a.workflow.name(),
        a.status.code(), a.protocolNumber, a.submittedAt, a.office.value(), a.channel.code(),
        new Person(a.parties.applicant().value(), a.parties.applicantName()),
        new Person(a.parties.beneficiary().value(), a.parties.beneficiaryName()), a.data,
        attachments.ofCase(a.tenant, a.id.value()), a.assignee, a.assigneeGroup, a.decidedOn, a.decisionReason,
        clock(a.clock, today), steps, allowed);
  }

  Summary summary(Application a, Locale locale) {
    return new Summary(a.id.value(), a.service.value(), title(a, locale), a.status.code(), a.protocolNumber,
        a.submittedAt, a.office.value(), new Person(a.parties.applicant().value(), a.parties.applicantName()),
        new Person(a.parties.beneficiary().value(), a.parties.beneficiaryName()), a.assignee, a.assigneeGroup,
        clock(a.clock, LocalDate.now(clock)));
  }

  static ClockView clock(LegalClock legalClock, LocalDate today) {
    ClockReading r = legalClock.readOn(today);
    return new ClockView(legalClock.state().filedOn(), legalClock.state().termDays(), r.dueDate(), r.daysElapsed(),
        r.daysLeft(), r.suspended(), r.suspendedFor().map(reason -> reason.name().toLowerCase(Locale.ROOT)
            .replace('_', '-')).orElse(null),
        r.suspendedPeriods().stream().map(p -> new Period(p.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'),
            p.from(), p.to().orElse(null))).toList(),
        r.overdue(), legalClock.state().tacitApproval(), r.decided());
  }

  private String title(Application a, Locale locale) {
    return catalog.find(a.tenant, a.service, a.serviceVersion).map(ServiceDefinition::title).map(t -> t.in(locale))
        .orElse(a.service.value());
  }
}
