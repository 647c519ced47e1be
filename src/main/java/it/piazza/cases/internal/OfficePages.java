package it.piazza.cases.internal;

import it.piazza.audit.AuditLog;
import it.piazza.audit.AuditRecord;
import it.piazza.cases.CaseStatus;
import it.piazza.catalog.Catalog;
import it.piazza.catalog.FieldError;
import it.piazza.catalog.Forms;
import it.piazza.catalog.ServiceDefinition;
import it.piazza.identity.Caller;
import it.piazza.identity.Callers;
import it.piazza.identity.Channel;
import it.piazza.identity.FiscalCode;
import it.piazza.identity.OfficeDirectory;
import it.piazza.identity.OfficeId;
import it.piazza.platform.CommonProblem;
import it.piazza.platform.PageController;
import it.piazza.platform.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.text.Collator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.node.ObjectNode;

/**
 * The back office: the office's queue (filters, counts per state, by deadline, overdue first to the eye), a case
 * with its data, files, history, internal notes and the actions its state allows, and the desk where an operator
 * files an application for a citizen who came in person.
 */
@PageController
class OfficePages {

  private static final int PAGE_SIZE = 25;

  private final Callers callers;
  private final Queues queues;
  private final CaseViews views;
  private final CasePage casePage;
  private final OfficeDirectory offices;
  private final Catalog catalog;
  private final Forms forms;
  private final ApplicationForm form;
  private final Submissions submissions;
  private final AuditLog audit;
  private final TransactionTemplate transactions;
  private final Clock clock;

  OfficePages(Callers callers, Queues queues, CaseViews views, CasePage casePage, OfficeDirectory offices,
              Catalog catalog, Forms forms, ApplicationForm form, Submissions submissions, AuditLog audit,
              TransactionTemplate transactions, Clock clock) {
    this.callers = callers;
    this.queues = queues;
    this.views = views;
    this.casePage = casePage;
    this.offices = offices;
    this.catalog = catalog;
    this.forms = forms;
    this.form = form;
    this.submissions = submissions;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
  }

  record Row(CaseViews.Summary summary, boolean overdue, boolean canTake) {}

  record Named(String id, String name) {}

