package it.piazza.preservation.internal;

import it.piazza.cases.CaseId;
import it.piazza.issuance.DocumentIssued;
import it.piazza.issuance.DocumentKind;
import it.piazza.issuance.IssuedDocumentId;
import it.piazza.tenancy.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The issued documents heard of ({@link DocumentIssued}), kept by case until they travel in a package. */
@Component
class DocumentsToPreserve {

  private final JdbcClient jdbc;

  DocumentsToPreserve(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records a document once; false when it was already heard of (a redelivered event). */
  boolean record(DocumentIssued issued) {
    return jdbc.sql("""
            insert into preservation_issued_document (document_id, tenant_id, kind, title, sha256, size, issued_at,
                   protocol_number, case_id, register_day, verification_code)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (document_id) do nothing
            """).params(issued.documentId().value(), issued.tenant().value(), issued.kind().name(), issued.title(),
        issued.sha256(), issued.size(), Timestamp.from(issued.issuedAt()), issued.protocolNumber(),
        issued.caseId() == null ? null : issued.caseId().value(), issued.registerDay(), issued.verificationCode())
        .update() == 1;
  }

  /** The documents of a case that no package carries yet. */
  List<DocumentIssued> unpackagedOf(TenantId tenant, CaseId caseId) {
    return jdbc.sql("select * from preservation_issued_document where tenant_id = ? and case_id = ? "
            + "and package_id is null order by issued_at, document_id")
        .params(tenant.value(), caseId.value()).query(DocumentsToPreserve::row).list();
  }

  /** The documents a package carries, to build it again on a resend. */
  List<DocumentIssued> inPackage(UUID packageId) {
    return jdbc.sql("select * from preservation_issued_document where package_id = ? order by issued_at, document_id")
        .param(packageId).query(DocumentsToPreserve::row).list();
  }

  void packaged(List<DocumentIssued> documents, UUID packageId) {
    for (DocumentIssued d : documents) {
      jdbc.sql("update preservation_issued_document set package_id = ? where document_id = ?")
          .params(packageId, d.documentId().value()).update();
    }
  }

  private static DocumentIssued row(ResultSet rs, int n) throws SQLException {
    UUID caseId = rs.getObject("case_id", UUID.class);
    java.sql.Date day = rs.getDate("register_day");
    return new DocumentIssued(new IssuedDocumentId(rs.getObject("document_id", UUID.class)),
        new TenantId(rs.getString("tenant_id")), DocumentKind.valueOf(rs.getString("kind")), rs.getString("title"),
        rs.getString("sha256"), rs.getLong("size"), rs.getTimestamp("issued_at").toInstant(),
        rs.getString("protocol_number"), caseId == null ? null : new CaseId(caseId),
        day == null ? null : day.toLocalDate(), rs.getString("verification_code"));
  }

  static LocalDate dayOf(DocumentIssued d) {
    return d.registerDay() != null ? d.registerDay() : d.issuedAt().atZone(java.time.ZoneId.of("Europe/Rome"))
        .toLocalDate();
  }
}
