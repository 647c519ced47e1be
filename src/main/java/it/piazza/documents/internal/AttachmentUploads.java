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
import it.piazza.identity.Callers;
import it.piazza.platform.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.UUID;
import org.apache.tika.Tika;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploads of attachments: the type is read from the content (magic bytes), never from the client's name or
 * header; size and type limits come from the service; the file is streamed into the store and fingerprinted.
 */
@RestController
@Tag(name = "Attachments")
class AttachmentUploads {

  private static final Tika TIKA = new Tika();

  private final Callers callers;
  private final Catalog catalog;
  private final DocumentStore store;
  private final AttachmentRegistry registry;
  private final AuditLog audit;
  private final Clock clock;

  AttachmentUploads(Callers callers, Catalog catalog, DocumentStore store, AttachmentRegistry registry, AuditLog audit,
                    Clock clock) {
    this.callers = callers;
    this.catalog = catalog;
    this.store = store;
    this.registry = registry;
    this.audit = audit;
    this.clock = clock;
  }

  @PostMapping(path = "/api/v1/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Transactional
  @Operation(summary = "Upload a file for an application (multipart: file, serviceId, kind)")
  AttachmentInfo upload(@RequestParam(required = false) MultipartFile file, @RequestParam String serviceId,
                        @RequestParam String kind) throws IOException {
    Caller caller = callers.current();
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

  @GetMapping("/api/v1/attachments/{id}")
  @Operation(summary = "An attachment I uploaded")
  AttachmentInfo mine(@PathVariable UUID id) {
    Caller caller = callers.current();
    return registry.findOwn(caller.tenant(), caller.subject(), id)
        .orElseThrow(() -> new ProblemException(DocumentsProblem.ATTACHMENT_NOT_FOUND));
  }

  private ServiceDefinition.AttachmentRule rule(Caller caller, String serviceId, String kind) {
    try {
      return catalog.find(caller.tenant(), new ServiceId(serviceId)).flatMap(s -> s.attachment(kind))
          .orElseThrow(() -> new ProblemException(DocumentsProblem.ATTACHMENT_KIND_NOT_ALLOWED, kind, serviceId));
    } catch (IllegalArgumentException malformedServiceId) {
      throw new ProblemException(DocumentsProblem.ATTACHMENT_KIND_NOT_ALLOWED, kind, serviceId);
    }
  }

  /** Only the last path segment, without control characters: a name is shown, never used as a path. */
  static String safeName(String original) {
    if (original == null || original.isBlank()) {
      return "allegato";
    }
    String name = original.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "").strip();
    if (name.isEmpty() || name.equals(".") || name.equals("..")) {
      return "allegato";
    }
    return name.length() > 200 ? name.substring(0, 200) : name;
  }
}
