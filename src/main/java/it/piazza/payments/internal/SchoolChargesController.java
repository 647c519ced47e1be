package it.piazza.payments.internal;

import it.piazza.audit.AuditLog;
import it.piazza.audit.AuditRecord;
import it.piazza.identity.Caller;
import it.piazza.identity.Callers;
import it.piazza.identity.FiscalCode;
import it.piazza.identity.OfficeId;
import it.piazza.identity.Role;
import it.piazza.payments.PaymentsProblem;
import it.piazza.platform.CommonProblem;
import it.piazza.platform.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The school side of recurring charges: the canteen meals each enrolled child ate in a month (from the school's or
 * the caterer's attendance records), and a run of the charges job on demand.
 */
@RestController
@Tag(name = "Payments")
class SchoolChargesController {

  private final Callers callers;
  private final Enrolments enrolments;
  private final RecurringCharges charges;
  private final AuditLog audit;
  private final JdbcClient jdbc;
  private final Clock clock;

  SchoolChargesController(Callers callers, Enrolments enrolments, RecurringCharges charges, AuditLog audit,
                          JdbcClient jdbc, Clock clock) {
    this.callers = callers;
    this.enrolments = enrolments;
    this.charges = charges;
    this.audit = audit;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  record MealsRequest(List<JsonNode> children) {}

  record MealsAnswer(String month, int recorded) {}

  @PutMapping("/api/v1/payments/canteen-meals/{month}")
  @PreAuthorize("hasAnyRole('SYSTEM', 'ADMINISTRATOR', 'OPERATOR', 'OFFICE_MANAGER')")
  @Operation(summary = "Record the canteen meals of enrolled children in a month (YYYY-MM): "
      + "{children: [{fiscalCode, meals}]}. Replaces earlier figures until the month is charged.")
  @Transactional
  MealsAnswer meals(@PathVariable String month, @RequestBody MealsRequest request) {
    Caller caller = callers.current();
    YearMonth period = month(month);
    if (period.isAfter(YearMonth.now(clock))) {
      throw new ProblemException(CommonProblem.INVALID_PARAMETER, "month");
    }
    List<Map<String, Object>> errors = new ArrayList<>();
    List<Object[]> rows = new ArrayList<>();
    List<JsonNode> children = request == null || request.children() == null ? List.of() : request.children();
    if (children.isEmpty() || children.size() > 5_000) {
      errors.add(Map.of("pointer", "/children", "message", "1-5000 children"));
    }
    for (int i = 0; i < children.size(); i++) {
      JsonNode child = children.get(i);
      String code = child.path("fiscalCode").asString("");
      JsonNode meals = child.get("meals");
      if (!FiscalCode.isValid(code)) {
        errors.add(Map.of("pointer", "/children/" + i + "/fiscalCode", "message", "invalid fiscal code"));
        continue;
      }
      if (meals == null || !meals.isIntegralNumber() || !meals.canConvertToInt() || meals.asInt() < 0 || meals.asInt() > 31) {
        errors.add(Map.of("pointer", "/children/" + i + "/meals", "message", "0-31 meals"));
        continue;
      }
      FiscalCode fiscalCode = FiscalCode.of(code);
      var enrolment = enrolments.canteen(caller.tenant(), fiscalCode);
      boolean mayRecord = caller.has(Role.SYSTEM) || caller.has(Role.ADMINISTRATOR)
          || enrolment.map(e -> caller.worksIn(new OfficeId(e.office()))).orElse(false);
      if (enrolment.isEmpty() || !mayRecord) {
        errors.add(Map.of("pointer", "/children/" + i + "/fiscalCode", "message", "not enrolled in the canteen"));
        continue;
      }
      if (charged(caller, fiscalCode, period)) {
        errors.add(Map.of("pointer", "/children/" + i, "message", "this month is already charged"));
        continue;
      }
      rows.add(new Object[] {caller.tenant().value(), fiscalCode.value(), period.toString(), meals.asInt(),
          caller.subject()});
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(PaymentsProblem.INVALID_POSITION).with("errors", errors);
    }
    for (Object[] row : rows) {
      jdbc.sql("""
              insert into canteen_meals (tenant_id, child_fiscal_code, month, meals, recorded_by) values (?, ?, ?, ?, ?)
              on conflict (tenant_id, child_fiscal_code, month) do update set meals = excluded.meals,
                recorded_by = excluded.recorded_by, recorded_at = now()
              """).params(row).update();
      audit.record(AuditRecord.by(caller, "record-meals", "canteen-meals", period.toString(),
          FiscalCode.of((String) row[1]), "school-canteen"));
    }
    return new MealsAnswer(period.toString(), rows.size());
  }

  record RunRequest(LocalDate date) {}

  @PostMapping("/api/v1/payments/recurring-charges/run")
  @PreAuthorize("hasAnyRole('SYSTEM', 'ADMINISTRATOR')")
  @Operation(summary = "Run the recurring charges of this comune now (it also runs every night): last month's "
      + "canteen, this term's school bus. Safe to repeat: nothing is charged twice.")
  RecurringCharges.Run run(@RequestBody(required = false) RunRequest request) {
    Caller caller = callers.current();
    LocalDate today = LocalDate.now(clock);
    LocalDate day = request == null || request.date() == null ? today : request.date();
    if (day.isAfter(today)) {
      throw new ProblemException(CommonProblem.INVALID_PARAMETER, "date");
    }
    return charges.run(day, caller.tenant());
  }

  private boolean charged(Caller caller, FiscalCode child, YearMonth month) {
    return jdbc.sql("""
            select count(*) from debt_position where tenant_id = ? and beneficiary_fiscal_code = ?
              and category = 'canteen' and period = ?
            """).params(caller.tenant().value(), child.value(), month.toString()).query(Long.class).single() > 0;
  }

  private static YearMonth month(String raw) {
    try {
      return YearMonth.parse(raw);
    } catch (DateTimeParseException e) {
      throw new ProblemException(CommonProblem.INVALID_PARAMETER, "month");
    }
  }
}
