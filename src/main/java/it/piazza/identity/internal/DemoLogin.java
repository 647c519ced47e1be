package it.piazza.identity.internal;

import it.piazza.identity.Caller;
import it.piazza.identity.Channel;
import java.util.Optional;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Sign-in on the built-in provider's login page by choosing a demo identity — only with the demo profile. Real
 * comuni sign people in through SPID/CIE at an external issuer; this page then never accepts anyone.
 */
@Component
class DemoLogin implements AuthenticationProvider {

  private final Accounts accounts;
  private final boolean demo;

  DemoLogin(Accounts accounts, Environment environment) {
    this.accounts = accounts;
    this.demo = environment.acceptsProfiles(Profiles.of("demo"));
  }

  boolean enabled() {
    return demo;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    if (!demo) {
      throw new BadCredentialsException("Sign-in with demo identities is off");
    }
    Account account = accounts.find(authentication.getName())
        .orElseThrow(() -> new BadCredentialsException("Unknown demo identity"));
    Caller caller = new Caller(account.subject(), account.name(),
        account.operator() ? Caller.Kind.OPERATOR : Caller.Kind.PERSON, Optional.of(account.fiscalCode()),
        account.roles(), account.tenant(), account.office(), account.groups(), Optional.empty(), Channel.ONLINE);
    // The sign-in factor and its time: the provider reports it as auth_time in ID tokens (OIDC Core 2).
    return new CallerAuthentication(caller, null, java.util.List.of(
        org.springframework.security.core.authority.FactorGrantedAuthority.fromAuthority(
            org.springframework.security.core.authority.FactorGrantedAuthority.PASSWORD_AUTHORITY)));
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
