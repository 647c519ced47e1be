package it.piazza.tenancy;

import java.util.List;
import java.util.Optional;

/** The comuni this deployment serves. */
public interface Tenants {

  Optional<Tenant> find(TenantId id);

  /** The comune whose pages a host name serves, or the default comune for hosts no comune claims. */
  Tenant forHost(String host);

  TenantId defaultTenant();

  List<Tenant> all();
}
