package it.piazza.identity.internal;

import it.piazza.identity.Delegator;
import it.piazza.identity.FiscalCode;
import it.piazza.identity.OfficeId;
import it.piazza.identity.Role;
import it.piazza.tenancy.TenantId;
import it.piazza.tenancy.Tenants;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo comuni's offices, people and operators (demo profile): SPID-like test identities with valid fiscal
 * codes, a parent with two minor children, a professional with a client's mandate, one or more operators per
 * office and an administrator. Written at start, idempotently.
 */
@Component
@Profile("demo")
@DependsOnDatabaseInitialization
class DemoDirectory {

  static final TenantId BORGO = new TenantId("c_b001");
  static final TenantId VALLE = new TenantId("c_v002");

  /** The standard offices of a comune: id, Italian and English name. */
  static final List<String[]> OFFICES = List.of(
      new String[] {"anagrafe", "Anagrafe e Stato civile", "Registry and Civil Status"},
      new String[] {"scuola-nidi", "Scuola e Nidi", "Schools and Nurseries"},
      new String[] {"tributi", "Tributi", "Local Taxes"},
      new String[] {"edilizia", "Edilizia privata", "Building"},
      new String[] {"commercio-mercati", "Commercio e Mercati", "Trade and Markets"},
      new String[] {"polizia-locale", "Polizia Locale", "Local Police"},
      new String[] {"servizi-sociali", "Servizi Sociali", "Social Services"},
      new String[] {"statistica", "Statistica", "Statistics"},
      new String[] {"segreteria", "Segreteria generale", "General Secretariat"});

  DemoDirectory(Tenants tenants, JdbcClient jdbc, Accounts accounts, DelegationRegistry delegations,
                TransactionTemplate transactions) {
    transactions.executeWithoutResult(status -> {
      for (TenantId tenant : List.of(BORGO, VALLE)) {
        if (tenants.find(tenant).isEmpty()) {
          continue;
        }
        OFFICES.forEach(o -> jdbc.sql("""
                insert into office (tenant_id, id, name_it, name_en) values (?, ?, ?, ?)
                on conflict (tenant_id, id) do update set name_it = excluded.name_it, name_en = excluded.name_en
                """).params(tenant.value(), o[0], o[1], o[2]).update());
        jdbc.sql("""
            insert into operator_group (tenant_id, id, office_id, name) values
              (?, 'nidi', 'scuola-nidi', 'Nidi d''infanzia'), (?, 'refezione', 'scuola-nidi', 'Refezione e trasporto'),
              (?, 'sportello-edilizia', 'edilizia', 'Sportello unico edilizia')
            on conflict do nothing
            """).params(tenant.value(), tenant.value(), tenant.value()).update();
      }
      if (tenants.find(BORGO).isPresent()) {
        borgo(accounts, delegations);
      }
      if (tenants.find(VALLE).isPresent()) {
        valle(accounts);
      }
    });
  }

