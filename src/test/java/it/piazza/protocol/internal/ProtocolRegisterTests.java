package it.piazza.protocol.internal;

import static it.piazza.protocol.internal.ProtocolFixtures.anApplication;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.piazza.audit.AuditLog;
import it.piazza.identity.Channel;
import it.piazza.protocol.Correspondent;
import it.piazza.protocol.Direction;
import it.piazza.protocol.ProtocolEntry;
import it.piazza.protocol.ProtocolNumber;
import it.piazza.protocol.ProtocolRegister;
import it.piazza.protocol.ProtocolRegistered;
import it.piazza.protocol.Registration;
import it.piazza.support.PiazzaTest;
import it.piazza.tenancy.TenantId;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The register's numbering and immutability (DPR 445/2000 art. 53 and 57), on the real PostgreSQL. Prova Quattro
 * (c_t104) is numbered by the concurrency test alone in the current year; other tests use fixed clocks in years of
 * their own, or count from where the register stands.
 */
@PiazzaTest
@RecordApplicationEvents
class ProtocolRegisterTests {

  static final TenantId QUATTRO = new TenantId("c_t104");
  static final TenantId CINQUE = new TenantId("c_t105");

  @Autowired
  ProtocolRegister register;

  @Autowired
  ProtocolEntries entries;

  @Autowired
  AuditLog auditLog;

  @Autowired
  ApplicationEventPublisher events;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  TransactionTemplate transactions;

  @Autowired
  ApplicationEvents recorded;

