package it.piazza.preservation.internal;

import it.piazza.identity.OfficeId;

/**
 * Where a document sits in the comune's filing plan (titolario, DPR 445/2000 art. 64 c.4 and 68 c.1): derived from
 * the office that handles the case, after the "Titolario per gli archivi dei Comuni" of the national working group
 * (2005; titolo in Roman numerals, classe in Arabic). A comune with its own plan maps its offices here; documents of
 * an office we do not know go to I.14 (Amministrazione generale, Oggetti diversi) for an archivist to refile.
 *
 * @param index e.g. {@code VII.2}
 */
record Classification(String index, String description, int retentionYears) {

  static final String PLAN = "Titolario per gli archivi dei Comuni (2005)";

  /** Conservazione illimitata: AgID allegato 5 writes the retention of permanent records as 9999 years. */
  static final int PERMANENT = 9999;

  /** The daily protocol register is kept permanently (DPR 445/2000 art. 53 c.2; piano di conservazione). */
  static final Classification DAILY_REGISTER = new Classification("I.6", "Archivio generale - registro di protocollo",
      PERMANENT);

  static Classification ofOffice(OfficeId office) {
    return switch (office.value()) {
      case "anagrafe" -> new Classification("XI.2", "Servizi demografici - Anagrafe e certificazioni", 10);
      case "scuola-nidi" -> new Classification("VII.2", "Servizi alla persona - Asili nido e scuola dell'infanzia", 10);
      case "servizi-sociali" -> new Classification("VII.12", "Servizi alla persona - Assistenza, benefici economici",
          10);
      case "edilizia" -> new Classification("VI.3", "Pianificazione e gestione del territorio - Edilizia privata",
          PERMANENT);
      case "commercio-mercati" -> new Classification("VIII.4", "Attività economiche - Commercio", 10);
      case "polizia-locale" -> new Classification("IX.3", "Polizia locale e sicurezza pubblica - Informative", 10);
      case "tributi" -> new Classification("IV.3", "Risorse finanziarie - Gestione delle entrate", 10);
      case "statistica" -> new Classification("XI.3", "Servizi demografici - Censimenti e statistica", 10);
      case "segreteria" -> new Classification("I.8", "Amministrazione generale - Informazioni e relazioni con il "
          + "pubblico", 10);
      default -> new Classification("I.14", "Amministrazione generale - Oggetti diversi", 10);
    };
  }
}
