package it.piazza.issuance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import it.piazza.issuance.PdfChecks;
import it.piazza.payments.PaymentFixtures;
import it.piazza.support.Api;
import it.piazza.support.PiazzaTest;
import it.piazza.tenancy.Tenant;
import it.piazza.tenancy.TenantId;
import it.piazza.tenancy.Tenants;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The daily protocol register of DPR 445/2000 art. 53 c.2, in a comune of its own (c_t107) whose past registrations
 * are written here as the register would have written them on those days: each past day gets one sealed PDF/A
 * register, the days in between too (empty), today none — and never two, however many nodes run the job at once.
 */
@PiazzaTest
class DailyRegistersTests {

  static final TenantId SETTE = new TenantId("c_t107");
  static final ZoneId ITALY = ZoneId.of("Europe/Rome");

  @Autowired
  DailyRegisters registers;

  @Autowired
  Tenants tenants;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  Api api;

  @Autowired
  Seal seal;

  private void registered(LocalDate day, int number, String subject) {
    Timestamp at = Timestamp.from(day.atTime(LocalTime.of(10, number % 60)).atZone(ITALY).toInstant());
    jdbc.sql("""
            insert into protocol_entry (tenant_id, year, number, registered_at, registration_date, direction,
              correspondents, subject, fingerprint, registered_by, channel)
            values (?, ?, ?, ?, ?, 'incoming', '[{"name": "Ditta Esempio S.r.l."}]'::jsonb, ?, ?, 'test', 'api')
            """).params(SETTE.value(), day.getYear(), number, at, day, subject, "ab".repeat(32)).update();
  }

  @Test
  void eachPastDayGetsOneSealedRegisterAndTodayNone() throws Exception {
    Tenant comune = tenants.find(SETTE).orElseThrow();
    LocalDate today = LocalDate.now(ITALY);
    LocalDate first = today.minusDays(3);
    // Numbers restart on 1 January: keep them unique per year even when these days straddle it.
    registered(first, 1000 + 1, "Richiesta di accesso agli atti");
    registered(first, 1000 + 2, "Offerta per la manutenzione del verde");
    registered(today.minusDays(2), 1000 + 3, "Segnalazione");

    List<Callable<Integer>> nodes = List.of(() -> registers.issuePending(comune), () -> registers.issuePending(comune));
    int issued = 0;
    try (var pool = Executors.newFixedThreadPool(2)) {
      for (var result : pool.invokeAll(nodes)) {
        issued += result.get();
      }
    }
    List<LocalDate> days = jdbc.sql("""
            select register_day from issued_document where tenant_id = ? and kind = 'DAILY_REGISTER'
            order by register_day
            """).param(SETTE.value()).query(LocalDate.class).list();
    assertThat(days).containsExactly(first, first.plusDays(1), first.plusDays(2));
    assertThat(issued).isBetween(3, 6);
    assertThat(registers.issuePending(comune)).isZero();

    String admin = new PaymentFixtures(api).administrator(SETTE.value());
    JsonNode list = api.get("/api/v1/admin/registers", admin).json();
    assertThat(list.size()).isEqualTo(3);
    JsonNode firstDay = list.get(2);
    assertThat(firstDay.get("day").asString()).isEqualTo(first.toString());
    HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(api.request(firstDay.get("content").asString(), admin)
        .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(PdfChecks.pdfA2bFailures(pdf.body())).isEmpty();
    assertThat(seal.check(pdf.body()).intact()).isTrue();

    String citizen = new PaymentFixtures(api).citizen(SETTE.value(),
        it.piazza.identity.FiscalCode.compute("Verdi", "Carla", LocalDate.of(1980, 1, 1), true, "F205"), "Carla");
    assertThat(api.get("/api/v1/admin/registers", citizen).status()).isEqualTo(403);
    assertThat(api.get(firstDay.get("content").asString(), citizen).status()).isEqualTo(404);
  }
}
