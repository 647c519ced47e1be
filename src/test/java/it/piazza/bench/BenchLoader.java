package it.piazza.bench;

import it.piazza.bench.SyntheticCity.Case;
import it.piazza.bench.SyntheticCity.Comune;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Bulk-loads a {@link SyntheticCity} with COPY, streamed from the generator (no files): applications, their
 * history and protocol entries, each comune's protocol counter at the last number given, the offices, an operator
 * account per office and person accounts for a sample of applicants (so that benchmark clients can sign in as
 * them with the demo token endpoint). The comuni must exist (the application registers them at start).
 */
final class BenchLoader {

  /** Rows generated between two writes to the COPY stream. */
  private static final int CHUNK = 1 << 20;

  private final DataSource data;
  private final SyntheticCity city;
  private final int accountsPerComune;

  BenchLoader(DataSource data, SyntheticCity city, int accountsPerComune) {
    this.data = data;
    this.city = city;
    this.accountsPerComune = accountsPerComune;
  }

  record Loaded(long cases, long millis) {}

  Loaded load(int threads) throws Exception {
    long started = System.nanoTime();
    try (Connection c = data.getConnection()) {
      c.setAutoCommit(true);
      for (Comune comune : city.comuni()) {
        prepare(c, comune);
      }
    }
    // History rows refer to their application (foreign key), so they follow once every application is in.
    List<Runnable> first = new ArrayList<>();
    List<Runnable> then = new ArrayList<>();
    for (Comune comune : city.comuni()) {
      first.add(() -> copy(APPLICATION, comune, this::applicationRow));
      first.add(() -> copy(PROTOCOL_ENTRY, comune, this::protocolRow));
      then.add(() -> copy(CASE_EVENT, comune, this::eventRows));
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    try {
      for (List<Runnable> phase : List.of(first, then)) {
        List<Future<?>> done = new ArrayList<>();
        phase.forEach(copy -> done.add(pool.submit(copy)));
        for (Future<?> f : done) {
          f.get();
        }
      }
    } finally {
      pool.shutdown();
    }
    try (Connection c = data.getConnection()) {
      c.setAutoCommit(true);
      for (Comune comune : city.comuni()) {
        accounts(c, comune);
        counter(c, comune);
      }
      for (String table : List.of("application", "case_event", "protocol_entry", "account", "protocol_counter")) {
        c.createStatement().execute("analyze " + table);
      }
    }
    long cases = city.comuni().stream().mapToLong(Comune::cases).sum();
    return new Loaded(cases, (System.nanoTime() - started) / 1_000_000);
  }

  /** The offices every service names, and an operator for each of them. */
  private void prepare(Connection c, Comune comune) throws SQLException {
    Set<String> offices = new LinkedHashSet<>();
    city.services().forEach(s -> offices.add(s.office()));
    try (PreparedStatement office = c.prepareStatement("""
            insert into office (tenant_id, id, name_it, name_en) values (?, ?, ?, ?) on conflict do nothing""");
         PreparedStatement operator = c.prepareStatement("""
            insert into account (subject, tenant_id, kind, fiscal_code, given_name, family_name, roles, office_id)
            values (?, ?, 'operator', ?, 'Operatore', ?, '{operator}', ?) on conflict do nothing""")) {
      int i = 0;
      for (String id : offices) {
        office.setString(1, comune.tenant());
        office.setString(2, id);
        office.setString(3, id);
        office.setString(4, id);
        office.executeUpdate();
        operator.setString(1, operatorSubject(comune.tenant(), id));
        operator.setString(2, comune.tenant());
        operator.setString(3, SyntheticCity.person(SyntheticCity.CAPACITY - 1 - i++).fiscalCode());
        operator.setString(4, id);
        operator.setString(5, id);
        operator.executeUpdate();
      }
    }
  }

  static String operatorSubject(String tenant, String office) {
    return SyntheticCity.SUBJECT_PREFIX + "op-" + tenant + "-" + office;
  }

  /** Person accounts for applicants spread over the year, each with at least one case. */
  private void accounts(Connection c, Comune comune) throws SQLException {
    long stride = Math.max(1, comune.cases() / Math.max(1, accountsPerComune));
    try (PreparedStatement insert = c.prepareStatement("""
            insert into account (subject, tenant_id, kind, fiscal_code, given_name, family_name, roles)
            values (?, ?, 'person', ?, ?, ?, '{citizen}') on conflict do nothing""")) {
      int batched = 0;
      for (long k = stride / 2; k < comune.cases(); k += stride) {
        SyntheticCity.Person p = city.caseOf(comune, k).applicant();
        insert.setString(1, p.subject());
        insert.setString(2, comune.tenant());
        insert.setString(3, p.fiscalCode());
        insert.setString(4, p.givenName());
        insert.setString(5, p.familyName());
        insert.addBatch();
        if (++batched % 500 == 0) {
          insert.executeBatch();
        }
      }
      insert.executeBatch();
    }
  }

  /** DPR 445/2000 art. 57: the counter holds the last number given; the next registration takes the one after. */
  private void counter(Connection c, Comune comune) throws SQLException {
    try (PreparedStatement insert = c.prepareStatement(
        "insert into protocol_counter (tenant_id, year, last) values (?, ?, ?)")) {
      insert.setString(1, comune.tenant());
      insert.setInt(2, city.today().getYear());
      insert.setLong(3, comune.cases());
      insert.executeUpdate();
    }
  }

  private static final String APPLICATION = """
      copy application (id, tenant_id, service_id, service_version, workflow, filed_by, applicant_fiscal_code,
        applicant_name, beneficiary_fiscal_code, beneficiary_name, channel, office_id, data, protocol_number,
        submitted_at, status, assignee, clock, due_date, sweep_on, decided_on, decision_reason, version, updated_at)
      from stdin""";
  private static final String CASE_EVENT = """
      copy case_event (tenant_id, case_id, at, actor, actor_name, action, from_status, to_status, reason)
      from stdin""";
  private static final String PROTOCOL_ENTRY = """
      copy protocol_entry (tenant_id, year, number, registered_at, registration_date, direction, correspondents,
        subject, fingerprint, document_kind, document_reference, registered_by, channel)
      from stdin""";

  interface RowWriter {
    void write(Case c, Row row);
  }

  private void copy(String sql, Comune comune, RowWriter writer) {
    try (Connection c = data.getConnection()) {
      c.setAutoCommit(true);
      CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
      try {
        Row row = new Row();
        for (long k = 0; k < comune.cases(); k++) {
          writer.write(city.caseOf(comune, k), row);
          if (row.size() >= CHUNK) {
            in.writeToCopy(row.bytes(), 0, row.size());
            row.reset();
          }
        }
        in.writeToCopy(row.bytes(), 0, row.size());
        in.endCopy();
      } finally {
        if (in.isActive()) {
          in.cancelCopy();
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("COPY into " + comune.tenant() + " failed: " + e.getMessage(), e);
    }
  }

  private void applicationRow(Case c, Row row) {
    var s = c.service();
    String operator = operatorSubject(c.comune().tenant(), s.office());
    String clock = "{\"filedOn\":\"" + c.filedOn() + "\",\"termDays\":" + s.termDays() + ",\"tacitApproval\":"
        + s.tacitApproval() + ",\"suspensions\":[]" + (c.decidedOn() == null ? "" : ",\"stoppedOn\":\"" + c.decidedOn()
        + "\"") + "}";
    LocalDate sweep = c.open() && s.tacitApproval() ? c.dueDate().plusDays(1) : null;
    row.field(c.id()).field(c.comune().tenant()).field(s.id()).field(s.version()).field(s.workflow())
        .field(c.applicant().subject()).field(c.applicant().fiscalCode()).field(c.applicant().name())
        .field(c.applicant().fiscalCode()).field(c.applicant().name()).field("online").field(s.office())
        .field(s.exampleData()).field(c.protocolNumber()).field(timestamp(c.submittedAt()))
        .field(c.status()).field(c.status().equals("registered") || c.status().equals("withdrawn") ? null : operator)
        .field(clock).field(c.dueDate()).field(sweep)
        .field(c.decidedOn()).field(c.status().equals("rejected") ? "Requisiti non soddisfatti" : null)
        .field(0).last(timestamp(c.submittedAt()));
  }

  /** Submission and registration, then what the office did, in the order the workflow allows. */
  private void eventRows(Case c, Row row) {
    String tenant = c.comune().tenant();
    String applicant = c.applicant().subject();
    String operator = operatorSubject(tenant, c.service().office());
    event(row, c, c.submittedAt(), applicant, c.applicant().name(), "submit", null, "submitted", null);
    event(row, c, c.submittedAt(), applicant, c.applicant().name(), "register", "submitted", "registered", null);
    var decided = c.decidedOn() == null ? c.submittedAt()
        : c.decidedOn().atTime(11, 0).atZone(SyntheticCity.ITALY).toInstant();
    switch (c.status()) {
      case "in-progress" -> event(row, c, c.submittedAt().plusSeconds(3600), operator, "Operatore", "take",
          "registered", "in-progress", null);
      case "approved", "rejected", "closed" -> {
        event(row, c, c.submittedAt().plusSeconds(3600), operator, "Operatore", "take", "registered",
            "in-progress", null);
        boolean rejected = c.status().equals("rejected");
        event(row, c, decided, operator, "Operatore", rejected ? "reject" : "approve", "in-progress",
            rejected ? "rejected" : "approved", rejected ? "Requisiti non soddisfatti" : null);
        if (c.status().equals("closed")) {
          event(row, c, decided.plusSeconds(60), operator, "Operatore", "close", "approved", "closed", null);
        }
      }
      case "withdrawn" -> event(row, c, decided, applicant, c.applicant().name(), "withdraw", "registered",
          "withdrawn", null);
      default -> { }
    }
  }

  private static void event(Row row, Case c, java.time.Instant at, String actor, String name, String action,
                            String from, String to, String reason) {
    row.field(c.comune().tenant()).field(c.id()).field(timestamp(at)).field(actor).field(name).field(action)
        .field(from).field(to).last(reason);
  }

  private void protocolRow(Case c, Row row) {
    String correspondents = "[{\"name\":\"" + c.applicant().name() + "\",\"fiscalCode\":\""
        + c.applicant().fiscalCode() + "\"}]";
    byte[] digest = new byte[32];
    new java.util.Random(c.id().getLeastSignificantBits()).nextBytes(digest);
    row.field(c.comune().tenant()).field(c.filedOn().getYear()).field(c.number()).field(timestamp(c.submittedAt()))
        .field(c.filedOn()).field("incoming").field(correspondents)
        .field(c.service().title() + " — " + c.applicant().name()).field(HexFormat.of().formatHex(digest))
        .field("istanza").field(c.id()).field(c.applicant().subject()).last("online");
  }

  private static String timestamp(java.time.Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC).toString();
  }

  /** Rows in PostgreSQL's COPY text format: tab-separated, \N for null, backslash escapes. */
  static final class Row extends ByteArrayOutputStream {
    Row() {
      super(CHUNK + 64 * 1024);
    }

    Row field(Object value) {
      append(value);
      write('\t');
      return this;
    }

    Row last(Object value) {
      append(value);
      write('\n');
      return this;
    }

    byte[] bytes() {
      return buf;
    }

    private void append(Object value) {
      if (value == null) {
        writeBytes("\\N".getBytes(StandardCharsets.US_ASCII));
        return;
      }
      String text = value.toString();
      StringBuilder escaped = null;
      for (int i = 0; i < text.length(); i++) {
        char ch = text.charAt(i);
        if (ch == '\\' || ch == '\t' || ch == '\n' || ch == '\r') {
          if (escaped == null) {
            escaped = new StringBuilder(text.length() + 8).append(text, 0, i);
          }
          escaped.append(switch (ch) {
            case '\t' -> "\\t";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            default -> "\\\\";
          });
        } else if (escaped != null) {
          escaped.append(ch);
        }
      }
      writeBytes((escaped == null ? text : escaped.toString()).getBytes(StandardCharsets.UTF_8));
    }
  }
}
