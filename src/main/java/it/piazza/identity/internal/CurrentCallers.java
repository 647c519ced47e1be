package it.piazza.identity.internal;

import it.piazza.identity.Caller;
import it.piazza.identity.Callers;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

@Component
class CurrentCallers implements Callers {

  @Override
  public Caller current() {
    return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("No caller"));
  }

  @Override
  public Optional<Caller> find() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null && authentication.getPrincipal() instanceof Caller caller
        ? Optional.of(caller) : Optional.empty();
  }
}
