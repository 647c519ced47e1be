package it.piazza.bench;

import static org.assertj.core.api.Assertions.assertThat;

import it.piazza.identity.FiscalCode;
import it.piazza.support.Api;
import it.piazza.support.PiazzaTest;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The benchmark's generator and loader at a tiny scale, so that the harness cannot rot: the codes are valid, the
 * rows are what the application expects, and a synthetic citizen reads their own file. Uses comune c_t116.
 */
@PiazzaTest
class BenchDataTests {

  private static final String COMUNE = "c_t116";
  private static final String HOST = "prova16.localhost";

  @Autowired
  DataSource data;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  Api api;

  @Test
  void everyGeneratedPersonHasAValidAndDistinctFiscalCode() {
    Set<String> codes = new HashSet<>();
    for (long i = 0; i < 20_000; i++) {
      String code = SyntheticCity.person(i * 7_777 % SyntheticCity.CAPACITY).fiscalCode();
      assertThat(FiscalCode.isValid(code)).as(code).isTrue();
      codes.add(code);
    }
    assertThat(codes).hasSize(20_000);
  }

  @Test
  void aLoadedCityIsReadByTheApplicationAsItsOwnCases() throws Exception {
    SyntheticCity city = new SyntheticCity(1_000, Map.of(COMUNE, 1.0), Instant.now());
    new BenchLoader(data, city, 10).load(2);

    List<String> applicants = jdbc.sql("select applicant_fiscal_code from application where tenant_id = ?")
        .param(COMUNE).query(String.class).list();
    assertThat(applicants).hasSize(1_000).allMatch(FiscalCode::isValid);
    assertThat(jdbc.sql("select last from protocol_counter where tenant_id = ?").param(COMUNE).query(Long.class)
        .single()).isEqualTo(1_000L);
    assertThat(jdbc.sql("select count(*) from protocol_entry e join application a on a.tenant_id = e.tenant_id"
            + " and a.protocol_number = e.year || '/' || lpad(e.number::text, 7, '0') where e.tenant_id = ?")
        .param(COMUNE).query(Long.class).single()).isEqualTo(1_000L);

    String subject = jdbc.sql("select subject from account where tenant_id = ? and kind = 'person' order by subject"
        + " limit 1").param(COMUNE).query(String.class).single();
    String fiscalCode = jdbc.sql("select fiscal_code from account where subject = ?").param(subject)
        .query(String.class).single();
    List<String> theirs = jdbc.sql("select id::text from application where tenant_id = ? and applicant_fiscal_code = ?"
        + " order by submitted_at desc").params(COMUNE, fiscalCode).query(String.class).list();
    assertThat(theirs).isNotEmpty();

    String token = api.token(subject);
    Api.Response file = api.get("/api/v1/me/applications", token, "Host", HOST);
    assertThat(file.status()).as(file.body()).isEqualTo(200);
    assertThat(file.json().valueStream().map(a -> a.get("id").asString()).toList()).isEqualTo(theirs);

    Api.Response detail = api.get("/api/v1/applications/" + theirs.getFirst(), token, "Host", HOST);
    assertThat(detail.status()).as(detail.body()).isEqualTo(200);
    JsonNode one = detail.json();
    assertThat(one.get("applicant").get("fiscalCode").asString()).isEqualTo(fiscalCode);
    assertThat(one.get("timeline").valueStream().map(s -> s.get("action").asString()).limit(2).toList())
        .containsExactly("submit", "register");
    assertThat(one.get("clock").get("termDays").asInt()).isPositive();
  }
}
