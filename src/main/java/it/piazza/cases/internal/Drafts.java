package it.piazza.cases.internal;

import it.piazza.cases.CasesProblem;
import it.piazza.catalog.FieldError;
import it.piazza.identity.Caller;
import it.piazza.identity.FiscalCode;
import it.piazza.platform.ProblemException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applications saved half-filled, not validated yet, each its owner's only; resumed later (on any device) through
 * the API or the portal, then submitted.
 */
@Repository
class Drafts {

  private final JdbcClient jdbc;
  private final JsonMapper json;

  Drafts(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  record Draft(UUID id, String serviceId, String onBehalfOf, JsonNode data, List<UUID> attachmentIds,
               Instant updatedAt) {}

  Draft create(Caller caller, String serviceId, String onBehalfOf, JsonNode data, List<UUID> attachmentIds) {
    UUID id = UUID.randomUUID();
    jdbc.sql("""
            insert into application_draft (id, tenant_id, owner_subject, service_id, on_behalf_of, data, attachment_ids)
            values (?, ?, ?, ?, ?, ?::jsonb, ?)
            """)
        .params(id, caller.tenant().value(), caller.subject(), serviceId, fiscalCodeOrNull(onBehalfOf),
            json.writeValueAsString(objectOrEmpty(data)), ids(attachmentIds))
        .update();
    return find(caller, id);
  }

  Draft update(Caller caller, UUID id, String onBehalfOf, JsonNode data, List<UUID> attachmentIds) {
    find(caller, id);
    jdbc.sql("""
            update application_draft set on_behalf_of = ?, data = ?::jsonb, attachment_ids = ?, updated_at = now()
            where tenant_id = ? and owner_subject = ? and id = ?
            """)
        .params(fiscalCodeOrNull(onBehalfOf), json.writeValueAsString(objectOrEmpty(data)), ids(attachmentIds),
            caller.tenant().value(), caller.subject(), id)
        .update();
    return find(caller, id);
  }

  Draft find(Caller caller, UUID id) {
    return jdbc.sql("select * from application_draft where tenant_id = ? and owner_subject = ? and id = ?")
        .params(caller.tenant().value(), caller.subject(), id).query(this::row).optional()
        .orElseThrow(() -> new ProblemException(CasesProblem.DRAFT_NOT_FOUND));
  }

  List<Draft> mine(Caller caller) {
    return jdbc.sql("select * from application_draft where tenant_id = ? and owner_subject = ? "
        + "order by updated_at desc").params(caller.tenant().value(), caller.subject()).query(this::row).list();
  }

  void delete(Caller caller, UUID id) {
    jdbc.sql("delete from application_draft where tenant_id = ? and owner_subject = ? and id = ?")
        .params(caller.tenant().value(), caller.subject(), id).update();
  }

  private Draft row(ResultSet rs, int n) throws SQLException {
    Array ids = rs.getArray("attachment_ids");
    return new Draft(rs.getObject("id", UUID.class), rs.getString("service_id"), rs.getString("on_behalf_of"),
        json.readTree(rs.getString("data")), Arrays.asList((UUID[]) ids.getArray()),
        rs.getTimestamp("updated_at").toInstant());
  }

  private JsonNode objectOrEmpty(JsonNode data) {
    return data == null || !data.isObject() ? json.createObjectNode() : data;
  }

  private static UUID[] ids(List<UUID> attachmentIds) {
    return attachmentIds == null ? new UUID[0] : attachmentIds.toArray(UUID[]::new);
  }

  private static String fiscalCodeOrNull(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (!FiscalCode.isValid(value)) {
      throw Submissions.invalid(List.of(new FieldError("/onBehalfOf", "Codice fiscale non valido")));
    }
    return FiscalCode.of(value).value();
  }
}
