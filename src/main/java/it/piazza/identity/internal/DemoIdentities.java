package it.piazza.identity.internal;

import it.piazza.identity.Delegations;
import it.piazza.identity.Delegator;
import it.piazza.identity.IdentityProblem;
import it.piazza.identity.OfficeId;
import it.piazza.identity.Role;
import it.piazza.platform.CommonProblem;
import it.piazza.platform.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * For scripts and tests, with the demo profile only: the demo identities, and a real signed token for any of
 * them from the built-in provider — the same token the sign-in flow would give.
 */
@RestController
@Profile("demo")
@Tag(name = "Demo")
class DemoIdentities {

  private final Accounts accounts;
  private final Delegations delegations;
  private final JwtEncoder encoder;
  private final IdentityProperties properties;
  private final Clock clock;

  DemoIdentities(Accounts accounts, Delegations delegations, JwtEncoder encoder, IdentityProperties properties,
                 Clock clock) {
    this.accounts = accounts;
    this.delegations = delegations;
    this.encoder = encoder;
    this.properties = properties;
    this.clock = clock;
  }

  record Identity(String subject, String name, String fiscalCode, String tenant, List<String> roles, String office,
                  List<String> groups, String description, List<MeController.DelegatorView> delegators) {}

  record TokenRequest(String subject) {}

  record TokenResponse(String access_token, String token_type, long expires_in) {}

  @GetMapping("/demo/identities")
  @Operation(summary = "The demo identities (demo profile only)")
  List<Identity> identities() {
    LocalDate today = LocalDate.now(clock);
    return accounts.all().stream().map(a -> new Identity(a.subject(), a.name(), a.fiscalCode().value(),
        a.tenant().value(), a.roles().stream().map(Role::code).sorted().toList(),
        a.office().map(OfficeId::value).orElse(null), a.groups().stream().sorted().toList(), a.description(),
        delegations.delegatorsOf(a.tenant(), a.fiscalCode(), today).stream()
            .map(MeController.DelegatorView::of).toList())).toList();
  }

  @PostMapping(path = "/demo/token", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "A signed access token for a demo identity (demo profile only)")
  TokenResponse token(@RequestBody TokenRequest request) {
    if (request == null || request.subject() == null || request.subject().isBlank()) {
      throw new ProblemException(CommonProblem.INVALID_DATA).with("errors",
          List.of(Map.of("pointer", "/subject", "message", "obbligatorio / required")));
    }
    Account account = accounts.find(request.subject())
        .orElseThrow(() -> new ProblemException(IdentityProblem.UNKNOWN_IDENTITY));
    Instant now = clock.instant();
    JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
        .subject(account.subject())
        .issuer(properties.publicUrl().isEmpty()
            ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() : properties.publicUrl())
        .audience(List.of("piazza"))
        .issuedAt(now)
        .expiresAt(now.plus(properties.tokenTtl()))
        .id(java.util.UUID.randomUUID().toString());
    TokenClaims.of(account, properties.claims()).forEach(claims::claim);
    String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(),
        claims.build())).getTokenValue();
    return new TokenResponse(token, "Bearer", properties.tokenTtl().toSeconds());
  }
}
