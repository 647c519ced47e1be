package it.piazza.identity.internal;

import it.piazza.identity.Caller;
import it.piazza.identity.Channel;
import it.piazza.identity.FiscalCode;
import it.piazza.identity.OfficeId;
import it.piazza.identity.Role;
import it.piazza.tenancy.CurrentTenant;
import it.piazza.tenancy.TenantId;
import it.piazza.tenancy.Tenants;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Turns a verified bearer token into the caller: whose token it is, of which comune, with which roles. Tokens
 * from an external issuer carry the same facts under configurable claim names.
 */
@Component
class JwtCallers implements Converter<Jwt, AbstractAuthenticationToken> {

  private final IdentityProperties.Claims claims;
  private final Tenants tenants;

  JwtCallers(IdentityProperties properties, Tenants tenants) {
    this.claims = properties.claims();
    this.tenants = tenants;
  }

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    return new CallerAuthentication(caller(jwt), jwt);
  }

  Caller caller(Jwt jwt) {
    Optional<FiscalCode> fiscalCode = Optional.ofNullable(jwt.getClaimAsString(claims.fiscalCode()))
        .map(JwtCallers::stripTinPrefix).map(code -> {
          try {
            return FiscalCode.of(code);
          } catch (IllegalArgumentException e) {
            throw invalid("the token's fiscal code is not valid");
          }
        });
    TenantId tenant = tenantOf(jwt);
    Set<Role> roles = rolesOf(jwt, fiscalCode.isPresent());
    Optional<OfficeId> office = Optional.ofNullable(jwt.getClaimAsString(claims.office())).map(code -> {
      try {
        return new OfficeId(code);
      } catch (IllegalArgumentException e) {
        throw invalid("the token's office is not valid");
      }
    });
    Caller.Kind kind = fiscalCode.isEmpty() ? Caller.Kind.CLIENT
        : roles.contains(Role.OPERATOR) || roles.contains(Role.OFFICE_MANAGER) || roles.contains(Role.ADMINISTRATOR)
        ? Caller.Kind.OPERATOR : Caller.Kind.PERSON;
    String name = Optional.ofNullable(jwt.getClaimAsString(claims.name())).orElse(jwt.getSubject());
    return new Caller(jwt.getSubject(), name, kind, fiscalCode, roles, tenant, office, listClaim(jwt, claims.groups()),
        Optional.empty(), Channel.API);
  }

  /** SPID providers send the fiscal number as {@code TINIT-<code>}. */
  private static String stripTinPrefix(String code) {
    return code.startsWith("TINIT-") ? code.substring(6) : code;
  }

  private TenantId tenantOf(Jwt jwt) {
    String claimed = jwt.getClaimAsString(claims.tenant());
    if (claimed == null) {
      return CurrentTenant.find().orElse(tenants.defaultTenant());
    }
    try {
      TenantId tenant = TenantId.of(claimed);
      if (tenants.find(tenant).isEmpty()) {
        throw invalid("the token is for a comune this deployment does not serve");
      }
      return tenant;
    } catch (IllegalArgumentException e) {
      throw invalid("the token's comune is not valid");
    }
  }

  private Set<Role> rolesOf(Jwt jwt, boolean person) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String code : listClaim(jwt, claims.roles())) {
      Role.fromCode(code).ifPresent(roles::add);
    }
    if (roles.isEmpty()) {
      roles.add(person ? Role.CITIZEN : Role.SYSTEM);
    }
    return roles;
  }

  private static Set<String> listClaim(Jwt jwt, String name) {
    Object value = jwt.getClaims().get(name);
    if (value instanceof Collection<?> values) {
      Set<String> result = new HashSet<>();
      values.forEach(v -> result.add(String.valueOf(v)));
      return result;
    }
    return value == null ? Set.of() : Set.copyOf(List.of(String.valueOf(value).split("[ ,]+")));
  }

  private static OAuth2AuthenticationException invalid(String why) {
    return new OAuth2AuthenticationException(new OAuth2Error("invalid_token", why, null));
  }
}
