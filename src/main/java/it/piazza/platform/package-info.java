/**
 * Platform: the shared kernel every module stands on — the data directory, local keys, the embedded database,
 * and problem answers (RFC 9457). It depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package it.piazza.platform;
