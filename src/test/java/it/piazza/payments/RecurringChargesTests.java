package it.piazza.payments;

import static org.assertj.core.api.Assertions.assertThat;

import it.piazza.identity.FiscalCode;
import it.piazza.support.Api;
import it.piazza.support.PiazzaTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The recurring charges job charges each enrolled child once per period, however often and on however many nodes it
 * runs. In a comune of its own (c_t102), whose enrolments are written here as the approvals would write them.
 */
@PiazzaTest
class RecurringChargesTests {

  static final String COMUNE = "c_t102";
  static final LocalDate MID_OCTOBER = LocalDate.of(2026, 10, 15);

  @Autowired
  Api api;

  @Autowired
  JdbcClient jdbc;

  @Test
  void runningTheJobTwiceAndConcurrentlyChargesEachChildOncePerPeriod() throws Exception {
    PaymentFixtures payments = new PaymentFixtures(api);
    List<FiscalCode> children = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      FiscalCode child = FiscalCode.compute("Bambino", "Prova", LocalDate.of(2018, 1, 1).plusDays(i), i % 2 == 0,
          "F205");
      children.add(child);
      FiscalCode parent = PaymentFixtures.person(100 + i);
      enrol(child, parent, "canteen");
      if (i % 3 == 0) {
        enrol(child, parent, "school-bus");
      }
      jdbc.sql("insert into canteen_meals (tenant_id, child_fiscal_code, month, meals, recorded_by) "
          + "values (?, ?, '2026-09', ?, 'test')").params(COMUNE, child.value(), i % 10).update();
    }
    String system = payments.intermediary(COMUNE);

    List<Callable<JsonNode>> runs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      runs.add(() -> api.post("/api/v1/payments/recurring-charges/run", system,
          Map.of("date", MID_OCTOBER.toString())).json());
    }
    int canteen = 0;
    int bus = 0;
    try (var pool = Executors.newFixedThreadPool(4)) {
      for (Future<JsonNode> run : pool.invokeAll(runs)) {
        canteen += run.get().get("canteen").asInt();
        bus += run.get().get("schoolBus").asInt();
      }
    }
    JsonNode again = api.post("/api/v1/payments/recurring-charges/run", system,
        Map.of("date", MID_OCTOBER.toString())).json();

    assertThat(canteen).as("children who ate at least one meal in September").isEqualTo(27);
    assertThat(bus).as("every third child takes the bus").isEqualTo(10);
    assertThat(again.get("canteen").asInt()).isZero();
    assertThat(again.get("schoolBus").asInt()).isZero();
    assertThat(count("canteen", "2026-09")).isEqualTo(27);
    assertThat(count("school-bus", "2026-2027-T1")).isEqualTo(10);
    assertThat(jdbc.sql("""
        select count(*) from (select beneficiary_fiscal_code, category, period from debt_position
          where tenant_id = ? group by 1, 2, 3 having count(*) > 1) duplicates
        """).param(COMUNE).query(Long.class).single()).isZero();

    List<Long> bases = jdbc.sql("select substring(notice_number from 4 for 13)::bigint from debt_position "
        + "where tenant_id = ? order by 1").param(COMUNE).query(Long.class).list();
    assertThat(bases).as("IUV bases are given out without gaps").hasSize(37)
        .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 37).boxed().toList());

    long nineMeals = jdbc.sql("select amount_cents from debt_position where tenant_id = ? and category = 'canteen' "
        + "and beneficiary_fiscal_code = ?").params(COMUNE, children.get(9).value()).query(Long.class).single();
    assertThat(nineMeals).as("9 meals at the default 4,50 euro").isEqualTo(4_050);

    JsonNode parentView = api.get("/api/v1/me/payments", payments.citizen(COMUNE, PaymentFixtures.person(103),
        "Genitore Prova")).json();
    assertThat(parentView.findValuesAsString("category")).containsExactlyInAnyOrder("canteen", "school-bus");
    assertThat(api.post("/api/v1/payments/recurring-charges/run", payments.citizen(COMUNE,
        PaymentFixtures.person(103), "Genitore Prova"), Map.of()).status()).isEqualTo(403);
  }

  private void enrol(FiscalCode child, FiscalCode parent, String category) {
    jdbc.sql("""
        insert into school_enrolment (tenant_id, child_fiscal_code, category, school_year, child_name,
          payer_fiscal_code, payer_name, case_id, office_id, enrolled_on)
        values (?, ?, ?, '2026-2027', 'Bambino Prova', ?, 'Genitore Prova', ?, 'scuola-nidi', '2026-09-01')
        """).params(COMUNE, child.value(), category, parent.value(), UUID.randomUUID()).update();
  }

  private long count(String category, String period) {
    return jdbc.sql("select count(*) from debt_position where tenant_id = ? and category = ? and period = ?")
        .params(COMUNE, category, period).query(Long.class).single();
  }
}
