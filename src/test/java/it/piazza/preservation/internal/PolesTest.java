package it.piazza.preservation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import it.piazza.tenancy.TenantId;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;

/** Where packages go when no pole is configured: the demo pole under the demo profile, named or by default. */
class PolesTest {

  private final PreservationProperties none = new PreservationProperties(null, null, null, null, null, null);

  @Test
  void theDemoProfileByDefaultSendsToTheDemoPole() {
    // ./mvnw spring-boot:run: no profile named, spring.profiles.default=demo.
    StandardEnvironment environment = new StandardEnvironment();
    environment.setDefaultProfiles("demo");
    var target = new Poles(none, environment).of(TenantId.of("c_b001"));
    assertThat(target).hasValueSatisfying(t -> {
      assertThat(t.demo()).isTrue();
      assertThat(t.pole().endpoint().getPath()).isEqualTo(DemoPreservationPole.PATH);
    });
  }

  @Test
  void anotherProfileWithoutAPoleSendsNowhere() {
    StandardEnvironment environment = new StandardEnvironment();
    environment.setDefaultProfiles("demo");
    environment.setActiveProfiles("prod");
    assertThat(new Poles(none, environment).of(TenantId.of("c_b001"))).isEmpty();
  }
}
