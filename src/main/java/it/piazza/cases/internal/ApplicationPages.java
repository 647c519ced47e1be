package it.piazza.cases.internal;

import it.piazza.audit.AuditLog;
import it.piazza.audit.AuditRecord;
import it.piazza.cases.CaseId;
import it.piazza.catalog.FieldError;
import it.piazza.catalog.Forms;
import it.piazza.catalog.ServiceDefinition;
import it.piazza.identity.Caller;
import it.piazza.identity.Callers;
import it.piazza.identity.Delegations;
import it.piazza.identity.Delegator;
import it.piazza.identity.FiscalCode;
import it.piazza.identity.OfficeDirectory;
import it.piazza.platform.PageController;
import it.piazza.platform.ProblemException;
import it.piazza.platform.ProtectedPages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applying in the portal: the service's form (for oneself or for someone one may act for), drafts saved and
 * resumed, the filing through the same {@link Submissions} as the API, and the receipt (L. 241/1990 art. 18-bis).
 */
@PageController
class ApplicationPages {

  private final Callers callers;
  private final Submissions submissions;
  private final Drafts drafts;
  private final Forms forms;
  private final ApplicationForm form;
  private final Delegations delegations;
  private final CaseAccess access;
  private final CaseViews views;
  private final OfficeDirectory offices;
  private final AuditLog audit;
  private final TransactionTemplate transactions;
  private final Clock clock;

  ApplicationPages(Callers callers, Submissions submissions, Drafts drafts, Forms forms, ApplicationForm form,
                   Delegations delegations, CaseAccess access, CaseViews views, OfficeDirectory offices,
                   AuditLog audit, TransactionTemplate transactions, Clock clock) {
    this.callers = callers;
    this.submissions = submissions;
    this.drafts = drafts;
    this.forms = forms;
    this.form = form;
    this.delegations = delegations;
    this.access = access;
    this.views = views;
    this.offices = offices;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
  }

  @GetMapping("/domande/nuova/{serviceId}")
  String blank(@PathVariable String serviceId, @RequestParam(name = "bozza", required = false) UUID draftId,
               @RequestParam(name = "per", required = false) String forWhom, Locale locale, Model model) {
    Caller caller = callers.current();
    ServiceDefinition service = submissions.service(caller, serviceId);
    if (draftId != null) {
      Drafts.Draft draft = drafts.find(caller, draftId);
      return page(model, caller, service, draft.data(), List.of(), draft.attachmentIds(), draft.onBehalfOf(),
          draftId, locale);
    }
    ObjectNode data = forms.read(service, Map.of());
    data.removeAll();
    String onBehalfOf = forWhom != null && FiscalCode.isValid(forWhom) ? forWhom : null;
    ApplicationForm.nameBeneficiary(service, data, onBehalfOf);
    return page(model, caller, service, data, List.of(), List.of(), onBehalfOf, null, locale);
  }

  @PostMapping("/domande/nuova/{serviceId}")
  String post(@PathVariable String serviceId, @RequestParam(name = "azione", defaultValue = "invia") String action,
              @RequestParam(required = false) String onBehalfOf,
              @RequestParam(name = "attachmentIds", required = false) List<UUID> attachmentIds,
              @RequestParam(name = "draftId", required = false) UUID draftId,
              @RequestHeader(name = "HX-Request", required = false) String htmx,
              HttpServletRequest request, HttpServletResponse response, Locale locale, Model model,
              RedirectAttributes redirect) {
    Caller caller = callers.current();
    ServiceDefinition service = submissions.service(caller, serviceId);
    ObjectNode data = forms.read(service, posted(request));
    List<UUID> ids = attachmentIds == null ? List.of() : attachmentIds;
    String forWhom = onBehalfOf == null || onBehalfOf.isBlank() ? null : onBehalfOf.strip();
    if (action.equals("bozza")) {
      Drafts.Draft saved = draftId == null ? drafts.create(caller, serviceId, forWhom, data, ids)
          : drafts.update(caller, draftId, forWhom, data, ids);
      if (htmx != null) {
        model.addAttribute("draftId", saved.id());
        model.addAttribute("savedAt", saved.updatedAt());
        return "cases/apply :: draft-status";
      }
      redirect.addAttribute("bozza", saved.id());
      redirect.addFlashAttribute("draftSaved", true);
      return "redirect:/domande/nuova/" + serviceId;
    }
    ApplicationForm.nameBeneficiary(service, data, forWhom);
    try {
      Submissions.Receipt receipt = transactions.execute(status -> {
        Submissions.Receipt filed = submissions.submit(caller, new Submissions.Filing(serviceId, forWhom, data, ids,
            null), caller.channel(), locale);
        if (draftId != null) {
          drafts.delete(caller, draftId);
        }
        return filed;
      });
      return "redirect:/domande/" + receipt.id() + "/ricevuta";
    } catch (ProblemException refused) {
      List<FieldError> errors = ApplicationForm.fieldErrors(refused);
      if (errors.isEmpty()) {
        model.addAttribute("formProblem", form.explain(refused, locale));
      }
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return page(model, caller, service, data, errors, ids, forWhom, draftId, locale);
    }
  }

  /** The receipt of art. 18-bis, printable: protocol number and date, office, deadline. */
  @GetMapping("/domande/{id}/ricevuta")
  String receipt(@PathVariable UUID id, Locale locale, Model model) {
    Caller caller = callers.current();
    CaseViews.Detail detail = transactions.execute(status -> {
      CaseAccess.Visible visible = access.require(caller, new CaseId(id));
      audit.record(AuditRecord.by(caller, "read", "application", id.toString(),
          visible.application().parties.beneficiary(), visible.office() ? "case-handling" : "citizen-file"));
      return views.detail(visible, locale);
    });
    model.addAttribute("detail", detail);
    model.addAttribute("officeName", officeName(caller, detail.office(), locale));
    model.addAttribute("filedOn", LocalDate.ofInstant(detail.submittedAt(), clock.getZone()));
    return "cases/receipt";
  }

  private String page(Model model, Caller caller, ServiceDefinition service, JsonNode data, List<FieldError> errors,
                      List<UUID> attachmentIds, String onBehalfOf, UUID draftId, Locale locale) {
    form.fill(model, service, data, errors, attachmentIds, caller, locale);
    List<Delegator> delegators = caller.fiscalCode().map(own -> delegations.delegatorsOf(caller.tenant(), own,
        LocalDate.now(clock))).orElse(List.of());
    model.addAttribute("delegators", delegators);
    model.addAttribute("onBehalfOf", onBehalfOf == null ? "" : onBehalfOf);
    model.addAttribute("draftId", draftId);
    model.addAttribute("action", "/domande/nuova/" + service.id().value());
    return "cases/apply";
  }

  private String officeName(Caller caller, String office, Locale locale) {
    return offices.name(caller.tenant(), new it.piazza.identity.OfficeId(office))
        .map(n -> "en".equals(locale.getLanguage()) ? n.en() : n.it()).orElse(office);
  }

  static Map<String, List<String>> posted(HttpServletRequest request) {
    Map<String, List<String>> posted = new LinkedHashMap<>();
    request.getParameterMap().forEach((name, values) -> posted.put(name, Arrays.asList(values)));
    return posted;
  }

  @Bean
  static ProtectedPages caseProtectedPages() {
    return ProtectedPages.signedIn("/domande/**", "/fascicolo/**");
  }

  @Bean
  static ProtectedPages officeProtectedPages() {
    return ProtectedPages.forRoles(List.of("/ufficio/**"), "OPERATOR", "OFFICE_MANAGER");
  }
}
