package it.piazza.preservation.internal;

import it.piazza.tenancy.TenantId;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The preservation settings ({@code piazza.preservation}): the pole every comune sends to, a pole per comune where
 * it differs (map keys are tenant ids, in brackets in YAML: {@code "[c_b001]"}), and how the sender retries.
 *
 * @param endpoint the pole's URL for packages; empty: none (with the demo profile, the built-in demo pole)
 * @param username basic authentication, with {@code password}; or {@code token} for a bearer token
 */
@ConfigurationProperties("piazza.preservation")
record PreservationProperties(URI endpoint, String username, String password, String token,
                              Map<String, Pole> comuni, Sender sender) {

  /** One pole and how to authenticate to it. */
  record Pole(URI endpoint, String username, String password, String token) {}

  /**
   * @param enabled whether this node sends at all (tests switch it off in contexts that are not about preservation)
   * @param every how often the sender looks for due packages
   * @param maxAttempts after so many failed attempts a package waits for an administrator's resend
   * @param firstBackoff the wait after the first failure, doubled after each further one, up to {@code maxBackoff}
   * @param timeout how long one call to the pole may take
   */
  record Sender(Boolean enabled, Duration every, Integer maxAttempts, Duration firstBackoff, Duration maxBackoff,
                Duration timeout) {

    Sender {
      enabled = enabled == null || enabled;
      every = every == null ? Duration.ofSeconds(15) : every;
      maxAttempts = maxAttempts == null ? 8 : maxAttempts;
      firstBackoff = firstBackoff == null ? Duration.ofMinutes(1) : firstBackoff;
      maxBackoff = maxBackoff == null ? Duration.ofHours(6) : maxBackoff;
      timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
    }
  }

  PreservationProperties {
    comuni = comuni == null ? Map.of() : Map.copyOf(comuni);
    sender = sender == null ? new Sender(null, null, null, null, null, null) : sender;
  }

  /** The pole configured for a comune: its own, else the common one; empty when none is configured. */
  Optional<Pole> poleOf(TenantId tenant) {
    Pole own = comuni.get(tenant.value());
    if (own == null) {
      own = comuni.get(tenant.value().replace("_", "")); // relaxed binding drops the underscore of unbracketed keys
    }
    if (own != null && own.endpoint() != null) {
      return Optional.of(own);
    }
    return endpoint == null || endpoint.toString().isBlank() ? Optional.empty()
        : Optional.of(new Pole(endpoint, username, password, token));
  }

  /** The wait before attempt {@code attempts + 1}, after {@code attempts} failures: doubling, capped. */
  Duration backoff(int attempts) {
    Duration wait = sender.firstBackoff();
    for (int i = 1; i < attempts && wait.compareTo(sender.maxBackoff()) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(sender.maxBackoff()) > 0 ? sender.maxBackoff() : wait;
  }
}
