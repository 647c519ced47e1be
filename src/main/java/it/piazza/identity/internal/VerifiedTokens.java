package it.piazza.identity.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Remembers tokens whose signature has been verified, so that a client sending the same token with each request
 * pays the RSA verification once (it was about 4% of the CPU under the benchmark's load, docs/benchmarks.md). The
 * claims, expiry included, are still validated on every use; only exact, already verified token strings hit.
 */
final class VerifiedTokens implements JwtDecoder {

  /** Bounded: past this many remembered tokens the memory is emptied and refills from verified ones. */
  private static final int MAX = 10_000;

  private final JwtDecoder verifier;
  private final OAuth2TokenValidator<Jwt> validator;
  private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

  /** {@code verifier} checks the signature only; {@code validator} checks the claims. */
  VerifiedTokens(JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator) {
    this.verifier = verifier;
    this.validator = validator;
  }

  @Override
  public Jwt decode(String token) {
    Jwt jwt = verified.get(token);
    if (jwt == null) {
      jwt = verifier.decode(token);
      if (verified.size() >= MAX) {
        verified.clear();
      }
      verified.put(token, jwt);
    }
    OAuth2TokenValidatorResult result = validator.validate(jwt);
    if (result.hasErrors()) {
      throw new JwtValidationException(result.getErrors().iterator().next().getDescription(), result.getErrors());
    }
    return jwt;
  }
}
