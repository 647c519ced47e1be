/**
 * Audit: the tamper-evident log of every change and every read of personal data (registro degli accessi) —
 * who, acting for whom, what, which record, when, in which comune, through which channel, why. Entries are
 * written in the transaction of the change; each comune's log is a Merkle tree (RFC 6962) with signed checkpoints.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"tenancy", "identity", "platform"})
package it.piazza.audit;