  @GetMapping("/ufficio")
  String queue(@RequestParam(name = "stato", required = false) String status,
               @RequestParam(name = "servizio", required = false) String service,
               @RequestParam(name = "scadute", required = false) String overdue,
               @RequestParam(name = "assegnatario", required = false) String assignee,
               @RequestParam(name = "pagina", defaultValue = "0") int page, Locale locale, Model model) {
    Caller caller = callers.current();
    OfficeId office = office(caller);
    LocalDate today = LocalDate.now(clock);
    CaseStatus wanted = blank(status) ? null : status(status);
    String who = blank(assignee) ? null : assignee.equals("me") ? caller.subject() : assignee;
    Boolean late = blank(overdue) ? null : Boolean.valueOf(overdue.equals("true"));
    Queues.Page found = transactions.execute(tx -> {
      Queues.Page p = queues.office(caller.tenant(), office, new Queues.Filter(wanted, blank(service) ? null : service,
          late, who, Math.max(0, page), PAGE_SIZE), today);
      audit.record(AuditRecord.by(caller, "read", "office-queue", office.value(), null, "case-handling"));
      return p;
    });
    model.addAttribute("rows", found.items().stream().map(a -> views.summary(a, locale))
        .map(s -> new Row(s, s.clock().overdue() && !s.clock().decided(), s.status().equals("registered"))).toList());
    model.addAttribute("total", found.total());
    model.addAttribute("page", Math.max(0, page));
    model.addAttribute("pages", (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
    model.addAttribute("counts", queues.countsByStatus(caller.tenant(), office));
    model.addAttribute("statuses", List.of(CaseStatus.values()).stream().map(CaseStatus::code).toList());
    model.addAttribute("services", services(caller, office, locale, false));
    model.addAttribute("members", offices.members(caller.tenant(), office));
    model.addAttribute("groups", offices.groups(caller.tenant(), office));
    model.addAttribute("officeName", casePage.officeName(caller, office.value(), locale));
    model.addAttribute("filter", Map.of("stato", status == null ? "" : status, "servizio", service == null ? ""
        : service, "scadute", overdue == null ? "" : overdue, "assegnatario", assignee == null ? "" : assignee));
    return "cases/office-queue";
  }

  @GetMapping("/ufficio/pratiche/{id}")
  String one(@PathVariable UUID id, Locale locale, Model model) {
    Caller caller = callers.current();
    casePage.show(caller, id, locale, model, LocalDate.now(clock));
    OfficeId office = office(caller);
    model.addAttribute("members", offices.members(caller.tenant(), office));
    model.addAttribute("groups", offices.groups(caller.tenant(), office));
    return "cases/office-case";
  }

  @PostMapping("/ufficio/pratiche/{id}/azioni/{action}")
  String act(@PathVariable UUID id, @PathVariable String action, @RequestParam(required = false) String reason,
             @RequestParam(name = "assegnatario", required = false) String assignee,
             Locale locale, RedirectAttributes redirect) {
    String person = null;
    String group = null;
    if (!blank(assignee)) {
      if (assignee.startsWith("group:")) {
        group = assignee.substring(6);
      } else {
        person = assignee;
      }
    }
    String refused = casePage.act(callers.current(), id, action, new CaseActions.Input(
        CitizenFilePages.blankToNull(reason), person, group, null, null), locale);
    redirect.addFlashAttribute(refused == null ? "done" : "refused", refused == null ? action : refused);
    return "redirect:/ufficio/pratiche/" + id;
  }

  @PostMapping("/ufficio/pratiche/{id}/note")
  String note(@PathVariable UUID id, @RequestParam(required = false) String note, Locale locale,
              RedirectAttributes redirect) {
    String refused = casePage.note(callers.current(), id, note, locale);
    redirect.addFlashAttribute(refused == null ? "done" : "refused", refused == null ? "note" : refused);
    return "redirect:/ufficio/pratiche/" + id;
  }

  @GetMapping("/ufficio/pratiche/{id}/allegati/{attachment}")
  ResponseEntity<InputStreamResource> download(@PathVariable UUID id, @PathVariable UUID attachment) {
    return casePage.download(callers.current(), id, attachment);
  }

  // ---- the desk ------------------------------------------------------------------------------------------------

  @GetMapping("/ufficio/sportello")
  String desk(Locale locale, Model model) {
    Caller caller = callers.current();
    model.addAttribute("services", services(caller, office(caller), locale, true));
    return "cases/desk";
  }

  /** From the desk's first step (service and applicant) to the service's form. */
  @GetMapping("/ufficio/sportello/avvia")
  String start(@RequestParam(name = "servizio") String serviceId, @RequestParam(name = "cf", required = false) String cf,
               @RequestParam(name = "nome", required = false) String name, RedirectAttributes redirect) {
    redirect.addAttribute("cf", cf == null ? "" : cf.strip().toUpperCase(Locale.ROOT));
    redirect.addAttribute("nome", name == null ? "" : name.strip());
    try {
      return "redirect:/ufficio/sportello/" + new it.piazza.catalog.ServiceId(serviceId).value();
    } catch (IllegalArgumentException notAService) {
      throw new ProblemException(it.piazza.cases.CasesProblem.UNKNOWN_SERVICE, serviceId);
    }
  }

  @GetMapping("/ufficio/sportello/{serviceId}")
  String deskForm(@PathVariable String serviceId, @RequestParam(name = "cf", required = false) String fiscalCode,
                  @RequestParam(name = "nome", required = false) String name, Locale locale, Model model) {
    Caller caller = callers.current();
    ServiceDefinition service = deskService(caller, serviceId);
    if (fiscalCode == null || !FiscalCode.isValid(fiscalCode.strip().toUpperCase(Locale.ROOT)) || blank(name)) {
      model.addAttribute("services", services(caller, office(caller), locale, true));
      model.addAttribute("applicantProblem", true);
      model.addAttribute("cf", fiscalCode);
      model.addAttribute("nome", name);
      return "cases/desk";
    }
    return deskPage(model, caller, service, FiscalCode.of(fiscalCode.strip().toUpperCase(Locale.ROOT)).value(),
        name.strip(), null, List.of(), List.of(), locale);
  }

  @PostMapping("/ufficio/sportello/{serviceId}")
  String file(@PathVariable String serviceId, @RequestParam("cf") String fiscalCode, @RequestParam("nome") String name,
              @RequestParam(name = "attachmentIds", required = false) List<UUID> attachmentIds,
              HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
    Caller caller = callers.current();
    ServiceDefinition service = deskService(caller, serviceId);
    if (!FiscalCode.isValid(fiscalCode) || blank(name)) {
      throw new ProblemException(CommonProblem.BAD_REQUEST);
    }
    ObjectNode data = forms.read(service, ApplicationPages.posted(request));
    List<UUID> ids = attachmentIds == null ? List.of() : attachmentIds;
    var applicant = new Submissions.Applicant(FiscalCode.of(fiscalCode), name.strip());
    try {
      Submissions.Receipt receipt = transactions.execute(status -> submissions.submit(caller.through(Channel.DESK),
          new Submissions.Filing(serviceId, null, data, ids, applicant), Channel.DESK, locale));
      return "redirect:/domande/" + receipt.id() + "/ricevuta";
    } catch (ProblemException refused) {
      List<FieldError> errors = ApplicationForm.fieldErrors(refused);
      if (errors.isEmpty()) {
        model.addAttribute("formProblem", form.explain(refused, locale));
      }
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return deskPage(model, caller, service, fiscalCode, name.strip(), data, errors, ids, locale);
    }
  }

  private String deskPage(Model model, Caller caller, ServiceDefinition service, String fiscalCode, String name,
                          ObjectNode data, List<FieldError> errors, List<UUID> ids, Locale locale) {
    form.fill(model, service, data, errors, ids, caller, locale);
    model.addAttribute("cf", fiscalCode);
    model.addAttribute("nome", name);
    model.addAttribute("action", "/ufficio/sportello/" + service.id().value());
    return "cases/desk-apply";
  }

  private ServiceDefinition deskService(Caller caller, String serviceId) {
    ServiceDefinition service = submissions.service(caller, serviceId);
    if (!service.office().equals(office(caller)) || !service.channels().contains("desk")) {
      throw new ProblemException(it.piazza.cases.CasesProblem.CHANNEL_NOT_OFFERED, Channel.DESK.code());
    }
    return service;
  }

  /** The office's services; at the desk, those the desk may file. */
  private List<Named> services(Caller caller, OfficeId office, Locale locale, boolean desk) {
    Collator byTitle = Collator.getInstance(locale);
    return catalog.all(caller.tenant()).stream().filter(s -> s.office().equals(office))
        .filter(s -> !desk || s.channels().contains("desk"))
        .map(s -> new Named(s.id().value(), s.title().in(locale)))
        .sorted(Comparator.comparing(Named::name, byTitle)).toList();
  }

  private static OfficeId office(Caller caller) {
    return caller.office().orElseThrow(() -> new ProblemException(CommonProblem.FORBIDDEN));
  }

  private static CaseStatus status(String code) {
    try {
      return CaseStatus.fromCode(code);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(CommonProblem.INVALID_PARAMETER, "stato");
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
