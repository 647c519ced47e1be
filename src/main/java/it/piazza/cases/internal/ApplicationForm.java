package it.piazza.cases.internal;

import it.piazza.catalog.FieldError;
import it.piazza.catalog.FormField;
import it.piazza.catalog.Forms;
import it.piazza.catalog.ServiceDefinition;
import it.piazza.documents.AttachmentInfo;
import it.piazza.documents.Attachments;
import it.piazza.identity.Caller;
import it.piazza.platform.ProblemException;
import it.piazza.platform.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An application form as a page: the service's fields with their values and errors, the attachments to upload,
 * and a summary of the errors linking to their fields — for the citizen's form and for the desk alike.
 */
@Component
class ApplicationForm {

  private final Forms forms;
  private final Attachments attachments;
  private final Problems problems;

  ApplicationForm(Forms forms, Attachments attachments, Problems problems) {
    this.forms = forms;
    this.attachments = attachments;
    this.problems = problems;
  }

  /** An attachment the form asks for, with the files already uploaded for it. */
  record Slot(String kind, String id, String title, String help, boolean required, boolean conditional, int maxFiles,
              String types, long maxMegabytes, List<AttachmentInfo> uploaded, String error) {}

  /** One entry of the error summary: a link to the field ({@code href} empty for errors of the whole form). */
  record Problem(String href, String label, String message) {}

  void fill(Model model, ServiceDefinition service, JsonNode data, List<FieldError> errors, List<UUID> attachmentIds,
            Caller uploader, Locale locale) {
    List<FormField> fields = forms.fields(service, data, errors, locale);
    List<AttachmentInfo> uploaded = (attachmentIds == null ? List.<UUID>of() : attachmentIds).stream()
        .map(id -> attachments.findOwn(uploader.tenant(), uploader.subject(), id)).flatMap(Optional::stream)
        .toList();
    List<Slot> slots = service.attachments().stream().map(rule -> new Slot(rule.kind(), "att-" + rule.kind(),
        rule.title().in(locale), rule.help().map(h -> h.in(locale)).orElse(null), rule.required(),
        rule.requiredIf().isPresent(), rule.maxFiles(), String.join(", ", rule.allowedTypes().stream()
            .map(ApplicationForm::typeName).toList()), Math.max(1, rule.maxSizeBytes() / (1024 * 1024)),
        uploaded.stream().filter(a -> a.kind().equals(rule.kind())).toList(),
        errors.stream().filter(e -> e.pointer().equals("/attachments/" + rule.kind())).map(FieldError::message)
            .findFirst().orElse(null))).toList();
    List<Problem> summary = new ArrayList<>();
    collect(fields, summary);
    slots.stream().filter(s -> s.error() != null).forEach(s -> summary.add(new Problem("#" + s.id(), s.title(),
        s.error())));
    forms.unplaced(service, errors).stream().filter(e -> !e.pointer().startsWith("/attachments/"))
        .forEach(e -> summary.add(new Problem(null, null, e.message())));
    model.addAttribute("service", service);
    model.addAttribute("serviceTitle", service.title().in(locale));
    model.addAttribute("fields", fields);
    model.addAttribute("slots", slots);
    model.addAttribute("errorSummary", summary);
  }

  /** The errors of a refused filing, by field; or empty when it was refused for another reason. */
  static List<FieldError> fieldErrors(ProblemException refused) {
    Object listed = refused.properties().get("errors");
    if (!(listed instanceof List<?> list)) {
      return List.of();
    }
    return list.stream().filter(Map.class::isInstance).map(Map.class::cast)
        .map(m -> new FieldError(Objects.toString(m.get("pointer"), ""), Objects.toString(m.get("message"), "")))
        .toList();
  }

  /** A refusal that is not about fields, in words: its title and detail. */
  String explain(ProblemException refused, Locale locale) {
    String slug = refused.type().slug();
    String title = problems.message("problem." + slug + ".title", refused.detailArguments(), locale, slug);
    String detail = problems.message("problem." + slug + ".detail", refused.detailArguments(), locale, "");
    return (title + ". " + detail).strip();
  }

  /** Fills the service's beneficiary field (e.g. the child's fiscal code) with the person applied for, if empty. */
  static void nameBeneficiary(ServiceDefinition service, ObjectNode data, String onBehalfOf) {
    if (onBehalfOf == null || onBehalfOf.isBlank() || service.beneficiaryField().isEmpty()) {
      return;
    }
    String[] path = service.beneficiaryField().get().replaceFirst("^/", "").split("/");
    ObjectNode target = data;
    for (int i = 0; i < path.length - 1; i++) {
      JsonNode next = target.path(path[i]);
      if (!next.isObject()) {
        if (!next.isMissingNode()) {
          return;
        }
        next = target.putObject(path[i]);
      }
      target = (ObjectNode) next;
    }
    String last = path[path.length - 1];
    if (target.path(last).asString("").isBlank()) {
      target.put(last, onBehalfOf);
    }
  }

  private static void collect(List<FormField> fields, List<Problem> summary) {
    for (FormField field : fields) {
      if (field.error() != null) {
        summary.add(new Problem("#" + field.id(), field.label(), field.error()));
      }
      collect(field.children(), summary);
      field.rows().forEach(row -> collect(row, summary));
    }
  }

  private static String typeName(String mediaType) {
    return switch (mediaType) {
      case "application/pdf" -> "PDF";
      case "image/jpeg" -> "JPEG";
      case "image/png" -> "PNG";
      case "application/pkcs7-mime" -> "P7M";
      default -> mediaType;
    };
  }
}
