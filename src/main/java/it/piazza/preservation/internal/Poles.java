package it.piazza.preservation.internal;

import it.piazza.preservation.internal.PreservationProperties.Pole;
import it.piazza.tenancy.TenantId;
import java.net.URI;
import java.util.Optional;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Which pole a comune's packages go to: the configured one, else (demo profile only) the built-in demo pole of this
 * node, else none — the packages then wait, and the administrator's page says that no pole is configured.
 */
@Component
class Poles {

  private final PreservationProperties properties;
  private final Environment environment;

  Poles(PreservationProperties properties, Environment environment) {
    this.properties = properties;
    this.environment = environment;
  }

  record Target(Pole pole, boolean demo) {}

  Optional<Target> of(TenantId tenant) {
    return properties.poleOf(tenant).map(p -> new Target(p, false)).or(this::demo);
  }

  private Optional<Target> demo() {
    // matchesProfiles, not getActiveProfiles: demo is the default profile, active without being named.
    if (!environment.matchesProfiles("demo")) {
      return Optional.empty();
    }
    String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    return Optional.of(new Target(new Pole(URI.create("http://127.0.0.1:" + port + DemoPreservationPole.PATH), null,
        null, null), true));
  }
}
