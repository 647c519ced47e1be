package it.piazza.cases.internal;

import it.piazza.cases.CaseClosed;
import it.piazza.cases.CaseDecided;
import it.piazza.cases.CaseId;
import it.piazza.cases.CaseStatus;
import it.piazza.cases.CasesProblem;
import it.piazza.catalog.ServiceId;
import it.piazza.identity.Channel;
import it.piazza.identity.FiscalCode;
import it.piazza.identity.OfficeId;
import it.piazza.tenancy.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * An application (pratica) and its life cycle. It changes only through {@link #apply}, which checks the service's
 * workflow, the side of the actor and the law's clock rules, moves the state, and records what happened.
 */
final class Application {

  final CaseId id;
  final TenantId tenant;
  final ServiceId service;
  final int serviceVersion;
  final Workflow workflow;
  final Parties parties;
  final Channel channel;
  final OfficeId office;
  final JsonNode data;
  final String protocolNumber;
  final Instant submittedAt;
  final int version;
  CaseStatus status;
  String assignee;
  String assigneeGroup;
  LegalClock clock;
  LocalDate decidedOn;
  String decisionReason;
  boolean noticeSent;
  private final List<TimelineEntry> timeline = new ArrayList<>();
  private final List<Object> events = new ArrayList<>();

  /** Who applied, and for whom (the beneficiary is the applicant unless they applied for a delegator). */
  record Parties(String filedBy, FiscalCode applicant, String applicantName, FiscalCode beneficiary,
                 String beneficiaryName) {}

  Application(CaseId id, TenantId tenant, ServiceId service, int serviceVersion, Workflow workflow, Parties parties,
              Channel channel, OfficeId office, JsonNode data, String protocolNumber, Instant submittedAt,
              int version, CaseStatus status, String assignee, String assigneeGroup, LegalClock clock,
              LocalDate decidedOn, String decisionReason, boolean noticeSent) {
    this.id = id;
    this.tenant = tenant;
    this.service = service;
    this.serviceVersion = serviceVersion;
    this.workflow = workflow;
    this.parties = parties;
    this.channel = channel;
    this.office = office;
    this.data = data;
    this.protocolNumber = protocolNumber;
    this.submittedAt = submittedAt;
    this.version = version;
    this.status = status;
    this.assignee = assignee;
    this.assigneeGroup = assigneeGroup;
    this.clock = clock;
    this.decidedOn = decidedOn;
    this.decisionReason = decisionReason;
    this.noticeSent = noticeSent;
  }

  /** Records the filing: submitted, then registered in the protocol in the same transaction. */
  Application filed(Instant now, it.piazza.identity.Caller by) {
    timeline.add(new TimelineEntry(now, by.subject(), by.name(), "submit", null, CaseStatus.SUBMITTED, null, null,
        false));
    timeline.add(new TimelineEntry(now, by.subject(), by.name(), "register", CaseStatus.SUBMITTED,
        CaseStatus.REGISTERED, protocolNumber, null, false));
    return this;
  }

  /**
   * The service's fee is due before processing (decision 005): the case is registered but waits for the payment
   * before it reaches the office's queue of work.
   */
  void awaitPayment(Instant now) {
    timeline.add(new TimelineEntry(now, Actor.SYSTEM.subject(), Actor.SYSTEM.name(), "await-payment", status,
        CaseStatus.AWAITING_PAYMENT, null, null, false));
    status = CaseStatus.AWAITING_PAYMENT;
  }

  /**
   * The fee is paid: the case is registered for the office, and the legal term runs from the day of payment, since
   * an application whose fee is unpaid cannot be processed (decision 005). False when the case was not waiting.
   */
  boolean paymentSettled(Instant now, LocalDate paidOn) {
    if (status != CaseStatus.AWAITING_PAYMENT) {
      return false;
    }
    LocalDate from = paidOn.isBefore(clock.state().filedOn()) ? clock.state().filedOn() : paidOn;
    clock = LegalClock.start(from, clock.state().termDays(), clock.state().tacitApproval());
    timeline.add(new TimelineEntry(now, Actor.SYSTEM.subject(), Actor.SYSTEM.name(), "payment-settled", status,
        CaseStatus.REGISTERED, null, null, false));
    status = CaseStatus.REGISTERED;
    return true;
  }

  /** What an actor asks for: the action, a reason (required for some), an assignee or group, a note. */
  record Request(Action action, String reason, String assignee, String group, String note) {}

  void apply(Request request, Actor actor, Instant now, LocalDate today) {
    Action action = request.action();
    Workflow.Step step = workflow.step(action)
        .orElseThrow(() -> new CaseRuleViolation(CasesProblem.ACTION_NOT_IN_WORKFLOW, action.code(), workflow.name()));
    if (actor.kind() != Actor.Kind.SYSTEM && (action.side == Action.Side.OFFICE) != (actor.kind() == Actor.Kind.OFFICE)) {
      throw new CaseRuleViolation(CasesProblem.ACTION_NOT_FOR_ROLE, action.code());
    }
    if (!step.from().contains(status)) {
      throw new CaseRuleViolation(CasesProblem.ACTION_NOT_ALLOWED_IN_STATE, action.code(), status.code());
    }
    CaseStatus from = status;
    try {
      change(request, actor, today);
    } catch (ClockRuleViolation e) {
      throw new CaseRuleViolation(CasesProblem.CLOCK_RULE, e.getMessage());
    }
    if (step.to() != null) {
      status = step.to();
    }
    timeline.add(new TimelineEntry(now, actor.subject(), actor.name(), action.code(), from, status,
        request.reason(), request.note(), false));
    if (status == CaseStatus.APPROVED || status == CaseStatus.REJECTED) {
      events.add(new CaseDecided(id, tenant, parties.beneficiary(), service, status, today, false));
    }
    if (status == CaseStatus.CLOSED && from != CaseStatus.CLOSED) {
      events.add(new CaseClosed(id, tenant, service, office, protocolNumber, today, from));
    }
  }

  private void change(Request request, Actor actor, LocalDate today) {
    switch (request.action()) {
      case TAKE -> assignee = actor.subject();
      case ASSIGN -> assign(request, actor);
      case REQUEST_INTEGRATION -> clock = clock.suspendForIntegration(requireReason(request, today));
      case ANSWER_INTEGRATION -> clock = clock.resumeOnIntegration(today);
      case SEND_NOTICE_OF_REFUSAL -> {
        clock = clock.suspendForNoticeOfRefusal(requireReason(request, today));
        noticeSent = true;
      }
      case SEND_OBSERVATIONS -> clock = clock.observationsReceived(today);
      case APPROVE -> decide(today, request.reason());
      case REJECT -> {
        requireReason(request, today);
        // L. 241/1990 art. 10-bis: before refusing an application the office must give notice of the reasons.
        if (workflow.noticeBeforeRejection() && !noticeSent) {
          throw new CaseRuleViolation(CasesProblem.NOTICE_OF_REFUSAL_REQUIRED);
        }
        decide(today, request.reason());
      }
      case WITHDRAW -> decide(today, request.reason());
      case CLOSE -> { }
    }
  }

  private void assign(Request request, Actor actor) {
    if (request.assignee() == null && request.group() == null) {
      throw new CaseRuleViolation(CasesProblem.UNKNOWN_ASSIGNEE, "");
    }
    if (request.assignee() != null && !request.assignee().equals(actor.subject()) && !actor.manager()) {
      throw new CaseRuleViolation(CasesProblem.ONLY_MANAGER_ASSIGNS_OTHERS);
    }
    assignee = request.assignee();
    assigneeGroup = request.group();
  }

  private void decide(LocalDate today, String reason) {
    clock = clock.stop(today);
    decidedOn = today;
    decisionReason = reason;
  }

  private static LocalDate requireReason(Request request, LocalDate today) {
    if (request.reason() == null || request.reason().isBlank()) {
      throw new CaseRuleViolation(CasesProblem.REASON_REQUIRED, request.action().code());
    }
    return today;
  }

  /**
   * What the passing of time does by itself (run by the deadline sweeper): an unanswered integration request or
   * notice of refusal lapses, and where the service allows it, silence past the deadline approves (art. 20).
   */
  boolean passTime(Instant now, LocalDate today) {
    CaseStatus from = status;
    boolean suspendedNow = clock.readOn(today).suspendedFor().isPresent();
    if ((status == CaseStatus.AWAITING_INTEGRATION || status == CaseStatus.AWAITING_OBSERVATIONS) && !suspendedNow) {
      status = CaseStatus.IN_PROGRESS;
      timeline.add(new TimelineEntry(now, Actor.SYSTEM.subject(), Actor.SYSTEM.name(),
          from == CaseStatus.AWAITING_INTEGRATION ? "integration-window-expired" : "observations-window-expired",
          from, status, null, null, false));
    }
    if ((status == CaseStatus.REGISTERED || status == CaseStatus.IN_PROGRESS) && clock.silenceMeansApprovalOn(today)) {
      CaseStatus before = status;
      decide(today, null);
      status = CaseStatus.APPROVED;
      timeline.add(new TimelineEntry(now, Actor.SYSTEM.subject(), Actor.SYSTEM.name(), "approved-by-silence",
          before, status, "L. 241/1990 art. 20", null, false));
      events.add(new CaseDecided(id, tenant, parties.beneficiary(), service, status, today, true));
    }
    return status != from;
  }

  /** The next day on which time alone may change this application; empty when nothing is pending. */
  LocalDate nextSweep(LocalDate today) {
    var suspensions = clock.state().suspensions();
    return switch (status) {
      case AWAITING_INTEGRATION, AWAITING_OBSERVATIONS -> suspensions.isEmpty() ? today
          : suspensions.getLast().answerDeadline();
      case REGISTERED, IN_PROGRESS -> clock.state().tacitApproval() ? clock.readOn(today).dueDate().plusDays(1) : null;
      default -> null;
    };
  }

  void note(String text, Actor actor, Instant now) {
    timeline.add(new TimelineEntry(now, actor.subject(), actor.name(), "note", status, status, null, text, true));
  }

  List<TimelineEntry> newTimelineEntries() {
    return List.copyOf(timeline);
  }

  List<Object> newEvents() {
    return List.copyOf(events);
  }
}
