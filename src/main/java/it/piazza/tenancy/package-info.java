/**
 * Tenancy: the comuni served by one deployment, their codes, host names and branding, and which comune a
 * request is for. Every table with comune data carries the tenant; every query is scoped by it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "platform")
package it.piazza.tenancy;
