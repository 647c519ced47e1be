package it.piazza.preservation.internal;

import it.piazza.audit.AuditLog;
import it.piazza.audit.AuditRecord;
import it.piazza.cases.CaseFacts;
import it.piazza.cases.CaseId;
import it.piazza.cases.Cases;
import it.piazza.documents.DocumentStore;
import it.piazza.identity.Caller;
import it.piazza.issuance.DocumentIssued;
import it.piazza.platform.CommonProblem;
import it.piazza.platform.ProblemException;
import it.piazza.preservation.PreservationProblem;
import it.piazza.preservation.internal.Packages.State;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The comune administrator's view of its packages, and the resend of a rejected (or given up) one. */
@Component
class PackageAdministration {

  private final Packages packages;
  private final DocumentsToPreserve issued;
  private final PackageMaker maker;
  private final Cases cases;
  private final Poles poles;
  private final PreservationProperties properties;
  private final AuditLog audit;
  private final JsonMapper json;
  private final Clock clock;

  PackageAdministration(Packages packages, DocumentsToPreserve issued, PackageMaker maker, Cases cases, Poles poles,
                        PreservationProperties properties, AuditLog audit, JsonMapper json, Clock clock) {
    this.packages = packages;
    this.issued = issued;
    this.maker = maker;
    this.cases = cases;
    this.poles = poles;
    this.properties = properties;
    this.audit = audit;
    this.json = json;
    this.clock = clock;
  }

  /** Where the comune's packages go: a configured pole, the demo pole, or nowhere yet. */
  record PoleView(boolean configured, boolean demo) {}

  record View(UUID id, String kind, String subject, String state, String reason, String lastError, int attempts,
              boolean gaveUp, Instant nextAttemptAt, String poleId, String sha256, long size, Instant createdAt,
              Instant sentAt, Instant updatedAt, boolean resendable) {}

  record Listing(PoleView pole, List<View> items, long total, int page, int size) {}

  @Transactional
  Listing list(Caller caller, String state, String kind, int page, int size) {
    if (page < 0 || size < 1 || size > 200) {
      throw new ProblemException(CommonProblem.INVALID_PARAMETER, page < 0 ? "page" : "size");
    }
    State wantedState = parse(state, "state", s -> State.valueOf(s.toUpperCase(Locale.ROOT).replace('-', '_')));
    PackageKind wantedKind = parse(kind, "kind", PackageKind::fromCode);
    Packages.Page found = packages.list(caller.tenant(), new Packages.Filter(wantedState, wantedKind, page, size));
    audit.record(AuditRecord.by(caller, "read", "preservation-packages", caller.tenant().value(), null,
        "preservation"));
    return new Listing(pole(caller), found.items().stream().map(this::view).toList(), found.total(), page, size);
  }

  PoleView pole(Caller caller) {
    return poles.of(caller.tenant()).map(t -> new PoleView(true, t.demo())).orElse(new PoleView(false, false));
  }

  /** Builds the package again from its sources (so a fix is picked up) and queues it with fresh attempts. */
  @Transactional
  View resend(Caller caller, UUID id) {
    Packages.Row row = packages.find(caller.tenant(), id)
        .orElseThrow(() -> new ProblemException(PreservationProblem.PACKAGE_NOT_FOUND, id));
    if (!resendable(row)) {
      throw new ProblemException(PreservationProblem.PACKAGE_NOT_RESENDABLE, id, row.state().name());
    }
    Instant now = clock.instant();
    DocumentStore.Stored zip = rebuild(row, now);
    packages.requeue(row.id(), zip.sha256(), zip.size(), now);
    audit.record(AuditRecord.by(caller, "resend", "preservation-package", id.toString(), null, "preservation"));
    return view(packages.find(caller.tenant(), id).orElseThrow());
  }

  private DocumentStore.Stored rebuild(Packages.Row row, Instant now) {
    JsonNode cause = json.readTree(row.cause());
    List<DocumentIssued> documents = issued.inPackage(row.id());
    return switch (row.kind()) {
      case CASE -> {
        CaseFacts facts = cases.find(row.tenant(), new CaseId(UUID.fromString(row.subjectRef()))).orElseThrow();
        yield maker.caseSip(row.id(), facts, new PackageMaker.CaseCause(cause.get("caseId").asString(),
            cause.get("outcome").asString(), java.time.LocalDate.parse(cause.get("closedOn").asString())),
            documents, now);
      }
      case CASE_ADDENDUM -> maker.addendumSip(row.id(), documents.getFirst(),
          UUID.fromString(cause.get("casePackage").asString()),
          cases.find(row.tenant(), documents.getFirst().caseId()), now);
      case DAILY_REGISTER -> maker.registerSip(row.id(), documents.getFirst(), now);
    };
  }

  private boolean resendable(Packages.Row row) {
    return row.state() == State.REJECTED
        || (row.state() == State.TO_SEND && row.attempts() >= properties.sender().maxAttempts());
  }

  View view(Packages.Row r) {
    return new View(r.id(), r.kind().code(), r.subjectRef(), r.state().name().toLowerCase(Locale.ROOT)
        .replace('_', '-'), r.reason(), r.lastError(), r.attempts(),
        r.state() == State.TO_SEND && r.attempts() >= properties.sender().maxAttempts(), r.nextAttemptAt(),
        r.poleId(), r.sha256(), r.size(), r.createdAt(), r.sentAt(), r.updatedAt(), resendable(r));
  }

  private static <T> T parse(String value, String name, java.util.function.Function<String, T> reader) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return reader.apply(value.strip());
    } catch (IllegalArgumentException e) {
      throw new ProblemException(PreservationProblem.INVALID_PACKAGE_FILTER, name, value);
    }
  }
}
