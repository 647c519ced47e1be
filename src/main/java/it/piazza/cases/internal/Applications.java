package it.piazza.cases.internal;

import it.piazza.cases.CaseId;
import it.piazza.cases.CaseStatus;
import it.piazza.catalog.ServiceId;
import it.piazza.identity.Channel;
import it.piazza.identity.FiscalCode;
import it.piazza.identity.OfficeId;
import it.piazza.tenancy.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Stored applications and their history; every query names the comune. */
@Repository
class Applications {

  private final JdbcClient jdbc;
  private final JsonMapper json;

  Applications(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** Inserts a new application with its first history entries, in one statement (one round trip). */
  void insert(Application a, LocalDate today) {
    List<TimelineEntry> entries = a.newTimelineEntries();
    StringBuilder events = new StringBuilder();
    var params = new java.util.HashMap<String, Object>();
    for (int i = 0; i < entries.size(); i++) {
      TimelineEntry e = entries.get(i);
      events.append(i == 0 ? "" : ", ").append("(:at%1$d::timestamptz, :actor%1$d::text, :actorName%1$d::text, :action%1$d::text, "
          .formatted(i)).append(":from%1$d::text, :to%1$d::text, :reason%1$d::text, :note%1$d::text, :officeOnly%1$d::boolean)"
          .formatted(i));
      params.put("at" + i, Timestamp.from(e.at()));
      params.put("actor" + i, e.actor());
      params.put("actorName" + i, e.actorName());
      params.put("action" + i, e.action());
      params.put("from" + i, e.from() == null ? null : e.from().code());
      params.put("to" + i, e.to() == null ? null : e.to().code());
      params.put("reason" + i, e.reason());
      params.put("note" + i, e.note());
      params.put("officeOnly" + i, e.officeOnly());
    }
    String insert = """
        insert into application (id, tenant_id, service_id, service_version, workflow, filed_by,
          applicant_fiscal_code, applicant_name, beneficiary_fiscal_code, beneficiary_name, channel, office_id,
          data, protocol_number, submitted_at, status, assignee, assignee_group, clock, due_date, sweep_on,
          decided_on, decision_reason, notice_sent, version)
        values (:id, :tenant, :service, :serviceVersion, :workflow, :filedBy, :applicant, :applicantName,
          :beneficiary, :beneficiaryName, :channel, :office, :data::jsonb, :protocol, :submittedAt, :status,
          :assignee, :group, :clock::jsonb, :dueDate, :sweepOn, :decidedOn, :reason, :notice, 0)
        """;
    jdbc.sql(entries.isEmpty() ? insert : "with inserted as (" + insert + " returning id, tenant_id)"
            + """
             insert into case_event (tenant_id, case_id, at, actor, actor_name, action, from_status, to_status,
                                     reason, note, office_only)
            select inserted.tenant_id, inserted.id, e.* from inserted, (values\s""" + events
            + ") as e (at, actor, actor_name, action, from_status, to_status, reason, note, office_only)")
        .param("id", a.id.value())
        .param("tenant", a.tenant.value())
        .param("service", a.service.value())
        .param("serviceVersion", a.serviceVersion)
        .param("workflow", a.workflow.name())
        .param("filedBy", a.parties.filedBy())
        .param("applicant", a.parties.applicant().value())
        .param("applicantName", a.parties.applicantName())
        .param("beneficiary", a.parties.beneficiary().value())
        .param("beneficiaryName", a.parties.beneficiaryName())
        .param("channel", a.channel.code())
        .param("office", a.office.value())
        .param("data", json.writeValueAsString(a.data))
        .param("protocol", a.protocolNumber)
        .param("submittedAt", Timestamp.from(a.submittedAt))
        .params(mutable(a, today))
        .params(params)
        .update();
  }

  /** Saves a changed application unless someone changed it since it was read (optimistic lock). */
  boolean update(Application a, LocalDate today) {
    int changed = jdbc.sql("""
            update application set status = :status, assignee = :assignee, assignee_group = :group,
              clock = :clock::jsonb, due_date = :dueDate, sweep_on = :sweepOn, decided_on = :decidedOn,
              decision_reason = :reason, notice_sent = :notice, version = version + 1, updated_at = now()
            where tenant_id = :tenant and id = :id and version = :version
            """)
        .param("tenant", a.tenant.value())
        .param("id", a.id.value())
        .param("version", a.version)
        .params(mutable(a, today))
        .update();
    if (changed == 1) {
      appendTimeline(a);
    }
    return changed == 1;
  }

  private java.util.Map<String, Object> mutable(Application a, LocalDate today) {
    var values = new java.util.HashMap<String, Object>();
    values.put("status", a.status.code());
    values.put("assignee", a.assignee);
    values.put("group", a.assigneeGroup);
    values.put("clock", json.writeValueAsString(a.clock.state()));
    values.put("dueDate", a.clock.readOn(today).dueDate());
    values.put("sweepOn", a.nextSweep(today));
    values.put("decidedOn", a.decidedOn);
    values.put("reason", a.decisionReason);
    values.put("notice", a.noticeSent);
    return values;
  }

  private void appendTimeline(Application a) {
    for (TimelineEntry e : a.newTimelineEntries()) {
      jdbc.sql("""
              insert into case_event (tenant_id, case_id, at, actor, actor_name, action, from_status, to_status,
                                      reason, note, office_only)
              values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
              """)
          .params(a.tenant.value(), a.id.value(), Timestamp.from(e.at()), e.actor(), e.actorName(), e.action(),
              e.from() == null ? null : e.from().code(), e.to() == null ? null : e.to().code(), e.reason(), e.note(),
              e.officeOnly())
          .update();
    }
  }

  void postponeSweep(Application a, LocalDate day) {
    jdbc.sql("update application set sweep_on = ? where tenant_id = ? and id = ?")
        .params(day, a.tenant.value(), a.id.value()).update();
  }

  Optional<Application> find(TenantId tenant, CaseId id) {
    return jdbc.sql("select * from application where tenant_id = ? and id = ?").params(tenant.value(), id.value())
        .query(this::row).optional();
  }

  /** The next applications time may change, claimed so that two app nodes never sweep the same one. */
  List<Application> claimDueForSweep(LocalDate today, int limit) {
    return jdbc.sql("""
            select * from application where sweep_on <= ? order by sweep_on limit ? for update skip locked
            """).params(today, limit).query(this::row).list();
  }

  List<TimelineEntry> timeline(TenantId tenant, CaseId id, boolean withOfficeNotes) {
    return jdbc.sql("""
            select * from case_event where tenant_id = ? and case_id = ? and (office_only = false or ?) order by id
            """).params(tenant.value(), id.value(), withOfficeNotes)
        .query((rs, n) -> new TimelineEntry(rs.getTimestamp("at").toInstant(), rs.getString("actor"),
            rs.getString("actor_name"), rs.getString("action"), status(rs.getString("from_status")),
            status(rs.getString("to_status")), rs.getString("reason"), rs.getString("note"),
            rs.getBoolean("office_only")))
        .list();
  }

  private static CaseStatus status(String code) {
    return code == null ? null : CaseStatus.fromCode(code);
  }

  Application row(ResultSet rs, int n) throws SQLException {
    String beneficiaryName = rs.getString("beneficiary_name");
    return new Application(new CaseId(rs.getObject("id", UUID.class)), new TenantId(rs.getString("tenant_id")),
        new ServiceId(rs.getString("service_id")), rs.getInt("service_version"),
        Workflow.named(rs.getString("workflow")),
        new Application.Parties(rs.getString("filed_by"), FiscalCode.of(rs.getString("applicant_fiscal_code")),
            rs.getString("applicant_name"), FiscalCode.of(rs.getString("beneficiary_fiscal_code")), beneficiaryName),
        Channel.valueOf(rs.getString("channel").toUpperCase(Locale.ROOT)), new OfficeId(rs.getString("office_id")),
        json.readTree(rs.getString("data")), rs.getString("protocol_number"),
        rs.getTimestamp("submitted_at").toInstant(), rs.getInt("version"), CaseStatus.fromCode(rs.getString("status")),
        rs.getString("assignee"), rs.getString("assignee_group"),
        LegalClock.rebuild(json.readValue(rs.getString("clock"), ClockState.class)),
        rs.getObject("decided_on", LocalDate.class), rs.getString("decision_reason"), rs.getBoolean("notice_sent"));
  }
}
