package it.piazza.catalog.internal;

import it.piazza.catalog.ServiceDefinition;
import it.piazza.catalog.ServiceDefinition.AttachmentRule;
import it.piazza.catalog.ServiceDefinition.Condition;
import it.piazza.catalog.ServiceDefinition.Fee;
import it.piazza.catalog.ServiceDefinition.IssuedDocument;
import it.piazza.catalog.ServiceId;
import it.piazza.catalog.Text;
import it.piazza.identity.OfficeId;
import it.piazza.tenancy.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Turns a stored definition (valid against the meta-schema) into a {@link ServiceDefinition}. */
final class DefinitionReader {

  private DefinitionReader() {}

  static ServiceDefinition read(TenantId tenant, int version, JsonNode d) {
    return new ServiceDefinition(tenant, new ServiceId(d.get("id").asString()), version, text(d.get("title")),
        text(d.get("summary")), text(d.get("description")), text(d.get("whoCanApply")),
        text(d.get("documentsNeeded")), new OfficeId(d.get("office").asString()), d.get("category").asString(),
        strings(d.get("lifeEvents")), strings(d.get("channels")), d.get("form"), d.get("ui"),
        attachments(d.get("attachments")), present(d.get("fee")).map(DefinitionReader::fee),
        d.get("legalDeadlineDays").asInt(), d.get("tacitApproval").asBoolean(), d.get("workflow").asString(),
        present(d.get("issues")).map(i -> new IssuedDocument(i.get("document").asString(), text(i.get("title")))),
        text(d.get("legalBasis")), present(d.get("beneficiaryField")).map(JsonNode::asString));
  }

  static Text text(JsonNode node) {
    return new Text(node.get("it").asString(), node.get("en").asString());
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asString()));
    return List.copyOf(values);
  }

  private static List<AttachmentRule> attachments(JsonNode array) {
    List<AttachmentRule> rules = new ArrayList<>();
    for (JsonNode a : array) {
      rules.add(new AttachmentRule(a.get("kind").asString(), text(a.get("title")),
          present(a.get("help")).map(DefinitionReader::text), a.get("required").asBoolean(),
          strings(a.get("allowedTypes")), a.get("maxSizeBytes").asLong(), a.get("signatureRequired").asBoolean(),
          a.path("maxFiles").asInt(1), present(a.get("requiredIf")).map(DefinitionReader::condition)));
    }
    return List.copyOf(rules);
  }

  private static Fee fee(JsonNode fee) {
    return new Fee(fee.get("amountCents").asLong(),
        Fee.Due.valueOf(fee.get("due").asString().toUpperCase(Locale.ROOT).replace('-', '_')),
        fee.get("category").asString(), text(fee.get("description")),
        present(fee.get("waivedIf")).map(DefinitionReader::condition));
  }

  private static Condition condition(JsonNode condition) {
    return new Condition(condition.get("field").asString(), condition.get("equals"));
  }

  private static Optional<JsonNode> present(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode() ? Optional.empty() : Optional.of(node);
  }
}
