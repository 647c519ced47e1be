package it.piazza.documents.internal;

import it.piazza.documents.AttachmentInfo;
import it.piazza.documents.Attachments;
import it.piazza.documents.DocumentsProblem;
import it.piazza.platform.ProblemException;
import it.piazza.tenancy.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Uploaded attachments and the applications they belong to. */
@Repository
class AttachmentRegistry implements Attachments {

  private final JdbcClient jdbc;

  AttachmentRegistry(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void add(TenantId tenant, String uploader, AttachmentInfo a) {
    jdbc.sql("""
            insert into attachment (id, tenant_id, uploader, service_id, kind, file_name, media_type, size, sha256,
                                    uploaded_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(a.id(), tenant.value(), uploader, a.serviceId(), a.kind(), a.fileName(), a.mediaType(), a.size(),
            a.sha256(), Timestamp.from(a.uploadedAt()))
        .update();
  }

  @Override
  public Optional<AttachmentInfo> findOwn(TenantId tenant, String uploader, UUID id) {
    return jdbc.sql("select * from attachment where tenant_id = ? and uploader = ? and id = ?")
        .params(tenant.value(), uploader, id).query(AttachmentRegistry::row).optional();
  }

  @Override
  @Transactional
  public List<AttachmentInfo> bind(TenantId tenant, String uploader, String serviceId, List<UUID> ids, UUID caseId) {
    for (UUID id : ids) {
      int bound = jdbc.sql("""
              update attachment set case_id = ?
              where tenant_id = ? and uploader = ? and service_id = ? and id = ? and case_id is null
              """).params(caseId, tenant.value(), uploader, serviceId, id).update();
      if (bound != 1) {
        // Unknown, someone else's, for another service or already used: one answer, no hint which.
        throw new ProblemException(DocumentsProblem.UNKNOWN_ATTACHMENT, id);
      }
    }
    return ofCase(tenant, caseId);
  }

  @Override
  public List<AttachmentInfo> ofCase(TenantId tenant, UUID caseId) {
    return jdbc.sql("select * from attachment where tenant_id = ? and case_id = ? order by uploaded_at, id")
        .params(tenant.value(), caseId).query(AttachmentRegistry::row).list();
  }

  private static AttachmentInfo row(ResultSet rs, int n) throws SQLException {
    return new AttachmentInfo(rs.getObject("id", UUID.class), rs.getString("service_id"), rs.getString("kind"),
        rs.getString("file_name"), rs.getString("media_type"), rs.getLong("size"), rs.getString("sha256"),
        rs.getTimestamp("uploaded_at").toInstant());
  }
}
