/**
 * Cases: applications from citizens (online, at the desk, through the API) and their life cycle until a decision —
 * validation against the service's form, protocol registration, the legal clock (L. 241/1990), office queues,
 * assignment, integration requests, notices of refusal, decisions — each step audited.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"tenancy", "identity", "catalog", "protocol", "documents", "audit", "platform"})
package it.piazza.cases;
