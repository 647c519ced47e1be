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
    super(caller.roles().stream().map(Role::authority).map(SimpleGrantedAuthority::new).collect(Collectors.toSet()));
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
