package it.piazza.documents;

import it.piazza.tenancy.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The attachments of applications. */
public interface Attachments {

  /**
   * Binds uploaded attachments to an application, in the caller's transaction. Each must exist in this comune,
   * have been uploaded by {@code uploader} for {@code serviceId}, and not be bound yet; otherwise the answer is
   * a problem naming the offending id, and nothing is bound.
   */
  List<AttachmentInfo> bind(TenantId tenant, String uploader, String serviceId, List<UUID> ids, UUID caseId);

  List<AttachmentInfo> ofCase(TenantId tenant, UUID caseId);

  /** An attachment {@code uploader} uploaded, bound or not yet: to show a form's files again. */
  Optional<AttachmentInfo> findOwn(TenantId tenant, String uploader, UUID id);
}
