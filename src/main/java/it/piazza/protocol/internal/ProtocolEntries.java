package it.piazza.protocol.internal;

import it.piazza.identity.Channel;
import it.piazza.protocol.Correspondent;
import it.piazza.protocol.Direction;
import it.piazza.protocol.ProtocolEntry;
import it.piazza.protocol.ProtocolNumber;
import it.piazza.protocol.Registration;
import it.piazza.tenancy.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The stored register: counters and entries. There is no update: entries never change (DPR 445/2000 art. 53 c.3). */
@Repository
class ProtocolEntries {

  private static final TypeReference<List<Correspondent>> CORRESPONDENTS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JsonMapper json;

  ProtocolEntries(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /**
   * Queues this transaction behind any other registering in the comune, until it ends. Taken before the clock is
   * read, so that numbers and registration times rise together, even across midnight on 31 December.
   */
  void lockNumbering(TenantId tenant) {
    jdbc.sql("select pg_advisory_xact_lock(hashtext('piazza-protocol'), hashtext(?))").param(tenant.value())
        .query((rs, n) -> 1).single();
  }

  /**
   * The next number of the comune's year: the counter row is created at 1 or incremented, and stays locked until
   * the transaction ends; a rollback undoes the increment, so no number is lost.
   */
  long nextNumber(TenantId tenant, int year) {
    return jdbc.sql("""
            insert into protocol_counter (tenant_id, year, last) values (?, ?, 1)
            on conflict (tenant_id, year) do update set last = protocol_counter.last + 1
            returning last
            """).params(tenant.value(), year).query(Long.class).single();
  }

  void insert(ProtocolEntry e) {
    Registration.SenderReference sender = e.senderReference();
    jdbc.sql("""
            insert into protocol_entry (tenant_id, year, number, registered_at, registration_date, direction,
              correspondents, subject, fingerprint, sender_document_date, sender_document_number, document_kind,
              document_reference, classification, registered_by, channel)
            values (:tenant, :year, :number, :at, :date, :direction, cast(:correspondents as jsonb), :subject,
              :fingerprint, :senderDate, :senderNumber, :kind, :reference, :classification, :by, :channel)
            """)
        .param("tenant", e.tenant().value())
        .param("year", e.number().year())
        .param("number", e.number().number())
        .param("at", OffsetDateTime.ofInstant(e.registeredAt(), ZoneOffset.UTC))
        .param("date", e.registrationDate())
        .param("direction", e.direction().code())
        .param("correspondents", json.writeValueAsString(e.correspondents()))
        .param("subject", e.subject())
        .param("fingerprint", e.fingerprint())
        .param("senderDate", sender == null ? null : sender.date(), java.sql.Types.DATE)
        .param("senderNumber", sender == null ? null : sender.number())
        .param("kind", e.documentKind())
        .param("reference", e.documentReference())
        .param("classification", e.classification())
        .param("by", e.registeredBy())
        .param("channel", e.channel().code())
        .update();
  }

  Optional<ProtocolEntry> find(TenantId tenant, ProtocolNumber number) {
    return jdbc.sql("select * from protocol_entry where tenant_id = ? and year = ? and number = ?")
        .params(tenant.value(), number.year(), number.number()).query(this::row).optional();
  }

  List<ProtocolEntry> day(TenantId tenant, LocalDate day) {
    return jdbc.sql("select * from protocol_entry where tenant_id = ? and registration_date = ? order by number")
        .params(tenant.value(), day).query(this::row).list();
  }

  Optional<LocalDate> firstDay(TenantId tenant) {
    return jdbc.sql("select min(registration_date) from protocol_entry where tenant_id = ?").param(tenant.value())
        .query((rs, n) -> rs.getObject(1, LocalDate.class)).optional();
  }

  private ProtocolEntry row(ResultSet rs, int rowNum) throws SQLException {
    LocalDate senderDate = rs.getObject("sender_document_date", LocalDate.class);
    String senderNumber = rs.getString("sender_document_number");
    return new ProtocolEntry(new TenantId(rs.getString("tenant_id")),
        new ProtocolNumber(rs.getInt("year"), rs.getLong("number")),
        rs.getObject("registered_at", OffsetDateTime.class).toInstant(),
        rs.getObject("registration_date", LocalDate.class),
        Direction.fromCode(rs.getString("direction")),
        json.readValue(rs.getString("correspondents"), CORRESPONDENTS),
        rs.getString("subject"), rs.getString("fingerprint"),
        senderDate == null && senderNumber == null ? null : new Registration.SenderReference(senderDate, senderNumber),
        rs.getString("document_kind"), rs.getString("document_reference"), rs.getString("classification"),
        rs.getString("registered_by"), Channel.valueOf(rs.getString("channel").toUpperCase(Locale.ROOT)));
  }
}
