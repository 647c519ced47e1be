package it.piazza.cases.internal;

import it.piazza.audit.AuditLog;
import it.piazza.audit.AuditRecord;
import it.piazza.cases.CaseId;
import it.piazza.catalog.Catalog;
import it.piazza.catalog.Forms;
import it.piazza.catalog.ServiceDefinition;
import it.piazza.documents.AttachmentInfo;
import it.piazza.documents.Attachments;
import it.piazza.documents.DocumentStore;
import it.piazza.identity.Caller;
import it.piazza.identity.OfficeDirectory;
import it.piazza.identity.OfficeId;
import it.piazza.platform.ProblemException;
import it.piazza.cases.CasesProblem;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;

/**
 * What the citizen's and the office's pages of one application share: reading it (audited), its data as labelled
 * fields, its legal clock as a bar, its attachments' downloads (audited), and acting on it.
 */
@Component
class CasePage {

  private final CaseAccess access;
  private final CaseViews views;
  private final CaseActions actions;
  private final Catalog catalog;
  private final Forms forms;
  private final Attachments attachments;
  private final DocumentStore store;
  private final OfficeDirectory offices;
  private final ApplicationForm form;
  private final AuditLog audit;
  private final TransactionTemplate transactions;

  CasePage(CaseAccess access, CaseViews views, CaseActions actions, Catalog catalog, Forms forms,
           Attachments attachments, DocumentStore store, OfficeDirectory offices, ApplicationForm form,
           AuditLog audit, TransactionTemplate transactions) {
    this.access = access;
    this.views = views;
    this.actions = actions;
    this.catalog = catalog;
    this.forms = forms;
    this.attachments = attachments;
    this.store = store;
    this.offices = offices;
    this.audit = audit;
    this.form = form;
    this.transactions = transactions;
  }

  /**
   * The legal clock drawn as shares of a bar: days used, days suspended, days past the term, days left.
   */
  record ClockBar(int used, int suspended, int over, int left, long suspendedDays) {
    static ClockBar of(CaseViews.ClockView clock, LocalDate today) {
      long suspendedDays = clock.suspendedPeriods().stream().mapToLong(p -> {
        LocalDate end = p.to() == null || p.to().isAfter(today) ? today : p.to();
        return Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(p.from(), end));
      }).sum();
      long used = Math.min(Math.max(clock.daysElapsed(), 0), clock.termDays());
      long over = Math.max(0, clock.daysElapsed() - clock.termDays());
      long left = Math.max(0, clock.daysLeft());
      long total = Math.max(1, used + suspendedDays + over + left);
      return new ClockBar(share(used, total), share(suspendedDays, total), share(over, total), share(left, total),
          suspendedDays);
    }

    private static int share(long part, long total) {
      return (int) Math.round(part * 100.0 / total);
    }
  }

  /** Reads the application for the page (audited as a read), filling the model; answers the detail. */
  CaseViews.Detail show(Caller caller, UUID id, Locale locale, Model model, LocalDate today) {
    CaseViews.Detail detail = transactions.execute(status -> {
      CaseAccess.Visible visible = access.require(caller, new CaseId(id));
      audit.record(AuditRecord.by(caller, "read", "application", id.toString(),
          visible.application().parties.beneficiary(), visible.office() ? "case-handling" : "citizen-file"));
      return views.detail(visible, locale);
    });
    ServiceDefinition service = catalog.find(caller.tenant(), new it.piazza.catalog.ServiceId(detail.serviceId()),
        detail.serviceVersion()).orElseThrow(() -> new ProblemException(CasesProblem.CASE_NOT_FOUND));
    model.addAttribute("detail", detail);
    model.addAttribute("data", forms.display(service, detail.data(), locale));
    model.addAttribute("bar", ClockBar.of(detail.clock(), today));
    model.addAttribute("officeName", officeName(caller, detail.office(), locale));
    // Files sent with an answer go under one of the service's attachment kinds, chosen by the sender.
    form.fill(model, service, detail.data(), List.of(), List.of(), caller, locale);
    return detail;
  }

  /** Acts on the application; a refusal is told in words on the page it came from. */
  String act(Caller caller, UUID id, String action, CaseActions.Input input, Locale locale) {
    try {
      transactions.executeWithoutResult(status -> actions.act(caller, new CaseId(id), action, input));
      return null;
    } catch (ProblemException refused) {
      return form.explain(refused, locale);
    }
  }

  String note(Caller caller, UUID id, String text, Locale locale) {
    try {
      transactions.executeWithoutResult(status -> actions.note(caller, new CaseId(id), text));
      return null;
    } catch (ProblemException refused) {
      return form.explain(refused, locale);
    }
  }

  /** A file of the application, to a party or to the office; every download is in the audit log. */
  ResponseEntity<InputStreamResource> download(Caller caller, UUID caseId, UUID attachmentId) {
    AttachmentInfo file = transactions.execute(status -> {
      CaseAccess.Visible visible = access.require(caller, new CaseId(caseId));
      AttachmentInfo found = attachments.ofCase(caller.tenant(), caseId).stream()
          .filter(a -> a.id().equals(attachmentId)).findFirst()
          .orElseThrow(() -> new ProblemException(CasesProblem.CASE_NOT_FOUND));
      audit.record(AuditRecord.by(caller, "read", "attachment", attachmentId.toString(),
          visible.application().parties.beneficiary(), visible.office() ? "case-handling" : "citizen-file"));
      return found;
    });
    InputStream content = store.open(file.sha256())
        .orElseThrow(() -> new ProblemException(CasesProblem.CASE_NOT_FOUND));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(file.mediaType()))
        .contentLength(file.size())
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
        .body(new InputStreamResource(content));
  }

  String officeName(Caller caller, String office, Locale locale) {
    return offices.name(caller.tenant(), new OfficeId(office))
        .map(n -> "en".equals(locale.getLanguage()) ? n.en() : n.it()).orElse(office);
  }
}
