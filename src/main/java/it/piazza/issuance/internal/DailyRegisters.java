package it.piazza.issuance.internal;

import it.piazza.issuance.DocumentKind;
import it.piazza.protocol.Correspondent;
import it.piazza.protocol.Direction;
import it.piazza.protocol.ProtocolEntry;
import it.piazza.protocol.ProtocolRegister;
import it.piazza.tenancy.Tenant;
import it.piazza.tenancy.Tenants;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily protocol register (DPR 445/2000 art. 53 c.2; AgID guidelines on electronic documents, 2021, 3.1.6):
 * every night, for each comune, each past day not yet covered — from the day of its first registration, so days
 * missed while Piazza was down are caught up — is issued as a sealed PDF/A listing that day's entries. One per
 * comune and day whatever the number of nodes: {@link Issuer} serialises on the cause and the table keeps the day
 * unique.
 */
@Component
class DailyRegisters {

  private static final Logger log = LoggerFactory.getLogger(DailyRegisters.class);
  private static final ZoneId ITALY = ZoneId.of("Europe/Rome");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(ITALY);
  /** A long outage is caught up over several nights rather than in one very long run. */
  private static final int MAX_DAYS_PER_RUN = 400;

  private final Tenants tenants;
  private final ProtocolRegister protocol;
  private final IssuedDocuments documents;
  private final Issuer issuer;
  private final Clock clock;

  DailyRegisters(Tenants tenants, ProtocolRegister protocol, IssuedDocuments documents, Issuer issuer, Clock clock) {
    this.tenants = tenants;
    this.protocol = protocol;
    this.documents = documents;
    this.issuer = issuer;
    this.clock = clock;
  }

  @Scheduled(cron = "${piazza.issuance.register-cron:0 15 0 * * *}", zone = "Europe/Rome")
  void issueScheduled() {
    for (Tenant comune : tenants.all()) {
      try {
        issuePending(comune);
      } catch (RuntimeException e) {
        // One comune's failure (e.g. its seal unreadable) must not hold back the others; the next run retries.
        log.error("Daily protocol registers of {} not issued", comune.id(), e);
      }
    }
  }

  /** Issues the comune's registers of every past day not yet issued; answers how many it issued. */
  int issuePending(Tenant comune) {
    Optional<LocalDate> first = protocol.firstDay(comune.id());
    if (first.isEmpty()) {
      return 0;
    }
    LocalDate today = LocalDate.now(clock.withZone(ITALY));
    LocalDate day = documents.lastRegisterDay(comune.id()).map(last -> last.plusDays(1)).orElse(first.get());
    int issued = 0;
    for (; day.isBefore(today) && issued < MAX_DAYS_PER_RUN; day = day.plusDays(1)) {
      issue(comune, day);
      issued++;
    }
    return issued;
  }

  IssuedDocument issue(Tenant comune, LocalDate day) {
    List<ProtocolEntry> entries = protocol.day(comune.id(), day);
    String title = "Registro giornaliero di protocollo del " + RegistryCertificates.DAY.format(day);
    return issuer.issue(new Issuer.Request(comune, DocumentKind.DAILY_REGISTER, "register:" + day, title, null, null,
        null, null, day, (code, url) -> sheet(comune, day, entries), "Registro di protocollo informatico"));
  }

  private static Sheet.Builder sheet(Tenant comune, LocalDate day, List<ProtocolEntry> entries) {
    Sheet.Builder sheet = new Sheet.Builder().facts(List.<String[]>of(
        new String[] {"Amministrazione", comune.name() + " (codice IPA " + comune.id() + ")"},
        new String[] {"Giorno", RegistryCertificates.DAY.format(day)},
        new String[] {"Registrazioni", String.valueOf(entries.size())}));
    if (entries.isEmpty()) {
      return sheet.paragraph("Nessun documento è stato registrato nel protocollo in questa data.");
    }
    List<List<String>> rows = entries.stream().map(e -> List.of(e.number().toString(),
        TIME.format(e.registeredAt()), e.direction() == Direction.INCOMING ? "entrata" : "uscita",
        e.correspondents().stream().map(Correspondent::name).collect(Collectors.joining("; ")), e.subject(),
        e.fingerprint())).toList();
    return sheet.table(List.of("Numero", "Data e ora", "Verso", "Corrispondenti", "Oggetto", "Impronta (SHA-256)"),
            new float[] {1.3f, 1.5f, 0.8f, 1.8f, 2.6f, 2.4f}, rows)
        .note("Registro giornaliero di protocollo (art. 53 c.2 DPR 445/2000): elenco delle registrazioni della "
            + "giornata, in ordine di numero, con i dati immodificabili di ciascuna.");
  }
}
