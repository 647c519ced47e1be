package it.piazza.tenancy;

import java.util.List;

/** A comune served by this deployment. */
public record Tenant(TenantId id, String name, IstatCode istatCode, EnteFiscalCode fiscalCode, List<String> hosts,
                     Branding branding) {

  public Tenant {
    hosts = List.copyOf(hosts);
  }

  /** How the comune's pages look: its colour and coat of arms. */
  public record Branding(String primaryColor, String logoUrl) {}
}
