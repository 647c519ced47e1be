package it.piazza.issuance.internal;

import it.piazza.identity.FiscalCode;
import it.piazza.tenancy.TenantId;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The resident registry certificates are drawn from (DPR 223/1989): a port, so that ANPR (the national register,
 * DPCM 194/2014) can replace the local table behind it without touching the certificates.
 */
interface ResidentRegistry {

  Optional<Resident> find(TenantId tenant, FiscalCode person);

  /** The members of a household (famiglia anagrafica), the head (intestatario) first. */
  List<Resident> household(TenantId tenant, String householdId);

  /**
   * One resident.
   *
   * @param relation the relation to the head of the household, as the registry writes it ("intestatario", "figlio")
   */
  record Resident(FiscalCode fiscalCode, String givenName, String familyName, char sex, LocalDate birthDate,
                  String birthPlace, String citizenship, String address, String householdId, String relation,
                  LocalDate residentSince) {

    String fullName() {
      return givenName + " " + familyName;
    }
  }
}
