/**
 * Portal: the shell shared by the citizen portal and the back office pages — layout, navigation, language switch,
 * the installable web app (manifest, icons, offline page, service worker). The pages themselves live with their
 * modules (the catalogue in {@code catalog}, applications and case handling in {@code cases}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"tenancy", "identity", "platform"})
package it.piazza.portal;
