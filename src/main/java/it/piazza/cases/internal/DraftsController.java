package it.piazza.cases.internal;

import it.piazza.cases.CasesProblem;
import it.piazza.identity.Caller;
import it.piazza.identity.Callers;
import it.piazza.platform.Idempotency;
import it.piazza.platform.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
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
import tools.jackson.databind.json.JsonMapper;

/** Drafts: an application saved half-filled, resumed later (on any device), then submitted. */
@RestController
@Tag(name = "Drafts")
class DraftsController {

  private final Callers callers;
  private final Submissions submissions;
  private final Idempotency idempotency;
  private final JdbcClient jdbc;
  private final JsonMapper json;

  DraftsController(Callers callers, Submissions submissions, Idempotency idempotency, JdbcClient jdbc,
                   JsonMapper json) {
    this.callers = callers;
    this.submissions = submissions;
    this.idempotency = idempotency;
    this.jdbc = jdbc;
    this.json = json;
  }

  record DraftRequest(String serviceId, String onBehalfOf, JsonNode data, List<UUID> attachmentIds) {}

  record Draft(UUID id, String serviceId, String onBehalfOf, JsonNode data, List<UUID> attachmentIds,
               Instant updatedAt) {}

  @PostMapping(path = "/api/v1/drafts", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Save a draft application (not validated yet)")
  Draft create(@RequestBody DraftRequest request) {
    Caller caller = callers.current();
    submissions.service(caller, request.serviceId());
    UUID id = UUID.randomUUID();
    jdbc.sql("""
            insert into application_draft (id, tenant_id, owner_subject, service_id, on_behalf_of, data, attachment_ids)
            values (?, ?, ?, ?, ?, ?::jsonb, ?)
            """)
        .params(id, caller.tenant().value(), caller.subject(), request.serviceId(), blankToNull(request.onBehalfOf()),
            json.writeValueAsString(dataOf(request)), ids(request))
        .update();
    return find(caller, id);
  }

  @PutMapping(path = "/api/v1/drafts/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Replace a draft's data")
  Draft update(@PathVariable UUID id, @RequestBody DraftRequest request) {
    Caller caller = callers.current();
    find(caller, id);
    jdbc.sql("""
            update application_draft set on_behalf_of = ?, data = ?::jsonb, attachment_ids = ?, updated_at = now()
            where tenant_id = ? and owner_subject = ? and id = ?
            """)
        .params(blankToNull(request.onBehalfOf()), json.writeValueAsString(dataOf(request)), ids(request),
            caller.tenant().value(), caller.subject(), id)
        .update();
    return find(caller, id);
  }

  @GetMapping("/api/v1/drafts/{id}")
  Draft one(@PathVariable UUID id) {
    return find(callers.current(), id);
  }

  @GetMapping("/api/v1/me/drafts")
  @Operation(summary = "My drafts, most recently changed first")
  List<Draft> mine() {
    Caller caller = callers.current();
    return jdbc.sql("select * from application_draft where tenant_id = ? and owner_subject = ? "
        + "order by updated_at desc").params(caller.tenant().value(), caller.subject()).query(this::row).list();
  }

  @DeleteMapping("/api/v1/drafts/{id}")
  ResponseEntity<Void> delete(@PathVariable UUID id) {
    Caller caller = callers.current();
    find(caller, id);
    jdbc.sql("delete from application_draft where tenant_id = ? and owner_subject = ? and id = ?")
        .params(caller.tenant().value(), caller.subject(), id).update();
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/api/v1/drafts/{id}/submit")
  @Operation(summary = "Submit a draft: validated and filed like a new application; the draft is then gone")
  ResponseEntity<String> submit(@PathVariable UUID id,
                                @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                Locale locale) {
    Caller caller = callers.current();
    return idempotency.run(caller.tenant().value(), caller.subject(), key, Map.of("draft", id), () -> {
      Draft draft = find(caller, id);
      Submissions.Receipt receipt = submissions.submit(caller, new Submissions.Filing(draft.serviceId(),
          draft.onBehalfOf(), draft.data(), draft.attachmentIds(), null), caller.channel(), locale);
      jdbc.sql("delete from application_draft where id = ?").param(id).update();
      return new Idempotency.Answer(HttpStatus.CREATED, receipt, URI.create("/api/v1/applications/" + receipt.id()));
    });
  }

  private Draft find(Caller caller, UUID id) {
    return jdbc.sql("select * from application_draft where tenant_id = ? and owner_subject = ? and id = ?")
        .params(caller.tenant().value(), caller.subject(), id).query(this::row).optional()
        .orElseThrow(() -> new ProblemException(CasesProblem.DRAFT_NOT_FOUND));
  }

  private Draft row(ResultSet rs, int n) throws SQLException {
    Array ids = rs.getArray("attachment_ids");
    return new Draft(rs.getObject("id", UUID.class), rs.getString("service_id"), rs.getString("on_behalf_of"),
        json.readTree(rs.getString("data")), Arrays.asList((UUID[]) ids.getArray()),
        rs.getTimestamp("updated_at").toInstant());
  }

  private JsonNode dataOf(DraftRequest request) {
    return request.data() == null || !request.data().isObject() ? json.createObjectNode() : request.data();
  }

  private static UUID[] ids(DraftRequest request) {
    return request.attachmentIds() == null ? new UUID[0] : request.attachmentIds().toArray(UUID[]::new);
  }

  private static String blankToNull(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (!it.piazza.identity.FiscalCode.isValid(value)) {
      throw Submissions.invalid(List.of(new it.piazza.catalog.FieldError("/onBehalfOf", "Codice fiscale non valido")));
    }
    return it.piazza.identity.FiscalCode.of(value).value();
  }
}