  private static void borgo(Accounts accounts, DelegationRegistry delegations) {
    Account mario = person(BORGO, "mario.rossi", "Mario", "Rossi", LocalDate.of(1984, 5, 12), false, "F205",
        "Cittadino, genitore di Giulia, Luca e Sofia / Citizen, parent of Giulia, Luca and Sofia");
    Account anna = person(BORGO, "anna.bianchi", "Anna", "Bianchi", LocalDate.of(1975, 11, 30), true, "F704",
        "Cittadina / Citizen");
    Account paolo = person(BORGO, "paolo.neri", "Paolo", "Neri", LocalDate.of(1970, 2, 20), false, "I441",
        "Architetto con procura di Anna Bianchi / Architect holding Anna Bianchi's mandate");
    List.of(mario, anna, paolo).forEach(accounts::save);
    child(delegations, mario, "Giulia", "Rossi", LocalDate.of(2023, 3, 15), true);
    child(delegations, mario, "Luca", "Rossi", LocalDate.of(2019, 9, 2), false);
    child(delegations, mario, "Sofia", "Rossi", LocalDate.of(2025, 6, 10), true);
    delegations.record(BORGO, paolo.fiscalCode(), new Delegator(anna.fiscalCode(), anna.name(),
        Delegator.Kind.MANDATE, "Procura speciale 2026/117"), LocalDate.of(2026, 1, 1), null);

    accounts.save(operator(BORGO, "sara.colombo", "Sara", "Colombo", "scuola-nidi", Set.of("nidi"),
        Set.of(Role.OPERATOR), "Operatrice Scuola e Nidi / Schools and Nurseries operator"));
    accounts.save(operator(BORGO, "marco.ferrari", "Marco", "Ferrari", "scuola-nidi", Set.of("nidi", "refezione"),
        Set.of(Role.OPERATOR, Role.OFFICE_MANAGER), "Responsabile Scuola e Nidi / Head of Schools and Nurseries"));
    accounts.save(operator(BORGO, "lucia.esposito", "Lucia", "Esposito", "anagrafe", Set.of(),
        Set.of(Role.OPERATOR), "Ufficiale d'anagrafe / Registry officer"));
    accounts.save(operator(BORGO, "giorgio.ricci", "Giorgio", "Ricci", "tributi", Set.of(),
        Set.of(Role.OPERATOR), "Operatore Tributi / Local taxes operator"));
    accounts.save(operator(BORGO, "chiara.romano", "Chiara", "Romano", "edilizia", Set.of("sportello-edilizia"),
        Set.of(Role.OPERATOR), "Tecnica Edilizia privata / Building officer"));
    accounts.save(operator(BORGO, "davide.gallo", "Davide", "Gallo", "commercio-mercati", Set.of(),
        Set.of(Role.OPERATOR), "Operatore Commercio e Mercati / Trade and markets operator"));
    accounts.save(operator(BORGO, "francesca.conti", "Francesca", "Conti", "polizia-locale", Set.of(),
        Set.of(Role.OPERATOR), "Agente di Polizia Locale / Local police officer"));
    accounts.save(operator(BORGO, "alessandro.deluca", "Alessandro", "De Luca", "servizi-sociali", Set.of(),
        Set.of(Role.OPERATOR), "Assistente sociale / Social worker"));
    accounts.save(operator(BORGO, "elisa.mancini", "Elisa", "Mancini", "statistica", Set.of(),
        Set.of(Role.OPERATOR), "Ufficio Statistica / Statistics office"));
    accounts.save(operator(BORGO, "roberto.costa", "Roberto", "Costa", "segreteria", Set.of(),
        Set.of(Role.OPERATOR), "Segreteria generale / General secretariat"));
    accounts.save(operator(BORGO, "elena.galli", "Elena", "Galli", null, Set.of(),
        Set.of(Role.ADMINISTRATOR), "Amministratrice del Comune / Comune administrator"));
  }

  private static void valle(Accounts accounts) {
    accounts.save(person(VALLE, "laura.marino", "Laura", "Marino", LocalDate.of(1990, 7, 4), true, "L219",
        "Cittadina di Valle Serena / Citizen of Valle Serena"));
    accounts.save(operator(VALLE, "matteo.greco", "Matteo", "Greco", "scuola-nidi", Set.of("nidi"),
        Set.of(Role.OPERATOR), "Operatore Scuola e Nidi di Valle Serena / Valle Serena schools operator"));
    accounts.save(operator(VALLE, "silvia.bruno", "Silvia", "Bruno", null, Set.of(),
        Set.of(Role.ADMINISTRATOR), "Amministratrice di Valle Serena / Valle Serena administrator"));
  }

  private static void child(DelegationRegistry delegations, Account parent, String given, String family,
                            LocalDate born, boolean female) {
    FiscalCode code = FiscalCode.compute(family, given, born, female, "F205");
    // Parental responsibility ends when the child comes of age (civil code art. 2 and 316).
    delegations.record(parent.tenant(), parent.fiscalCode(),
        new Delegator(code, given + " " + family, Delegator.Kind.PARENTAL, null), born, born.plusYears(18).minusDays(1));
  }

  private static Account person(TenantId tenant, String subject, String given, String family, LocalDate born,
                                boolean female, String belfiore, String description) {
    return new Account(subject, tenant, false, FiscalCode.compute(family, given, born, female, belfiore), given,
        family, subject + "@example.org", Set.of(Role.CITIZEN), Optional.empty(), Set.of(), description);
  }

  private static Account operator(TenantId tenant, String subject, String given, String family, String office,
                                  Set<String> groups, Set<Role> roles, String description) {
    LocalDate born = LocalDate.of(1980 + Math.floorMod(subject.hashCode(), 15), 1 + Math.floorMod(subject.length(), 12),
        1 + Math.floorMod(subject.hashCode(), 28));
    boolean female = given.endsWith("a") && !given.equals("Luca");
    return new Account(subject, tenant, true, FiscalCode.compute(family, given, born, female, "F205"), given, family,
        subject + "@comune.example.org", roles, Optional.ofNullable(office).map(OfficeId::new), groups, description);
  }
}
