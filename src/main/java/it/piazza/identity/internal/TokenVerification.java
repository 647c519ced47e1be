package it.piazza.identity.internal;

import it.piazza.platform.LocalKeys;
import java.security.interfaces.RSAPublicKey;
import java.util.function.Supplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
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
  JwtDecoder jwtDecoder(IdentityProperties properties, LocalKeys keys) {
    if (!properties.builtInProvider()) {
      Supplier<JwtDecoder> external = SingletonSupplier.of(() -> JwtDecoders.fromIssuerLocation(properties.issuerUri()));
      return token -> external.get().decode(token);
    }
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey((RSAPublicKey) keys.rsa("oidc").getPublic()).build();
    OAuth2TokenValidator<Jwt> validator = properties.publicUrl().isEmpty()
        ? new JwtTimestampValidator()
        : new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(), new JwtIssuerValidator(properties.publicUrl()));
    decoder.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
    return new VerifiedTokens(decoder, validator);
  }
}
