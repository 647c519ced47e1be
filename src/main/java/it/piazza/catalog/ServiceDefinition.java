package it.piazza.catalog;

import it.piazza.identity.OfficeId;
import it.piazza.tenancy.TenantId;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A service as its definition file describes it (src/main/resources/catalog/service-definition.schema.json), in
 * one version of one comune's catalogue.
 *
 * @param tenant the comune whose catalogue holds this version: each comune may change its services
 * @param version the stored version; a case keeps the version it was filed under
 * @param form the JSON Schema 2020-12 of the application data
 * @param ui the form's UI hints: order, labels, help, widgets, conditional display, option labels
 * @param beneficiaryField JSON Pointer-like path of the form field naming the person the application is for
 *     (a child, a client); empty when the applicant is the subject
 */
public record ServiceDefinition(TenantId tenant, ServiceId id, int version, Text title, Text summary, Text description,
                                Text whoCanApply, Text documentsNeeded, OfficeId office, String category,
                                List<String> lifeEvents, List<String> channels, JsonNode form, JsonNode ui,
                                List<AttachmentRule> attachments, Optional<Fee> fee, int legalDeadlineDays,
                                boolean tacitApproval, String workflow, Optional<IssuedDocument> issues,
                                Text legalBasis, Optional<String> beneficiaryField) {

  public Optional<AttachmentRule> attachment(String kind) {
    return attachments.stream().filter(a -> a.kind().equals(kind)).findFirst();
  }

  /** What may be attached, and how: allowed types (sniffed from content), size, signature. */
  public record AttachmentRule(String kind, Text title, Optional<Text> help, boolean required,
                               List<String> allowedTypes, long maxSizeBytes, boolean signatureRequired, int maxFiles,
                               Optional<Condition> requiredIf) {}

  /** A fee in euro cents, due before processing or on issue. */
  public record Fee(long amountCents, Due due, String category, Text description, Optional<Condition> waivedIf) {
    public enum Due { BEFORE_PROCESSING, ON_ISSUE }

    /** Whether an application with these answers owes the fee ({@code waivedIf} names the exemption, if any). */
    public boolean appliesTo(JsonNode data) {
      return amountCents > 0 && waivedIf.map(condition -> !condition.holdsFor(data)).orElse(true);
    }
  }

  /** The document a decided case issues. */
  public record IssuedDocument(String document, Text title) {}

  /** A condition on a form field: {@code field} equals {@code equals}. */
  public record Condition(String field, JsonNode equals) {

    /** Whether the answers hold this condition: the field (a path such as {@code child/fiscalCode}) has the value. */
    public boolean holdsFor(JsonNode data) {
      return data != null && data.at("/" + field.replaceFirst("^/", "")).equals(equals);
    }
  }
}
