package it.piazza.issuance.internal;

import it.piazza.cases.CaseFacts;
import it.piazza.identity.FiscalCode;
import it.piazza.tenancy.TenantId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Registry certificates (certificati anagrafici, DPR 223/1989 art. 33-35) drawn from the {@link ResidentRegistry}:
 * residence, family status and birth. Other types, and people the registry does not hold, are refused with a reason
 * the decision then states.
 */
@Component
class RegistryCertificates {

  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  /** DPR 445/2000 art. 40 c.1 (as amended by L. 183/2011): the wording every certificate must carry. */
  static final String ART_40 = "Il presente certificato non può essere prodotto agli organi della pubblica "
      + "amministrazione o ai privati gestori di pubblici servizi.";

  private static final Map<String, String> TITLES = Map.of(
      "residence", "Certificato di residenza",
      "family-status", "Certificato di stato di famiglia",
      "birth", "Certificato di nascita");

  private static final Map<String, String> EXEMPTIONS = Map.of(
      "legal-proceedings", "procedimenti giudiziari (DPR 642/1972, Tabella B, artt. 3 e 12)",
      "social-security", "pensioni, previdenza e assistenza sociale (DPR 642/1972, Tabella B, art. 9)",
      "school", "iscrizione scolastica, borse di studio, assegni familiari (DPR 642/1972, Tabella B, art. 11)",
      "adoption-custody", "adozione, affidamento e tutela di minori (DPR 642/1972, Tabella B, art. 13)",
      "third-sector", "enti del Terzo settore (DPR 642/1972, Tabella B, art. 27-bis)",
      "amateur-sport", "associazioni sportive dilettantistiche (DPR 642/1972, Tabella B, art. 27-bis)");

  private final ResidentRegistry registry;

  RegistryCertificates(ResidentRegistry registry) {
    this.registry = registry;
  }

  /** A certificate that can be issued: its title, holder and content; or the reason it cannot. */
  sealed interface Outcome permits Issuable, Refused {}

  record Issuable(String title, FiscalCode holder, String holderName, Sheet.Builder content) implements Outcome {}

  record Refused(String reason) implements Outcome {}

  Outcome prepare(TenantId tenant, CaseFacts facts) {
    JsonNode data = facts.data();
    String type = data.path("certificateType").asString("");
    String title = TITLES.get(type);
    if (title == null) {
      return new Refused("Il certificato richiesto (" + type + ") non è ancora rilasciato online da questo Comune: "
          + "può essere richiesto allo sportello dell'Anagrafe.");
    }
    FiscalCode subject = facts.beneficiary();
    Optional<ResidentRegistry.Resident> found = registry.find(tenant, subject);
    if (found.isEmpty()) {
      return new Refused("La persona a cui si riferisce la richiesta (codice fiscale " + subject.value()
          + ") non risulta iscritta nell'anagrafe della popolazione residente di questo Comune.");
    }
    ResidentRegistry.Resident person = found.get();
    boolean forFamilyMember = "family-member".equals(data.path("subject").asString(""));
    if (forFamilyMember) {
      Optional<ResidentRegistry.Resident> applicant = registry.find(tenant, facts.applicant());
      if (applicant.isEmpty() || !applicant.get().householdId().equals(person.householdId())) {
        return new Refused("La persona indicata non fa parte della famiglia anagrafica del richiedente: il "
            + "certificato può essere richiesto dall'interessato.");
      }
    }
    Sheet.Builder sheet = new Sheet.Builder().heading("L'Ufficiale d'Anagrafe certifica che");
    sheet.facts(identity(person));
    switch (type) {
      case "residence" -> sheet.paragraph("risulta iscritto/a nell'anagrafe della popolazione residente di questo "
          + "Comune, con residenza in " + person.address() + ", dal " + DAY.format(person.residentSince()) + ".");
      case "birth" -> sheet.paragraph("è nato/a a " + person.birthPlace() + " il " + DAY.format(person.birthDate())
          + ", come risulta dall'anagrafe della popolazione residente di questo Comune.");
      default -> {
        sheet.paragraph("risulta iscritto/a nell'anagrafe della popolazione residente di questo Comune, in "
            + person.address() + ", nella famiglia anagrafica così composta:");
        List<List<String>> rows = new ArrayList<>();
        for (ResidentRegistry.Resident member : registry.household(tenant, person.householdId())) {
          rows.add(List.of(member.familyName().toUpperCase(Locale.ITALIAN) + " " + member.givenName(),
              member.relation(), member.birthPlace() + ", " + DAY.format(member.birthDate()),
              member.fiscalCode().value()));
        }
        sheet.table(List.of("Cognome e nome", "Relazione con l'intestatario", "Luogo e data di nascita",
            "Codice fiscale"), new float[] {2.2f, 1.6f, 2.2f, 2f}, rows);
      }
    }
    sheet.paragraph("Si rilascia su richiesta dell'interessato, in carta " + (stampDutyExempt(data) ? "libera" : "bollata")
        + ", per gli usi consentiti dalla legge. Certificato rilasciato a seguito dell'istanza protocollo n. "
        + facts.protocolNumber() + ".");
    sheet.paragraph(ART_40 + " (art. 40 DPR 445/2000)");
    sheet.note(stampDuty(data));
    sheet.note("Il certificato anagrafico ha validità di sei mesi dalla data di rilascio (art. 41 DPR 445/2000).");
    FiscalCode holder = forFamilyMember ? facts.applicant() : facts.beneficiary();
    String holderName = forFamilyMember ? facts.applicantName() : facts.beneficiaryName();
    return new Issuable(title, holder, holderName == null ? person.fullName() : holderName, sheet);
  }

  private static List<String[]> identity(ResidentRegistry.Resident p) {
    return List.of(new String[] {"Cognome e nome", p.familyName().toUpperCase(Locale.ITALIAN) + " " + p.givenName()},
        new String[] {"Luogo e data di nascita", p.birthPlace() + ", " + DAY.format(p.birthDate())},
        new String[] {"Sesso", String.valueOf(p.sex())},
        new String[] {"Codice fiscale", p.fiscalCode().value()},
        new String[] {"Cittadinanza", p.citizenship()});
  }

  private static boolean stampDutyExempt(JsonNode data) {
    return data.path("stampDutyExempt").asBoolean(false);
  }

  /** DPR 642/1972: € 16,00 on certificates, unless the use is exempt (Tabella B). */
  private static String stampDuty(JsonNode data) {
    if (stampDutyExempt(data)) {
      String reason = EXEMPTIONS.getOrDefault(data.path("exemptionReason").asString(""), "uso esente");
      return "Esente dall'imposta di bollo per l'uso dichiarato dal richiedente: " + reason + ". L'uso diverso "
          + "da quello dichiarato comporta il pagamento dell'imposta.";
    }
    return "Imposta di bollo di € 16,00 assolta con pagamento pagoPA prima del rilascio (DPR 642/1972, "
        + "Tariffa allegato A, art. 4).";
  }
}
