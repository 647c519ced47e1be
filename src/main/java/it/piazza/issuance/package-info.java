/**
 * Issuance: the documents the comune issues — registry certificates, the decision (provvedimento) of every decided
 * case, each day's protocol register — generated as PDF/A, sealed (PAdES) with the comune's electronic seal,
 * registered in the protocol, and verifiable by anyone at {@code /verify/{code}}.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"tenancy", "identity", "catalog", "cases", "protocol", "documents", "audit", "platform"})
package it.piazza.issuance;
