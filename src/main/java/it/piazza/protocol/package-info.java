/**
 * Protocol: the comune's protocol register (registro di protocollo informatico, DPR 445/2000 art. 53 and 57) —
 * every document received or sent gets a number, progressive per comune and year, a registration date from the
 * clock, and fields that can never be changed afterwards; and the daily register of each day's entries.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"tenancy", "identity", "audit", "platform"})
package it.piazza.protocol;
