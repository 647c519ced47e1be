/**
 * Identity: people (by fiscal code), operators, offices, roles and delegations; sign-in through OpenID Connect
 * (a built-in provider with demo identities, or any external issuer) and who is calling, acting for whom.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"tenancy", "platform"})
package it.piazza.identity;
