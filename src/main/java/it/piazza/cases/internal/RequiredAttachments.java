package it.piazza.cases.internal;

import it.piazza.catalog.FieldError;
import it.piazza.catalog.ServiceDefinition;
import it.piazza.documents.AttachmentInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/** The attachments a service asks for, given the form's answers (some are required only under a condition). */
final class RequiredAttachments {

  private RequiredAttachments() {}

  static List<FieldError> missing(ServiceDefinition service, JsonNode data, List<AttachmentInfo> bound,
                                  Locale locale) {
    List<FieldError> errors = new ArrayList<>();
    boolean english = "en".equals(locale.getLanguage());
    for (ServiceDefinition.AttachmentRule rule : service.attachments()) {
      long count = bound.stream().filter(a -> a.kind().equals(rule.kind())).count();
      boolean required = rule.required() || rule.requiredIf()
          .map(c -> data.at("/" + c.field().replaceFirst("^/", "")).equals(c.equals())).orElse(false);
      String title = rule.title().in(locale);
      if (required && count == 0) {
        errors.add(new FieldError("/attachments/" + rule.kind(),
            (english ? "Required attachment missing: " : "Allegato obbligatorio mancante: ") + title));
      }
      if (count > rule.maxFiles()) {
        errors.add(new FieldError("/attachments/" + rule.kind(),
            (english ? "Too many files, at most " : "Troppi file, al massimo ") + rule.maxFiles() + ": " + title));
      }
    }
    bound.stream().filter(a -> service.attachment(a.kind()).isEmpty()).forEach(a ->
        errors.add(new FieldError("/attachments/" + a.kind(),
            (english ? "This service takes no attachment of this kind" : "Il servizio non prevede questo allegato"))));
    return errors;
  }
}
