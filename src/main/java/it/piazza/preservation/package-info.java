/**
 * Preservation (conservazione): closed cases, their issued documents and each day's protocol register, packed as
 * submission packages (pacchetti di versamento) with a UNI SInCRO index and AgID metadata, sent to the comune's
 * preservation pole with retries, and their state shown to the comune's administrator.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"tenancy", "identity", "catalog", "cases",
    "protocol", "documents", "issuance", "audit", "platform"})
package it.piazza.preservation;
