package it.piazza.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.LongStream;
import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the database must hold after any fault: the non-negotiables of docs/ARCHITECTURE, as queries. */
final class Ledger {

  private final JdbcClient jdbc;

  Ledger(FaultDatabase database) {
    this.jdbc = database.jdbc();
  }

  JdbcClient jdbc() {
    return jdbc;
  }

  /** DPR 445/2000 art. 57: this year's numbers of the comune run 1..N, with no gap and no repeat. */
  void protocolNumbersAreGapless(String tenant) {
    List<Long> numbers = jdbc.sql("select number from protocol_entry where tenant_id = ? and year = ? order by number")
        .params(tenant, LocalDate.now(ZoneId.of("Europe/Rome")).getYear()).query(Long.class).list();
    assertThat(numbers).as("protocol numbers of %s", tenant)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, numbers.size()).boxed().toList());
  }

  /** Every case has its protocol entry, every entry its one case, under the number the case carries. */
  void casesAndProtocolEntriesMatchOneToOne() {
    assertThat(jdbc.sql("""
            select a.id::text from application a left join protocol_entry p on p.tenant_id = a.tenant_id
              and p.document_reference = a.id::text
              and a.protocol_number = p.year || '/' || lpad(p.number::text, 7, '0')
            where p.number is null
            """).query(String.class).list()).as("cases without their protocol entry").isEmpty();
    assertThat(jdbc.sql("""
            select p.year || '/' || p.number from protocol_entry p
              left join application a on a.tenant_id = p.tenant_id and a.id::text = p.document_reference
            where p.document_kind = 'istanza' and a.id is null
            """).query(String.class).list()).as("protocol entries without a case").isEmpty();
    assertThat(jdbc.sql("""
            select document_reference from protocol_entry where document_kind = 'istanza'
            group by tenant_id, document_reference having count(*) > 1
            """).query(String.class).list()).as("cases registered twice").isEmpty();
  }

  /** Each case filed is audited once, when it was created. */
  void eachCaseIsAuditedOnceAsCreated() {
    assertThat(jdbc.sql("""
            select a.id::text from application a left join audit_entry e on e.tenant_id = a.tenant_id
              and e.record_type = 'application' and e.record_id = a.id::text and e.action = 'create'
            group by a.id having count(e.id) <> 1
            """).query(String.class).list()).as("cases without exactly one 'create' audit entry").isEmpty();
  }

  /** The fee listener acted once on each submission: one position per case owing stamp duty, none otherwise. */
  void eachFeeIsOpenedOnce() {
    assertThat(jdbc.sql("""
            select a.id::text || ' has ' || count(d.id) from application a
              left join debt_position d on d.tenant_id = a.tenant_id and d.case_id = a.id
            where a.service_id = 'registry-certificate'
            group by a.id, a.data
            having count(d.id) <> case when (a.data ->> 'stampDutyExempt')::boolean then 0 else 1 end
            """).query(String.class).list()).as("cases whose fee was opened other than once").isEmpty();
    assertThat(jdbc.sql("""
            select e.record_id from audit_entry e where e.record_type = 'debt-position' and e.action = 'create'
            group by e.record_id having count(*) > 1
            """).query(String.class).list()).as("fee positions audited as created more than once").isEmpty();
  }

  /** Every event reached every listener: no publication left incomplete once the retries had their chance. */
  void everyEventPublicationCompletes(Duration within) {
    Awaitility.await("every event publication completed").atMost(within).pollInterval(Duration.ofMillis(500))
        .untilAsserted(() -> assertThat(jdbc.sql("""
                select event_type || ' -> ' || listener_id || ' (' || coalesce(status, '') || ')'
                from event_publication where completion_date is null
                """).query(String.class).list()).isEmpty());
  }

  long count(String sql, Object... params) {
    return jdbc.sql(sql).params(params).query(Long.class).single();
  }
}
