package it.piazza.cases;

import static org.assertj.core.api.Assertions.assertThat;

import it.piazza.identity.FiscalCode;
import it.piazza.support.Api;
import it.piazza.support.PiazzaTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A thousand citizens apply at the same moment (over HTTP, each with a real token): every application gets the
 * next protocol number of the year, with no gap and no duplicate; a refused application takes no number.
 */
@PiazzaTest
class ConcurrentSubmissionsTests {

  private static final String COMUNE = "c_t106";

  @Autowired
  Api api;

  @Autowired
  JdbcClient jdbc;

  @Test
  void aThousandConcurrentSubmissionsAreNumberedOneToAThousand() throws Exception {
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      FiscalCode person = FiscalCode.compute("Cittadino", "Prova", LocalDate.of(1950, 1, 1).plusDays(i), i % 2 == 0,
          "F205");
      tokens.add(api.signedToken("citizen-" + i, Map.of("tenant", COMUNE, "fiscal_number", person.value(),
          "name", "Prova " + i), Instant.now(), Instant.now().plusSeconds(3600)));
    }
    var certificate = Map.of("certificateType", "residence", "subject", "self", "stampDutyExempt", false);
    List<Callable<Integer>> submissions = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      boolean invalid = i % 100 == 0; // every hundredth is refused: it must leave no hole in the numbering
      submissions.add(() -> api.post("/api/v1/applications", token, Map.of("serviceId", "registry-certificate",
          "data", invalid ? Map.of("certificateType", "nonsense") : certificate),
          "Idempotency-Key", UUID.randomUUID().toString()).status());
    }
    List<Integer> statuses = new ArrayList<>();
    try (var pool = Executors.newFixedThreadPool(16)) {
      for (Future<Integer> status : pool.invokeAll(submissions)) {
        statuses.add(status.get());
      }
    }

    assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(990);
    assertThat(statuses.stream().filter(s -> s == 422).count()).isEqualTo(10);
    List<Long> numbers = jdbc.sql("""
            select number from protocol_entry where tenant_id = ? and year = ? order by number
            """).params(COMUNE, LocalDate.now(java.time.ZoneId.of("Europe/Rome")).getYear()).query(Long.class).list();
    assertThat(numbers).containsExactlyElementsOf(LongStream.rangeClosed(1, 990).boxed().toList());
    assertThat(jdbc.sql("select count(*) from application where tenant_id = ?").param(COMUNE).query(Long.class)
        .single()).isEqualTo(990);
  }
}
