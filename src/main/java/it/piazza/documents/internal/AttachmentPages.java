package it.piazza.documents.internal;

import it.piazza.documents.AttachmentInfo;
import it.piazza.identity.Callers;
import it.piazza.platform.PageController;
import it.piazza.platform.ProblemException;
import it.piazza.platform.Problems;
import it.piazza.platform.ProtectedPages;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploads from the portal's application forms: the page sends each file as soon as it is chosen (with a progress
 * bar), signed in by the page's session and guarded by its CSRF token; the form then carries only the ids. Same
 * rules as the API's uploads; the answer speaks the page's language.
 */
@PageController
class AttachmentPages {

  private final Callers callers;
  private final AttachmentIntake intake;
  private final Problems problems;
  private final MessageSource messages;

  AttachmentPages(Callers callers, AttachmentIntake intake, Problems problems, MessageSource messages) {
    this.callers = callers;
    this.intake = intake;
    this.problems = problems;
    this.messages = messages;
  }

  @PostMapping(path = "/domande/allegati", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> upload(@RequestParam(required = false) MultipartFile file,
                                             @RequestParam String serviceId, @RequestParam String kind,
                                             Locale locale) throws IOException {
    try {
      AttachmentInfo info = intake.accept(callers.current(), file, serviceId, kind);
      return ResponseEntity.status(201).body(Map.of("id", info.id(), "fileName", info.fileName(), "size",
          info.size(), "message", messages.getMessage("upload.done", new Object[] {info.fileName()}, locale)));
    } catch (ProblemException refused) {
      String slug = refused.type().slug();
      String title = problems.message("problem." + slug + ".title", refused.detailArguments(), locale, slug);
      String detail = problems.message("problem." + slug + ".detail", refused.detailArguments(), locale, "");
      return ResponseEntity.status(refused.type().status().value())
          .body(Map.of("message", (title + ". " + detail).strip()));
    }
  }

  @Bean
  static ProtectedPages attachmentProtectedPages() {
    return ProtectedPages.signedIn("/domande/**");
  }
}
