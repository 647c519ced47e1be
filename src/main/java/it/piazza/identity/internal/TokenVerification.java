package it.piazza.identity.internal;

import it.piazza.platform.LocalKeys;
import it.piazza.tenancy.Tenants;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.interfaces.RSAPublicKey;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.util.function.SingletonSupplier;

/**
 * How bearer tokens are verified: against the built-in provider's key, or against the external issuer's published
 * keys (fetched on first use, so Piazza starts even while the issuer is down).
 */
@Configuration(proxyBeanMethods = false)
class TokenVerification {

  @Bean
  JwtDecoder jwtDecoder(IdentityProperties properties, LocalKeys keys, Tenants tenants) {
    if (!properties.builtInProvider()) {
      Supplier<JwtDecoder> external = SingletonSupplier.of(() -> JwtDecoders.fromIssuerLocation(properties.issuerUri()));
      return token -> external.get().decode(token);
    }
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey((RSAPublicKey) keys.rsa("oidc").getPublic()).build();
    OAuth2TokenValidator<Jwt> issuer = properties.publicUrl().isEmpty()
        ? servedHost(tenants) : new JwtIssuerValidator(properties.publicUrl());
    // The signature is verified once per token (VerifiedTokens); the claims on every use.
    decoder.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
    return new VerifiedTokens(decoder, new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(), issuer));
  }

  /**
   * Without a public address the built-in provider names the address it was reached at as the issuer (each
   * comune's host, any port): a token must at least name one of the hosts this deployment serves.
   */
  static OAuth2TokenValidator<Jwt> servedHost(Tenants tenants) {
    OAuth2Error wrongIssuer = new OAuth2Error("invalid_token", "the token was issued by someone else", null);
    return jwt -> {
      Set<String> hosts = new HashSet<>();
      tenants.all().forEach(tenant -> tenant.hosts().forEach(host -> hosts.add(host.toLowerCase(Locale.ROOT))));
      String issuer = jwt.getClaimAsString("iss");
      try {
        URI uri = issuer == null ? null : new URI(issuer);
        boolean served = uri != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
            && uri.getHost() != null && hosts.contains(uri.getHost().toLowerCase(Locale.ROOT));
        return served ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(wrongIssuer);
      } catch (URISyntaxException e) {
        return OAuth2TokenValidatorResult.failure(wrongIssuer);
      }
    };
  }
}
