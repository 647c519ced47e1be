package it.piazza.cases.internal;

import it.piazza.audit.AuditLog;
import it.piazza.audit.AuditRecord;
import it.piazza.catalog.Catalog;
import it.piazza.catalog.ServiceDefinition;
import it.piazza.catalog.ServiceId;
import it.piazza.identity.Caller;
import it.piazza.identity.Callers;
import it.piazza.platform.PageController;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Il mio fascicolo": every application of mine and of the people I may act for, each with its legal clock and
 * history; answering an integration request, sending observations, withdrawing.
 */
@PageController
class CitizenFilePages {

  private final Callers callers;
  private final Queues queues;
  private final CaseAccess access;
  private final CaseViews views;
  private final CasePage casePage;
  private final Drafts drafts;
  private final Catalog catalog;
  private final AuditLog audit;
  private final TransactionTemplate transactions;
  private final Clock clock;

  CitizenFilePages(Callers callers, Queues queues, CaseAccess access, CaseViews views, CasePage casePage,
                   Drafts drafts, Catalog catalog, AuditLog audit, TransactionTemplate transactions, Clock clock) {
    this.callers = callers;
    this.queues = queues;
    this.access = access;
    this.views = views;
    this.casePage = casePage;
    this.drafts = drafts;
    this.catalog = catalog;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
  }

  record Entry(CaseViews.Summary summary, CasePage.ClockBar bar) {}

  record DraftEntry(UUID id, String serviceId, String serviceTitle, java.time.Instant updatedAt) {}

  @GetMapping("/fascicolo")
  String file(Locale locale, Model model) {
    Caller caller = callers.current();
    LocalDate today = LocalDate.now(clock);
    List<Entry> entries = transactions.execute(status -> {
      List<Entry> list = queues.ofPeople(caller.tenant(), access.peopleOf(caller), 500).stream()
          .map(a -> views.summary(a, locale)).map(s -> new Entry(s, CasePage.ClockBar.of(s.clock(), today)))
          .toList();
      audit.record(AuditRecord.by(caller, "read", "application-list", null, caller.subjectPerson().orElse(null),
          "citizen-file"));
      return list;
    });
    model.addAttribute("entries", entries);
    model.addAttribute("drafts", drafts.mine(caller).stream().map(d -> new DraftEntry(d.id(), d.serviceId(),
        catalog.find(caller.tenant(), new ServiceId(d.serviceId())).map(ServiceDefinition::title)
            .map(t -> t.in(locale)).orElse(d.serviceId()), d.updatedAt())).toList());
    return "cases/file";
  }

  @GetMapping("/fascicolo/pratiche/{id}")
  String one(@PathVariable UUID id, Locale locale, Model model) {
    casePage.show(callers.current(), id, locale, model, LocalDate.now(clock));
    return "cases/citizen-case";
  }

  @PostMapping("/fascicolo/pratiche/{id}/azioni/{action}")
  String act(@PathVariable UUID id, @PathVariable String action, @RequestParam(required = false) String reason,
             @RequestParam(name = "attachmentIds", required = false) List<UUID> attachmentIds, Locale locale,
             RedirectAttributes redirect) {
    String refused = casePage.act(callers.current(), id, action, new CaseActions.Input(blankToNull(reason), null,
        null, null, attachmentIds), locale);
    redirect.addFlashAttribute(refused == null ? "done" : "refused", refused == null ? action : refused);
    return "redirect:/fascicolo/pratiche/" + id;
  }

  @GetMapping("/fascicolo/pratiche/{id}/allegati/{attachment}")
  ResponseEntity<InputStreamResource> download(@PathVariable UUID id, @PathVariable UUID attachment) {
    return casePage.download(callers.current(), id, attachment);
  }

  static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
