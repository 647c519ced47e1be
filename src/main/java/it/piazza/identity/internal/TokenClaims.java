package it.piazza.identity.internal;

import it.piazza.identity.OfficeId;
import it.piazza.identity.Role;
import java.util.LinkedHashMap;
import java.util.Map;

/** The facts Piazza puts in the built-in provider's tokens, under the claim names it also reads. */
final class TokenClaims {

  private TokenClaims() {}

  static Map<String, Object> of(Account account, IdentityProperties.Claims names) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put(names.name(), account.name());
    claims.put("given_name", account.givenName());
    claims.put("family_name", account.familyName());
    claims.put(names.fiscalCode(), account.fiscalCode().value());
    claims.put(names.tenant(), account.tenant().value());
    claims.put(names.roles(), account.roles().stream().map(Role::code).sorted().toList());
    account.office().map(OfficeId::value).ifPresent(office -> claims.put(names.office(), office));
    if (!account.groups().isEmpty()) {
      claims.put(names.groups(), account.groups().stream().sorted().toList());
    }
    if (account.email() != null) {
      claims.put("email", account.email());
    }
    return claims;
  }
}
