package it.piazza.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class VerifiedTokensTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  private final AtomicInteger verifications = new AtomicInteger();
  private final Jwt jwt = Jwt.withTokenValue("signed").header("alg", "RS256").subject("mario.rossi")
      .issuedAt(NOW.minusSeconds(60)).expiresAt(NOW.plusSeconds(60)).build();
  private final JwtTimestampValidator validator = new JwtTimestampValidator(Duration.ZERO);
  private final VerifiedTokens tokens = new VerifiedTokens(token -> {
    verifications.incrementAndGet();
    if (!token.equals("signed")) {
      throw new BadJwtException("bad signature");
    }
    return jwt;
  }, validator);

  @Test
  void aTokenIsVerifiedOnceAndItsClaimsOnEveryUse() {
    validator.setClock(Clock.fixed(NOW, ZoneOffset.UTC));
    assertThat(tokens.decode("signed")).isSameAs(jwt);
    assertThat(tokens.decode("signed")).isSameAs(jwt);
    assertThat(verifications).hasValue(1);

    validator.setClock(Clock.fixed(NOW.plusSeconds(120), ZoneOffset.UTC));
    assertThatThrownBy(() -> tokens.decode("signed")).isInstanceOf(JwtValidationException.class);
  }

  @Test
  void aTokenThatFailsVerificationIsNeverRemembered() {
    validator.setClock(Clock.fixed(NOW, ZoneOffset.UTC));
    assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
    assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
    assertThat(verifications).hasValue(2);
  }
}
