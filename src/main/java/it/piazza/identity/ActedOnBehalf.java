package it.piazza.identity;

import it.piazza.tenancy.TenantId;

/** Raised on every request a caller makes for a delegator, once the delegation has been checked. */
public record ActedOnBehalf(TenantId tenant, String actor, FiscalCode delegator, Delegator.Kind kind,
                            String request, Channel channel) {}
