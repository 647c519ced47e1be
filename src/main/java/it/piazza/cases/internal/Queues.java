package it.piazza.cases.internal;

import it.piazza.cases.CaseStatus;
import it.piazza.identity.FiscalCode;
import it.piazza.identity.OfficeId;
import it.piazza.tenancy.TenantId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Lists of applications: an office's work queue, a person's applications. */
@Repository
class Queues {

  private final JdbcClient jdbc;
  private final Applications applications;

  Queues(JdbcClient jdbc, Applications applications) {
    this.jdbc = jdbc;
    this.applications = applications;
  }

  /**
   * @param assignee a subject, {@code none} for unassigned, or {@code group:<id>}
   * @param overdue open applications whose running term has expired
   */
  record Filter(CaseStatus status, String service, Boolean overdue, String assignee, int page, int size) {}

  record Page(List<Application> items, long total) {}

  Page office(TenantId tenant, OfficeId office, Filter filter, LocalDate today) {
    StringBuilder where = new StringBuilder(" where tenant_id = :tenant and office_id = :office");
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("tenant", tenant.value());
    params.put("office", office.value());
    if (filter.status() != null) {
      where.append(" and status = :status");
      params.put("status", filter.status().code());
    }
    if (filter.service() != null) {
      where.append(" and service_id = :service");
      params.put("service", filter.service());
    }
    if (filter.overdue() != null) {
      where.append(filter.overdue() ? " and status in ('registered', 'in-progress') and due_date < :today"
          : " and not (status in ('registered', 'in-progress') and due_date < :today)");
      params.put("today", today);
    }
    if (filter.assignee() != null) {
      if (filter.assignee().equals("none")) {
        where.append(" and assignee is null and assignee_group is null");
      } else if (filter.assignee().startsWith("group:")) {
        where.append(" and assignee_group = :group");
        params.put("group", filter.assignee().substring(6));
      } else {
        where.append(" and assignee = :assignee");
        params.put("assignee", filter.assignee());
      }
    }
    long total = jdbc.sql("select count(*) from application" + where).params(params).query(Long.class).single();
    params.put("limit", filter.size());
    params.put("offset", (long) filter.page() * filter.size());
    List<Application> items = jdbc.sql("select * from application" + where
            + " order by due_date, submitted_at limit :limit offset :offset")
        .params(params).query(applications::row).list();
    return new Page(items, total);
  }

  Map<String, Long> countsByStatus(TenantId tenant, OfficeId office) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (CaseStatus status : CaseStatus.values()) {
      counts.put(status.code(), 0L);
    }
    jdbc.sql("select status, count(*) from application where tenant_id = ? and office_id = ? group by status")
        .params(tenant.value(), office.value())
        .query(rs -> {
          counts.put(rs.getString(1), rs.getLong(2));
        });
    return counts;
  }

  /** Applications filed by or for any of these people, newest first. */
  List<Application> ofPeople(TenantId tenant, Collection<FiscalCode> people, int limit) {
    if (people.isEmpty()) {
      return List.of();
    }
    List<String> codes = new ArrayList<>(people.stream().map(FiscalCode::value).toList());
    return jdbc.sql("""
            select * from application where tenant_id = :tenant
              and (applicant_fiscal_code in (:people) or beneficiary_fiscal_code in (:people))
            order by submitted_at desc limit :limit
            """)
        .param("tenant", tenant.value()).param("people", codes).param("limit", limit)
        .query(applications::row).list();
  }
}
