package it.piazza.payments.internal;

import it.piazza.audit.AuditLog;
import it.piazza.audit.AuditRecord;
import it.piazza.identity.Channel;
import it.piazza.identity.FiscalCode;
import it.piazza.identity.OfficeId;
import it.piazza.payments.PaymentCategory;
import it.piazza.tenancy.TenantId;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the recurring school charges: every day it charges last month's canteen meals (meals x the comune's price
 * per meal) and the current term's school bus fee to each enrolled child's payer, and lets lapsed notices expire.
 * A charge is never made twice: at most one position exists per (comune, child, category, period), enrolments are
 * claimed with {@code FOR UPDATE SKIP LOCKED} so several nodes can run it at once, and a run repeated the same day
 * finds nothing left to do.
 */
@Component
class RecurringCharges {

  private static final Logger log = LoggerFactory.getLogger(RecurringCharges.class);
  private static final int BATCH = 100;

  private final JdbcClient jdbc;
  private final DebtPositions positions;
  private final AuditLog audit;
  private final PaymentsProperties properties;
  private final TransactionTemplate transactions;
  private final Clock clock;

  RecurringCharges(JdbcClient jdbc, DebtPositions positions, AuditLog audit, PaymentsProperties properties,
                   TransactionTemplate transactions, Clock clock) {
    this.jdbc = jdbc;
    this.positions = positions;
    this.audit = audit;
    this.properties = properties;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** How many charges a run made. */
  record Run(LocalDate day, int canteen, int schoolBus, int expired) {}

  @Scheduled(cron = "${piazza.payments.recurring-charges-cron:0 20 3 * * *}", zone = "Europe/Rome")
  void daily() {
    Run run = run(LocalDate.now(clock), null);
    if (run.canteen() + run.schoolBus() + run.expired() > 0) {
      log.info("Recurring charges: {}", run);
    }
  }

  /** Charges what is due on {@code day}, in one comune or (tenant null) in all. */
  Run run(LocalDate day, TenantId tenant) {
    YearMonth month = YearMonth.from(day).minusMonths(1);
    int canteen = drain(() -> canteenBatch(month, day, tenant));
    int bus = SchoolTerms.termOf(day).map(term -> drain(() -> busBatch(term, day, tenant))).orElse(0);
    Integer expired = transactions.execute(status -> positions.expire(day));
    return new Run(day, canteen, bus, expired == null ? 0 : expired);
  }

  private int drain(java.util.function.Supplier<Integer> batch) {
    int total = 0;
    while (true) {
      Integer made = transactions.execute(status -> batch.get());
      if (made == null || made < 0) {
        return total;
      }
      total += made;
    }
  }

  private record Claimed(TenantId tenant, FiscalCode child, String childName, FiscalCode payer, String payerName,
                         UUID caseId, String office, int meals) {}

  /** One claimed batch of children who ate at the canteen last month and have no charge for it; -1 when none. */
  private int canteenBatch(YearMonth month, LocalDate day, TenantId only) {
    List<Claimed> due = jdbc.sql("""
            select e.tenant_id, e.child_fiscal_code, e.child_name, e.payer_fiscal_code, e.payer_name, e.case_id,
                   e.office_id, m.meals
            from school_enrolment e
            join canteen_meals m on m.tenant_id = e.tenant_id and m.child_fiscal_code = e.child_fiscal_code
              and m.month = :month
            where e.category = 'canteen' and m.meals > 0 and (cast(:tenant as text) is null or e.tenant_id = :tenant)
              and not exists (select 1 from debt_position p where p.tenant_id = e.tenant_id
                and p.beneficiary_fiscal_code = e.child_fiscal_code and p.category = 'canteen' and p.period = :month)
            order by e.tenant_id, e.child_fiscal_code, e.school_year desc
            limit :limit
            for update of e skip locked
            """).param("month", SchoolTerms.period(month)).param("tenant", only == null ? null : only.value())
        .param("limit", BATCH).query(RecurringCharges::claimed).list();
    if (due.isEmpty()) {
      return -1;
    }
    String monthName = month.getMonth().getDisplayName(TextStyle.FULL, Locale.ITALIAN) + " " + month.getYear();
    int made = 0;
    for (Claimed c : due) {
      long price = properties.mealPriceCents(c.tenant());
      String description = "Refezione scolastica " + monthName + " - " + c.childName() + ": " + c.meals()
          + " pasti da " + Money.format(price) + " euro";
      made += charge(c, Math.multiplyExact(price, (long) c.meals()), day, description, PaymentCategory.CANTEEN,
          SchoolTerms.period(month));
    }
    return made;
  }

  /** One claimed batch of children on the school bus this school year with no charge for this term; -1 when none. */
  private int busBatch(SchoolTerms.Term term, LocalDate day, TenantId only) {
    List<Claimed> due = jdbc.sql("""
            select e.tenant_id, e.child_fiscal_code, e.child_name, e.payer_fiscal_code, e.payer_name, e.case_id,
                   e.office_id, 0 as meals
            from school_enrolment e
            where e.category = 'school-bus' and e.school_year = :year
              and (cast(:tenant as text) is null or e.tenant_id = :tenant)
              and not exists (select 1 from debt_position p where p.tenant_id = e.tenant_id
                and p.beneficiary_fiscal_code = e.child_fiscal_code and p.category = 'school-bus'
                and p.period = :period)
            order by e.tenant_id, e.child_fiscal_code
            limit :limit
            for update of e skip locked
            """).param("year", term.schoolYear()).param("period", term.period())
        .param("tenant", only == null ? null : only.value()).param("limit", BATCH)
        .query(RecurringCharges::claimed).list();
    if (due.isEmpty()) {
      return -1;
    }
    int made = 0;
    for (Claimed c : due) {
      made += charge(c, properties.schoolBusTermFeeCents(c.tenant()), day,
          "Trasporto scolastico " + term.description() + " - " + c.childName(), PaymentCategory.SCHOOL_BUS,
          term.period());
    }
    return made;
  }

  private int charge(Claimed c, long cents, LocalDate day, String description, PaymentCategory category,
                     String period) {
    DebtPositions.Opened opened = positions.open(NewPosition.of(c.tenant(), c.payer(), c.payerName(), c.child(),
        c.childName(), cents, day.plusDays(properties.daysToPay()), description, category,
        DebtPosition.Origin.RECURRING, null, new OfficeId(c.office()), period, "piazza"));
    if (!opened.created()) {
      return 0;
    }
    audit.record(new AuditRecord(c.tenant(), "piazza", null, c.child().value(), "create", "debt-position",
        opened.position().id().toString(), Channel.SYSTEM, "recurring-charge:" + category.code()));
    return 1;
  }

  private static Claimed claimed(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Claimed(new TenantId(rs.getString("tenant_id")), FiscalCode.of(rs.getString("child_fiscal_code")),
        rs.getString("child_name"), FiscalCode.of(rs.getString("payer_fiscal_code")), rs.getString("payer_name"),
        rs.getObject("case_id", UUID.class), rs.getString("office_id"), rs.getInt("meals"));
  }
}
