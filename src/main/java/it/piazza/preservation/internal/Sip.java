package it.piazza.preservation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What goes into one submission package (pacchetto di versamento): the package's identity, its producer, and its
 * files, each with the metadata AgID's guidelines ask of a documento informatico (allegato 5).
 *
 * @param reference what the package is about: the case id, or the issued document id
 * @param linkedPackage for a late document of a case, the package of the case it completes
 */
record Sip(UUID packageId, PackageKind kind, String label, Producer producer, String reference,
           String linkedPackage, Instant createdAt, List<Entry> entries) {

  Sip {
    entries = List.copyOf(entries);
  }

  /** The comune that produces the records and submits them (produttore). */
  record Producer(String name, String ipaCode, String fiscalCode) {}

  /** Where a file's bytes come from; opened once, while the package is written. */
  @FunctionalInterface
  interface Content {
    InputStream open() throws IOException;
  }

  /**
   * One file.
   *
   * @param group the FileGroup it is listed in (e.g. "Istanza", "Allegati", "Documenti emessi")
   */
  record Entry(String id, String group, String path, String mediaType, String formatVersion, Content content,
               Metadata metadata) {

    String extension() {
      int dot = path.lastIndexOf('.');
      return dot < 0 ? "bin" : path.substring(dot + 1);
    }
  }

  /**
   * The allegato 5 essentials of one document.
   *
   * @param formation modalità di formazione: a (software), b (acquired), c (from a form or transaction), d (generated)
   */
  record Metadata(String identifier, char formation, String documentType, Registration registration,
                  List<Party> parties, String subject, Classification classification, boolean confidential,
                  String name) {

    Metadata {
      parties = List.copyOf(parties);
    }
  }

  /**
   * Dati di registrazione.
   *
   * @param flow E (in entrata), U (in uscita), I (interno)
   */
  record Registration(String flow, String registerType, LocalDate date, String number, String registerCode) {}

  /** A subject (soggetto) in a role: the producer, the applicant, the recipient… */
  record Party(String role, String name, String fiscalCode, String ipaCode) {}
}
