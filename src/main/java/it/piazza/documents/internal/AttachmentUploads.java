package it.piazza.documents.internal;

import it.piazza.documents.AttachmentInfo;
import it.piazza.documents.DocumentsProblem;
import it.piazza.identity.Caller;
import it.piazza.identity.Callers;
import it.piazza.platform.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Uploads of attachments through the API (see {@link AttachmentIntake} for the rules). */
@RestController
@Tag(name = "Attachments")
class AttachmentUploads {

  private final Callers callers;
  private final AttachmentIntake intake;
  private final AttachmentRegistry registry;

  AttachmentUploads(Callers callers, AttachmentIntake intake, AttachmentRegistry registry) {
    this.callers = callers;
    this.intake = intake;
    this.registry = registry;
  }

  @PostMapping(path = "/api/v1/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Upload a file for an application (multipart: file, serviceId, kind)")
  AttachmentInfo upload(@RequestParam(required = false) MultipartFile file, @RequestParam String serviceId,
                        @RequestParam String kind) throws IOException {
    return intake.accept(callers.current(), file, serviceId, kind);
  }

  @GetMapping("/api/v1/attachments/{id}")
  @Operation(summary = "An attachment I uploaded")
  AttachmentInfo mine(@PathVariable UUID id) {
    Caller caller = callers.current();
    return registry.findOwn(caller.tenant(), caller.subject(), id)
        .orElseThrow(() -> new ProblemException(DocumentsProblem.ATTACHMENT_NOT_FOUND));
  }
}
