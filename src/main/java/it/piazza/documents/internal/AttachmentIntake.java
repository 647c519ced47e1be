package it.piazza.documents.internal;

import it.piazza.audit.AuditLog;
import it.piazza.audit.AuditRecord;
import it.piazza.catalog.Catalog;
import it.piazza.catalog.ServiceDefinition;
import it.piazza.catalog.ServiceId;
import it.piazza.documents.AttachmentInfo;
import it.piazza.documents.DocumentStore;
import it.piazza.documents.DocumentsProblem;
import it.piazza.identity.Caller;
import it.piazza.platform.ProblemException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.UUID;
import org.apache.tika.Tika;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Takes in an uploaded attachment, for the API and for the portal's pages alike: the type is read from the content
 * (magic bytes), never from the client's name or header; size and type limits come from the service; the file is
 * streamed into the store, fingerprinted, registered to its uploader and audited.
 */
@Component
class AttachmentIntake {

  private static final Tika TIKA = new Tika();

  private final Catalog catalog;
  private final DocumentStore store;
  private final AttachmentRegistry registry;
  private final AuditLog audit;
  private final Clock clock;

  AttachmentIntake(Catalog catalog, DocumentStore store, AttachmentRegistry registry, AuditLog audit, Clock clock) {
    this.catalog = catalog;
    this.store = store;
    this.registry = registry;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  AttachmentInfo accept(Caller caller, MultipartFile file, String serviceId, String kind) throws IOException {
    if (file == null || file.isEmpty()) {
      throw new ProblemException(DocumentsProblem.ATTACHMENT_MISSING_FILE);
    }
    ServiceDefinition.AttachmentRule rule = rule(caller, serviceId, kind);
    DocumentStore.Stored stored;
    String mediaType;
    try (InputStream in = new BufferedInputStream(file.getInputStream(), 64 * 1024)) {
      mediaType = TIKA.detect(in); // reads and resets the first bytes only
      if (!rule.allowedTypes().contains(mediaType)) {
        throw new ProblemException(DocumentsProblem.ATTACHMENT_TYPE_NOT_ALLOWED, mediaType,
            String.join(", ", rule.allowedTypes()));
      }
      stored = store.put(in, rule.maxSizeBytes());
    } catch (DocumentStore.ContentTooLargeException e) {
      throw new ProblemException(DocumentsProblem.ATTACHMENT_TOO_LARGE, rule.maxSizeBytes());
    }
    AttachmentInfo info = new AttachmentInfo(UUID.randomUUID(), serviceId, kind, safeName(file.getOriginalFilename()),
        mediaType, stored.size(), stored.sha256(), clock.instant());
    registry.add(caller.tenant(), caller.subject(), info);
    audit.record(AuditRecord.by(caller, "upload", "attachment", info.id().toString(),
        caller.subjectPerson().orElse(null), "application:" + serviceId));
    return info;
  }

  private ServiceDefinition.AttachmentRule rule(Caller caller, String serviceId, String kind) {
    try {
      return catalog.find(caller.tenant(), new ServiceId(serviceId)).flatMap(s -> s.attachment(kind))
          .orElseThrow(() -> new ProblemException(DocumentsProblem.ATTACHMENT_KIND_NOT_ALLOWED, kind, serviceId));
    } catch (IllegalArgumentException malformedServiceId) {
      throw new ProblemException(DocumentsProblem.ATTACHMENT_KIND_NOT_ALLOWED, kind, serviceId);
    }
  }

  /**
   * Only the last path segment, without control characters, invisible format characters (a right-to-left override
   * makes {@code fattura\u202Efdp.exe} look like {@code fatturaexe.pdf}) or halves of surrogate pairs: a name is
   * shown, never used as a path.
   */
  static String safeName(String original) {
    if (original == null || original.isBlank()) {
      return "allegato";
    }
    String name = original.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\\p{Cf}\\p{Cs}]", "").strip();
    if (name.isEmpty() || name.equals(".") || name.equals("..")) {
      return "allegato";
    }
    return name.length() > 200 ? name.substring(0, Character.isHighSurrogate(name.charAt(199)) ? 199 : 200) : name;
  }
}
