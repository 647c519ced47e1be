package it.piazza.identity.internal;

import it.piazza.identity.Caller;
import it.piazza.identity.Role;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated request: the caller, with its roles as authorities ({@code ROLE_OPERATOR}…). */
final class CallerAuthentication extends AbstractAuthenticationToken {

  private final Caller caller;
  private final Object credentials;

  CallerAuthentication(Caller caller, Object credentials) {
    this(caller, credentials, java.util.List.of());
  }

  /** With extra authorities, e.g. the sign-in factor and its time, which the provider puts in ID tokens. */
  CallerAuthentication(Caller caller, Object credentials,
                       java.util.Collection<? extends org.springframework.security.core.GrantedAuthority> extra) {
    super(java.util.stream.Stream.concat(
        caller.roles().stream().map(Role::authority).map(SimpleGrantedAuthority::new), extra.stream())
        .collect(Collectors.toSet()));
    this.caller = caller;
    this.credentials = credentials;
    setAuthenticated(true);
  }

  @Override
  public Caller getPrincipal() {
    return caller;
  }

  @Override
  public Object getCredentials() {
    return credentials;
  }

  @Override
  public String getName() {
    return caller.subject();
  }
}
