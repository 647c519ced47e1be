package it.piazza.issuance.internal;

import it.piazza.cases.CaseDecisions;
import it.piazza.cases.CaseFacts;
import it.piazza.cases.CaseStatus;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The decision (provvedimento) that closes a case, L. 241/1990 art. 2 and 3: who asked for what, the outcome and
 * its reasons, and for a refusal how to appeal. An approval by silence (art. 20) is not a decision but its
 * attestation (c. 2-bis): the document says so.
 */
final class Decisions {

  private static final ZoneId ITALY = ZoneId.of("Europe/Rome");

  private Decisions() {}

  static String title(CaseStatus outcome, boolean bySilence, String service) {
    if (bySilence) {
      return "Attestazione di accoglimento per silenzio assenso - " + service;
    }
    return (outcome == CaseStatus.APPROVED ? "Provvedimento di accoglimento - " : "Provvedimento di diniego - ")
        + service;
  }

  static Sheet.Builder sheet(CaseDecisions.Decision decision, CaseStatus outcome, boolean bySilence, String service,
                             String office, int legalDeadlineDays, String refusal) {
    CaseFacts f = decision.facts();
    List<String[]> facts = new ArrayList<>();
    facts.add(new String[] {"Richiedente", name(f.applicantName(), f) + " (" + f.applicant().value() + ")"});
    if (!f.beneficiary().equals(f.applicant())) {
      facts.add(new String[] {"Per conto di", (f.beneficiaryName() == null ? "" : f.beneficiaryName()) + " ("
          + f.beneficiary().value() + ")"});
    }
    facts.add(new String[] {"Servizio", service});
    facts.add(new String[] {"Istanza", "protocollo n. " + f.protocolNumber() + " del "
        + RegistryCertificates.DAY.format(decision.submittedAt().atZone(ITALY))});
    facts.add(new String[] {"Ufficio responsabile", office});
    facts.add(new String[] {"Data della decisione", RegistryCertificates.DAY.format(decision.decidedOn())});
    Sheet.Builder sheet = new Sheet.Builder().facts(facts);
    if (bySilence) {
      sheet.heading("Attestazione (art. 20, comma 2-bis, L. 241/1990)");
      sheet.paragraph("Si attesta che l'istanza sopra indicata si intende accolta per silenzio assenso ai sensi "
          + "dell'art. 20 della legge 7 agosto 1990, n. 241: il termine di " + legalDeadlineDays + " giorni per "
          + "provvedere è decorso il " + RegistryCertificates.DAY.format(decision.decidedOn()) + " senza che "
          + "l'amministrazione abbia comunicato un provvedimento di diniego.");
      return sheet;
    }
    String reason = refusal != null ? refusal : decision.reason();
    if (outcome == CaseStatus.APPROVED && refusal == null) {
      sheet.heading("Il Responsabile del procedimento");
      sheet.paragraph("vista l'istanza sopra indicata e verificata la sussistenza dei requisiti previsti, ACCOGLIE "
          + "l'istanza.");
      if (reason != null && !reason.isBlank()) {
        sheet.paragraph("Motivazione: " + reason.strip());
      }
      return sheet;
    }
    sheet.heading("Il Responsabile del procedimento");
    sheet.paragraph(refusal != null
        ? "vista l'istanza sopra indicata, comunica che il documento richiesto non può essere rilasciato."
        : "vista l'istanza sopra indicata, RESPINGE l'istanza per i seguenti motivi (art. 3 L. 241/1990).");
    sheet.paragraph("Motivazione: " + (reason == null || reason.isBlank() ? "non indicata." : reason.strip()));
    sheet.note("Contro il presente provvedimento è ammesso ricorso al Tribunale Amministrativo Regionale entro 60 "
        + "giorni dalla notifica (D.Lgs. 104/2010) o ricorso straordinario al Presidente della Repubblica entro 120 "
        + "giorni (DPR 1199/1971).");
    return sheet;
  }

  static String name(String name, CaseFacts f) {
    return name == null || name.isBlank() ? f.applicant().value() : name;
  }
}
