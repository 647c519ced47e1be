/**
 * Catalog: the comune's services as data — form (JSON Schema 2020-12 with UI hints), attachments, fee, legal
 * deadline, workflow, issued document — loaded per comune, changed by its administrator without a release, and
 * the validation of application data against a service's form.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"tenancy", "identity", "audit", "platform"})
package it.piazza.catalog;
