package it.piazza.issuance.internal;

import it.piazza.identity.FiscalCode;
import it.piazza.identity.OfficeId;
import it.piazza.issuance.DocumentKind;
import it.piazza.issuance.IssuedDocumentId;
import it.piazza.tenancy.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The table of issued documents; every query is scoped by comune, except the public look-up by code. */
@Component
class IssuedDocuments {

  private final JdbcClient jdbc;

  IssuedDocuments(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(IssuedDocument d) {
    jdbc.sql("""
            insert into issued_document (tenant_id, id, kind, cause, title, holder_fiscal_code, holder_name, case_id,
              protocol_number, sha256, size, issued_at, office_id, verification_code, register_day)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).params(d.tenant().value(), d.id().value(), d.kind().name(), d.cause(), d.title(),
            d.holder() == null ? null : d.holder().value(), d.holderName(), d.caseId(), d.protocolNumber(),
            d.sha256(), d.size(), Timestamp.from(d.issuedAt()), d.office() == null ? null : d.office().value(),
            d.verificationCode(), d.registerDay()).update();
  }

  /**
   * Serialises issuing for one cause across transactions and nodes, until the end of the caller's transaction: the
   * second comer then sees the first one's row (the unique constraint on the cause is the backstop).
   */
  void lockCause(TenantId tenant, String cause) {
    jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param(tenant.value() + "|" + cause)
        .query((rs, n) -> 1).list();
  }

  Optional<IssuedDocument> byCause(TenantId tenant, String cause) {
    return jdbc.sql("select * from issued_document where tenant_id = ? and cause = ?")
        .params(tenant.value(), cause).query(IssuedDocuments::row).optional();
  }

  Optional<IssuedDocument> find(TenantId tenant, IssuedDocumentId id) {
    return jdbc.sql("select * from issued_document where tenant_id = ? and id = ?")
        .params(tenant.value(), id.value()).query(IssuedDocuments::row).optional();
  }

  /** Public: the code is the only key anyone outside knows (and it is unique across comuni). */
  Optional<IssuedDocument> byCode(String code) {
    return jdbc.sql("select * from issued_document where verification_code = ?").param(code)
        .query(IssuedDocuments::row).optional();
  }

  List<IssuedDocument> ofHolders(TenantId tenant, Collection<FiscalCode> holders, int limit) {
    if (holders.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("""
            select * from issued_document where tenant_id = :tenant and holder_fiscal_code in (:holders)
            order by issued_at desc limit :limit
            """).param("tenant", tenant.value())
        .param("holders", holders.stream().map(FiscalCode::value).toList()).param("limit", limit)
        .query(IssuedDocuments::row).list();
  }

  List<IssuedDocument> registers(TenantId tenant, int limit) {
    return jdbc.sql("""
            select * from issued_document where tenant_id = ? and kind = 'DAILY_REGISTER'
            order by register_day desc limit ?
            """).params(tenant.value(), limit).query(IssuedDocuments::row).list();
  }

  Optional<LocalDate> lastRegisterDay(TenantId tenant) {
    return jdbc.sql("select max(register_day) from issued_document where tenant_id = ? and kind = 'DAILY_REGISTER'")
        .param(tenant.value()).query((rs, n) -> rs.getObject(1, LocalDate.class)).optional();
  }

  private static IssuedDocument row(ResultSet rs, int n) throws SQLException {
    String holder = rs.getString("holder_fiscal_code");
    String office = rs.getString("office_id");
    return new IssuedDocument(new TenantId(rs.getString("tenant_id")),
        new IssuedDocumentId(rs.getObject("id", UUID.class)), DocumentKind.valueOf(rs.getString("kind")),
        rs.getString("cause"), rs.getString("title"), holder == null ? null : new FiscalCode(holder),
        rs.getString("holder_name"), rs.getObject("case_id", UUID.class), rs.getString("protocol_number"),
        rs.getString("sha256"), rs.getLong("size"), rs.getTimestamp("issued_at").toInstant(),
        office == null ? null : new OfficeId(office), rs.getString("verification_code"),
        rs.getObject("register_day", LocalDate.class));
  }
}
