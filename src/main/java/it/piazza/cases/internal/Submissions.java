package it.piazza.cases.internal;

import it.piazza.audit.AuditLog;
import it.piazza.audit.AuditRecord;
import it.piazza.cases.CaseId;
import it.piazza.cases.CaseStatus;
import it.piazza.cases.CaseSubmitted;
import it.piazza.cases.CasesProblem;
import it.piazza.catalog.Catalog;
import it.piazza.catalog.FieldError;
import it.piazza.catalog.ServiceDefinition;
import it.piazza.catalog.ServiceId;
import it.piazza.documents.AttachmentInfo;
import it.piazza.documents.Attachments;
import it.piazza.identity.Caller;
import it.piazza.identity.Channel;
import it.piazza.identity.FiscalCode;
import it.piazza.platform.ProblemException;
import it.piazza.protocol.Correspondent;
import it.piazza.protocol.ProtocolEntry;
import it.piazza.protocol.ProtocolRegister;
import it.piazza.protocol.Registration;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Files an application (L. 241/1990 art. 18-bis): in one transaction it is checked against the service's form,
 * its attachments bound, registered in the protocol, its legal clock started, stored, audited and announced — so
 * the receipt the applicant gets names a committed, registered case.
 */
@Component
class Submissions {

  private final Catalog catalog;
  private final Beneficiaries beneficiaries;
  private final Attachments attachments;
  private final ProtocolRegister protocol;
  private final Applications applications;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final JsonMapper json;
  private final Clock clock;

  Submissions(Catalog catalog, Beneficiaries beneficiaries, Attachments attachments, ProtocolRegister protocol,
              Applications applications, AuditLog audit, ApplicationEventPublisher events, JsonMapper json,
              Clock clock) {
    this.catalog = catalog;
    this.beneficiaries = beneficiaries;
    this.attachments = attachments;
    this.protocol = protocol;
    this.applications = applications;
    this.audit = audit;
    this.events = events;
    this.json = json;
    this.clock = clock;
  }

  /** What is filed. {@code applicant} is the caller, or the citizen an operator files for at the desk. */
  record Filing(String serviceId, String onBehalfOf, JsonNode data, List<UUID> attachmentIds, Applicant applicant) {}

  record Applicant(FiscalCode fiscalCode, String name) {}

  /** The receipt of art. 18-bis: protocol number and date, office, deadline. */
  record Receipt(UUID id, String status, ProtocolView protocol, String office, LocalDate dueDate) {
    record ProtocolView(String number, LocalDate date) {}
  }

  @Transactional(propagation = Propagation.MANDATORY)
  Receipt submit(Caller caller, Filing filing, Channel channel, Locale locale) {
    ServiceDefinition service = service(caller, filing.serviceId());
    if (!service.channels().contains(channel == Channel.DESK ? "desk" : "online")) {
      throw new ProblemException(CasesProblem.CHANNEL_NOT_OFFERED, channel.code());
    }
    JsonNode data = filing.data() == null ? json.createObjectNode() : filing.data();
    List<FieldError> errors = new ArrayList<>(catalog.validate(service, data, locale));
    Beneficiaries.Parties parties = beneficiaries.of(caller, filing.applicant(), service, filing.onBehalfOf(), data);
    if (!errors.isEmpty()) {
      throw invalid(errors);
    }
    CaseId id = CaseId.random();
    List<AttachmentInfo> bound = filing.attachmentIds() == null || filing.attachmentIds().isEmpty() ? List.of()
        : attachments.bind(caller.tenant(), caller.subject(), service.id().value(), filing.attachmentIds(), id.value());
    errors.addAll(RequiredAttachments.missing(service, data, bound, locale));
    if (!errors.isEmpty()) {
      throw invalid(errors);
    }
    Instant now = clock.instant();
    LocalDate today = LocalDate.now(clock);
    // Registering queues this transaction behind the comune's other registrations until it commits (gapless
    // numbering, DPR 445/2000 art. 57): whatever does not need the number is written before, to hold the queue short.
    audit.record(AuditRecord.by(caller, "create", "application", id.toString(), parties.beneficiary(),
        "application:" + service.id()));
    ProtocolEntry entry = protocol.register(Registration.incoming(caller.tenant(),
            Correspondent.person(parties.applicantName(), parties.applicant()),
            service.title().it() + " — " + parties.beneficiaryName(), fingerprint(service, data, bound),
            caller.subject(), channel)
        .withDocument("istanza", id.toString()));
    Application application = new Application(id, caller.tenant(), service.id(), service.version(),
        Workflow.named(service.workflow()), parties.toCase(caller.subject()), channel, service.office(), data,
        entry.number().format(), now, 0, CaseStatus.REGISTERED, null, null,
        LegalClock.start(entry.registrationDate(), service.legalDeadlineDays(), service.tacitApproval()),
        null, null, false);
    application.filed(now, caller);
    if (service.fee().filter(fee -> fee.due() == ServiceDefinition.Fee.Due.BEFORE_PROCESSING && fee.appliesTo(data))
        .isPresent()) {
      application.awaitPayment(now);
    }
    applications.insert(application, today);
    LocalDate due = application.clock.readOn(today).dueDate();
    events.publishEvent(new CaseSubmitted(id, caller.tenant(), parties.applicant(), parties.beneficiary(),
        service.id(), service.office(), entry.number().format(), due));
    return new Receipt(id.value(), application.status.code(),
        new Receipt.ProtocolView(entry.number().format(), entry.registrationDate()), service.office().value(), due);
  }

  ServiceDefinition service(Caller caller, String serviceId) {
    try {
      return catalog.find(caller.tenant(), new ServiceId(serviceId == null ? "" : serviceId))
          .orElseThrow(() -> new ProblemException(CasesProblem.UNKNOWN_SERVICE, serviceId));
    } catch (IllegalArgumentException malformed) {
      throw new ProblemException(CasesProblem.UNKNOWN_SERVICE, serviceId);
    }
  }

  static ProblemException invalid(List<FieldError> errors) {
    return new ProblemException(CasesProblem.INVALID_APPLICATION).with("errors",
        errors.stream().map(e -> Map.of("pointer", e.pointer(), "message", e.message())).toList());
  }

  /** The protocol's fingerprint of the application: its data and its attachments' fingerprints, canonically. */
  private String fingerprint(ServiceDefinition service, JsonNode data, List<AttachmentInfo> bound) {
    var document = json.createObjectNode();
    document.put("service", service.id().value());
    document.put("serviceVersion", service.version());
    document.set("data", data);
    var files = document.putArray("attachments");
    bound.forEach(a -> files.addObject().put("kind", a.kind()).put("sha256", a.sha256()));
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(json.writeValueAsString(document).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
