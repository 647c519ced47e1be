package it.piazza.identity;

import static org.assertj.core.api.Assertions.assertThat;

import it.piazza.support.Api;
import it.piazza.PiazzaApplication;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** Without the demo profile (as in production) the demo endpoints and demo sign-in do not exist. */
@SpringBootTest(classes = PiazzaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(Api.class)
class DemoProfileOffTests {

  @Autowired
  Api api;

  @Test
  void thereIsNoDemoIdentityList() {
    Api.Response answer = api.get("/demo/identities", null);
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.isProblem()).isTrue();
  }

  @Test
  void thereIsNoDemoTokenEndpoint() {
    assertThat(api.post("/demo/token", null, Map.of("subject", "mario.rossi")).status()).isEqualTo(404);
  }

  @Test
  void theSignInPageOffersNoDemoIdentities() {
    assertThat(api.get("/login", null).body()).doesNotContain("mario.rossi").contains("SPID");
  }
}
