package it.piazza.protocol.internal;

import it.piazza.audit.AuditLog;
import it.piazza.identity.Channel;
import it.piazza.protocol.Correspondent;
import it.piazza.protocol.Registration;
import it.piazza.tenancy.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.springframework.context.ApplicationEventPublisher;

/** Registrations and registers for the protocol tests. */
final class ProtocolFixtures {

  static final String MARIO_FISCAL_CODE = "RSSMRA84E12F205P";

  private ProtocolFixtures() {}

  /** An application from Mario Rossi, as the cases module would register it; the fingerprint is of the subject. */
  static Registration anApplication(TenantId tenant, String subject) {
    return Registration.incoming(tenant, new Correspondent("Mario Rossi", MARIO_FISCAL_CODE), subject,
        sha256(subject), "protocol-test", Channel.SYSTEM);
  }

  /**
   * The register as it would run at {@code italianTime} (Europe/Rome). The clock itself is in UTC, as a server's
   * may be: the register must still take the Italian date.
   */
  static Registrar registerAt(String italianTime, ProtocolEntries entries, AuditLog auditLog,
                              ApplicationEventPublisher events) {
    Clock clock = Clock.fixed(LocalDateTime.parse(italianTime).atZone(Registrar.ITALY).toInstant(), ZoneOffset.UTC);
    return new Registrar(entries, auditLog, events, clock);
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
