package it.piazza.protocol;

import it.piazza.tenancy.TenantId;
import java.time.Instant;

/** Raised when a document has been registered in a comune's protocol, in the registering transaction. */
public record ProtocolRegistered(TenantId tenant, ProtocolNumber number, Direction direction, Instant registeredAt) {}
