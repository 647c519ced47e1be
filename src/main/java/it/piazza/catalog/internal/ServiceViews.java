package it.piazza.catalog.internal;

import it.piazza.catalog.ServiceDefinition;
import it.piazza.catalog.ServiceDefinition.AttachmentRule;
import it.piazza.catalog.ServiceDefinition.Condition;
import it.piazza.catalog.ServiceDefinition.Fee;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/** The catalogue as the API shows it: texts in one language, ids as strings. */
final class ServiceViews {

  private ServiceViews() {}

  /** One entry of the list. {@code feeAmountCents} is absent for free services. */
  record ServiceSummary(String id, String title, String summary, String office, String category,
                        List<String> lifeEvents, Long feeAmountCents, int legalDeadlineDays) {
    static ServiceSummary of(ServiceDefinition s, Locale locale) {
      return new ServiceSummary(s.id().value(), s.title().in(locale), s.summary().in(locale), s.office().value(),
          s.category(), s.lifeEvents(), s.fee().map(Fee::amountCents).orElse(null), s.legalDeadlineDays());
    }
  }

  /**
   * Everything about a service. {@code schema} (the form) and {@code ui} are given as defined, labels in both
   * languages, so that a portal renders the form without a second call when the citizen switches language.
   */
  record ServiceDetail(String id, int version, String title, String summary, String description, String whoCanApply,
                       String documentsNeeded, String office, String category, List<String> lifeEvents,
                       List<String> channels, JsonNode schema, JsonNode ui, List<AttachmentView> attachments,
                       FeeView fee, int legalDeadlineDays, boolean tacitApproval, String workflow,
                       IssuedView issues, String legalBasis, String beneficiaryField) {
    static ServiceDetail of(ServiceDefinition s, Locale locale) {
      return new ServiceDetail(s.id().value(), s.version(), s.title().in(locale), s.summary().in(locale),
          s.description().in(locale), s.whoCanApply().in(locale), s.documentsNeeded().in(locale),
          s.office().value(), s.category(), s.lifeEvents(), s.channels(), s.form(), s.ui(),
          s.attachments().stream().map(a -> AttachmentView.of(a, locale)).toList(),
          s.fee().map(f -> FeeView.of(f, locale)).orElse(null), s.legalDeadlineDays(), s.tacitApproval(),
          s.workflow(), s.issues().map(i -> new IssuedView(i.document(), i.title().in(locale))).orElse(null),
          s.legalBasis().in(locale), s.beneficiaryField().orElse(null));
    }
  }

  record AttachmentView(String kind, String title, String help, boolean required, ConditionView requiredIf,
                        List<String> allowedTypes, long maxSizeBytes, boolean signatureRequired, int maxFiles) {
    static AttachmentView of(AttachmentRule a, Locale locale) {
      return new AttachmentView(a.kind(), a.title().in(locale), a.help().map(h -> h.in(locale)).orElse(null),
          a.required(), a.requiredIf().map(ConditionView::of).orElse(null), a.allowedTypes(), a.maxSizeBytes(),
          a.signatureRequired(), a.maxFiles());
    }
  }

  record FeeView(long amountCents, String due, String category, String description, ConditionView waivedIf) {
    static FeeView of(Fee f, Locale locale) {
      return new FeeView(f.amountCents(), f.due().name().toLowerCase(Locale.ROOT).replace('_', '-'), f.category(),
          f.description().in(locale), f.waivedIf().map(ConditionView::of).orElse(null));
    }
  }

  record ConditionView(String field, JsonNode equals) {
    static ConditionView of(Condition c) {
      return new ConditionView(c.field(), c.equals());
    }
  }

  record IssuedView(String document, String title) {}

  record Label(String id, String title) {
    static Label of(Categories.Label label, Locale locale) {
      return new Label(label.id(), label.title().in(locale));
    }
  }

  record CategoriesView(List<Label> categories, List<Label> lifeEvents) {}
}
