package it.piazza.issuance.internal;

import it.piazza.identity.FiscalCode;
import it.piazza.tenancy.TenantId;
import it.piazza.tenancy.Tenants;
import java.time.LocalDate;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo people of both demo comuni in the resident registry (demo profile): the Rossi household (Mario and his
 * three children) and Anna Bianchi in Borgo Piazza, Laura Marino in Valle Serena. Paolo Neri, the architect, lives
 * elsewhere: certificates about him are refused with a reason. Same fiscal codes as the demo identities.
 */
@Component
@Profile("demo")
@DependsOnDatabaseInitialization
class DemoResidents {

  private static final TenantId BORGO = new TenantId("c_b001");
  private static final TenantId VALLE = new TenantId("c_v002");

  DemoResidents(Tenants tenants, LocalResidentRegistry registry, TransactionTemplate transactions) {
    transactions.executeWithoutResult(status -> {
      if (tenants.find(BORGO).isPresent()) {
        String rossi = "Via della Libertà 12, 99001 Borgo Piazza";
        registry.save(BORGO, person("Mario", "Rossi", 'M', LocalDate.of(1984, 5, 12), "F205", "Milano (MI)",
            rossi, "B-1001", "intestatario", LocalDate.of(2015, 3, 1)));
        registry.save(BORGO, person("Giulia", "Rossi", 'F', LocalDate.of(2023, 3, 15), "F205", "Milano (MI)",
            rossi, "B-1001", "figlia", LocalDate.of(2023, 3, 15)));
        registry.save(BORGO, person("Luca", "Rossi", 'M', LocalDate.of(2019, 9, 2), "F205", "Milano (MI)",
            rossi, "B-1001", "figlio", LocalDate.of(2019, 9, 2)));
        registry.save(BORGO, person("Sofia", "Rossi", 'F', LocalDate.of(2025, 6, 10), "F205", "Milano (MI)",
            rossi, "B-1001", "figlia", LocalDate.of(2025, 6, 10)));
        registry.save(BORGO, person("Anna", "Bianchi", 'F', LocalDate.of(1975, 11, 30), "F704", "Monza (MB)",
            "Piazza Garibaldi 3, 99001 Borgo Piazza", "B-1002", "intestataria", LocalDate.of(2001, 6, 18)));
      }
      if (tenants.find(VALLE).isPresent()) {
        registry.save(VALLE, person("Laura", "Marino", 'F', LocalDate.of(1990, 7, 4), "L219", "Torino (TO)",
            "Via dei Castagni 8, 99002 Valle Serena", "V-2001", "intestataria", LocalDate.of(2018, 9, 10)));
      }
    });
  }

  private static ResidentRegistry.Resident person(String given, String family, char sex, LocalDate born,
                                                  String belfiore, String place, String address, String household,
                                                  String relation, LocalDate since) {
    FiscalCode code = FiscalCode.compute(family, given, born, sex == 'F', belfiore);
    return new ResidentRegistry.Resident(code, given, family, sex, born, place, "italiana", address, household,
        relation, since);
  }
}