  @Test
  void aThousandConcurrentRegistrationsTakeEachNumberOnceWithoutGaps() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(32);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<ProtocolNumber>> futures = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      Registration registration = anApplication(QUATTRO, "Concurrent application " + i);
      futures.add(threads.submit(() -> {
        start.await();
        return transactions.execute(status -> register.register(registration).number());
      }));
    }
    start.countDown();
    List<ProtocolNumber> numbers = new ArrayList<>();
    for (Future<ProtocolNumber> future : futures) {
      numbers.add(future.get(2, TimeUnit.MINUTES));
    }
    threads.shutdown();

    // Per year, in case the run straddles midnight on 31 December: each year's numbers are exactly 1..n.
    Map<Integer, List<Long>> byYear = new TreeMap<>();
    numbers.forEach(n -> byYear.computeIfAbsent(n.year(), y -> new ArrayList<>()).add(n.number()));
    assertThat(byYear.values().stream().mapToInt(List::size).sum()).isEqualTo(1000);
    byYear.forEach((year, taken) -> assertThat(taken).as("numbers of %d", year)
        .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, taken.size()).boxed().toList()));
    byYear.forEach((year, taken) -> {
      assertThat(jdbc.sql("select number from protocol_entry where tenant_id = ? and year = ? order by number")
          .params(QUATTRO.value(), year).query(Long.class).list())
          .containsExactlyElementsOf(LongStream.rangeClosed(1, taken.size()).boxed().toList());
      assertThat(jdbc.sql("select last from protocol_counter where tenant_id = ? and year = ?")
          .params(QUATTRO.value(), year).query(Long.class).single()).isEqualTo(taken.size());
    });
  }

  @Test
  void aRolledBackRegistrationGivesItsNumberBack() {
    ProtocolNumber before = transactions.execute(s -> register.register(anApplication(CINQUE, "Before")).number());
    List<ProtocolNumber> lost = new ArrayList<>();

    assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
      lost.add(register.register(anApplication(CINQUE, "Rolled back")).number());
      throw new IllegalStateException("the submission fails after registering");
    })).hasMessageContaining("submission fails");

    ProtocolNumber after = transactions.execute(s -> register.register(anApplication(CINQUE, "After")).number());
    assertThat(lost).containsExactly(ProtocolNumber.of(before.year(), before.number() + 1));
    assertThat(after).isEqualTo(lost.getFirst());
    assertThat(register.find(CINQUE, after).orElseThrow().subject()).isEqualTo("After");
  }

  @Test
  void registeringOutsideATransactionIsRefused() {
    int year = Year.now(Registrar.ITALY).getValue();
    long before = counter(CINQUE, year);
    assertThatThrownBy(() -> register.register(anApplication(CINQUE, "No transaction")))
        .isInstanceOf(IllegalTransactionStateException.class);
    assertThat(counter(CINQUE, year)).isEqualTo(before);
  }

  @Test
  void theNumberRestartsOnTheFirstOfJanuaryItalianTime() {
    Registrar newYearsEve = ProtocolFixtures.registerAt("2030-12-31T23:59:00", entries, auditLog, events);
    // 00:00:30 in Rome is still 31 December 23:00:30 in UTC, the clock's own zone.
    Registrar newYear = ProtocolFixtures.registerAt("2031-01-01T00:00:30", entries, auditLog, events);

    ProtocolEntry first = transactions.execute(s -> newYearsEve.register(anApplication(CINQUE, "Eve 1")));
    ProtocolEntry second = transactions.execute(s -> newYearsEve.register(anApplication(CINQUE, "Eve 2")));
    ProtocolEntry third = transactions.execute(s -> newYear.register(anApplication(CINQUE, "New year 1")));

    assertThat(List.of(first.number(), second.number(), third.number()).stream().map(ProtocolNumber::format))
        .containsExactly("2030/0000001", "2030/0000002", "2031/0000001");
    assertThat(second.registrationDate()).isEqualTo(LocalDate.of(2030, 12, 31));
    assertThat(third.registrationDate()).isEqualTo(LocalDate.of(2031, 1, 1));
    assertThat(register.find(CINQUE, third.number())).contains(third);
  }

  @Test
  void eachComuneNumbersItsOwnRegister() {
    Registrar register = ProtocolFixtures.registerAt("2040-06-15T10:00:00", entries, auditLog, events);
    List<String> numbers = new ArrayList<>();
    for (TenantId tenant : List.of(QUATTRO, CINQUE, QUATTRO, CINQUE, QUATTRO)) {
      numbers.add(tenant + " " + transactions.execute(s -> register.register(anApplication(tenant, "Independent")))
          .number());
    }
    assertThat(numbers).containsExactly("c_t104 2040/0000001", "c_t105 2040/0000001", "c_t104 2040/0000002",
        "c_t105 2040/0000002", "c_t104 2040/0000003");
    assertThat(register.find(QUATTRO, ProtocolNumber.of(2040, 3))).isPresent();
    assertThat(register.find(CINQUE, ProtocolNumber.of(2040, 3))).isEmpty();
  }

  @Test
  void everyFieldIsStoredAsRegisteredAuditedAndAnnounced() {
    Registration registration = Registration.incoming(CINQUE, new Correspondent("Studio Neri", "80023450010"),
            "Richiesta di accesso agli atti", ProtocolFixtures.sha256("atti"), "paolo.neri", Channel.API)
        .withSenderReference(LocalDate.of(2026, 2, 27), "Prot. 17/2026")
        .withDocument("istanza", "case:3f1c")
        .withClassification("VI.3");
    Registration outgoing = Registration.outgoing(CINQUE, List.of(new Correspondent("Mario Rossi",
            ProtocolFixtures.MARIO_FISCAL_CODE), Correspondent.named("Anna Bianchi")), "Comunicazione di esito",
        ProtocolFixtures.sha256("esito"), "sara.colombo", Channel.DESK);

    ProtocolEntry in = transactions.execute(s -> register.register(registration));
    ProtocolEntry out = transactions.execute(s -> register.register(outgoing));

    assertThat(register.find(CINQUE, in.number())).contains(in);
    assertThat(register.find(CINQUE, out.number())).contains(out);
    assertThat(jdbc.sql("""
            select string_agg(key, ',' order by key) from protocol_entry, jsonb_object_keys(correspondents -> 0) key
            where tenant_id = ? and year = ? and number = ?
            """).params(CINQUE.value(), in.number().year(), in.number().number()).query(String.class).single())
        .isEqualTo("fiscalCode,name");
    assertThat(out.direction()).isEqualTo(Direction.OUTGOING);
    assertThat(register.day(CINQUE, in.registrationDate())).contains(in);
    assertThat(register.day(CINQUE, out.registrationDate())).contains(out);
    assertThat(recorded.stream(ProtocolRegistered.class))
        .contains(new ProtocolRegistered(CINQUE, out.number(), Direction.OUTGOING, out.registeredAt()));
    assertThat(jdbc.sql("""
            select actor || ' ' || channel || ' ' || coalesce(data_subject, '-') from audit_entry
            where tenant_id = ? and action = 'register' and record_type = 'protocol-entry' and record_id = ?
            """).params(CINQUE.value(), out.number().format()).query(String.class).list())
        .containsExactly("sara.colombo desk " + ProtocolFixtures.MARIO_FISCAL_CODE);
  }

  @Test
  void theDatabaseRefusesToChangeOrDeleteAnEntry() {
    ProtocolEntry entry = transactions.execute(s -> register.register(anApplication(CINQUE, "Immutable")));
    String where = " where tenant_id = 'c_t105' and year = " + entry.number().year() + " and number = "
        + entry.number().number();

    assertThatThrownBy(() -> jdbc.sql("update protocol_entry set subject = 'Altered'" + where).update())
        .hasMessageContaining("protocol entries are immutable").hasMessageContaining("UPDATE");
    assertThatThrownBy(() -> jdbc.sql("update protocol_entry set registration_date = registration_date"
        + where).update()).hasMessageContaining("protocol entries are immutable");
    assertThatThrownBy(() -> jdbc.sql("delete from protocol_entry" + where).update())
        .hasMessageContaining("protocol entries are immutable").hasMessageContaining("DELETE");
    assertThatThrownBy(() -> jdbc.sql("truncate protocol_entry").update())
        .hasMessageContaining("protocol entries are immutable");
    assertThat(register.find(CINQUE, entry.number())).contains(entry);
  }

  @Test
  void theDatabaseRefusesToResetOrSkipACounter() {
    ProtocolEntry entry = transactions.execute(s -> register.register(anApplication(CINQUE, "Counted")));
    String where = " where tenant_id = 'c_t105' and year = " + entry.number().year();

    assertThatThrownBy(() -> jdbc.sql("update protocol_counter set last = 0" + where).update())
        .hasMessageContaining("only move forward by one");
    assertThatThrownBy(() -> jdbc.sql("update protocol_counter set last = last + 2" + where).update())
        .hasMessageContaining("only move forward by one");
    assertThatThrownBy(() -> jdbc.sql("delete from protocol_counter" + where).update())
        .hasMessageContaining("only move forward by one");
    assertThat(counter(CINQUE, entry.number().year())).isEqualTo(entry.number().number());
  }

  private long counter(TenantId tenant, int year) {
    return jdbc.sql("select coalesce(max(last), 0) from protocol_counter where tenant_id = ? and year = ?")
        .params(tenant.value(), year).query(Long.class).single();
  }
}
