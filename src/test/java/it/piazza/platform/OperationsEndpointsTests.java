package it.piazza.platform;

import static org.assertj.core.api.Assertions.assertThat;

import it.piazza.support.Api;
import it.piazza.support.PiazzaTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What an IT officer checks first: health, metrics, API documentation. */
@PiazzaTest
class OperationsEndpointsTests {

  @Autowired
  Api api;

  @Test
  void healthIsUp() {
    assertThat(api.get("/actuator/health", null).json().get("status").asString()).isEqualTo("UP");
    assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(200);
  }

  @Test
  void metricsAreExposedForPrometheus() {
    Api.Response metrics = api.get("/actuator/prometheus", null);
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
  }

  @Test
  void theApiIsDocumentedAsOpenApi() {
    Api.Response docs = api.get("/v3/api-docs", null);
    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.json().get("openapi").asString()).startsWith("3.");
    assertThat(docs.json().get("paths").has("/api/v1/me")).isTrue();
    assertThat(docs.json().get("paths").has("/api/v1/audit/verify")).isTrue();
    assertThat(api.get("/swagger-ui/index.html", null).body()).contains("Swagger UI");
  }
}
