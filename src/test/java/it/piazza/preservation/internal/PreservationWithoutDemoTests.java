package it.piazza.preservation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.piazza.PiazzaApplication;
import it.piazza.issuance.DocumentIssued;
import it.piazza.issuance.DocumentKind;
import it.piazza.issuance.IssuedDocumentId;
import it.piazza.documents.DocumentStore;
import it.piazza.payments.PaymentFixtures;
import it.piazza.support.Api;
import it.piazza.tenancy.TenantId;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Without the demo profile (as in production) and with no pole configured there is no demo pole: packages are made
 * but wait, nothing is sent anywhere, and the administrator is told that no pole is configured.
 */
@SpringBootTest(classes = PiazzaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(Api.class)
class PreservationWithoutDemoTests {

  @Autowired
  Api api;

  @Autowired
  PackageSender sender;

  @Autowired
  DocumentStore store;

  @Autowired
  ApplicationEventPublisher events;

  @Autowired
  TransactionTemplate transactions;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void thereIsNoDemoPoleAndPackagesWaitForAPoleToBeConfigured() {
    Set<String> routes = new java.util.HashSet<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      routes.addAll(info.getPatternValues());
    }
    assertThat(routes).contains("/api/v1/admin/preservation/packages").doesNotContain("/demo/preservation-pole");
    assertThat(api.post("/demo/preservation-pole", null, "{}").status()).isEqualTo(404);

    String admin = new PaymentFixtures(api).administrator("c_v002");
    JsonNode listing = api.get("/api/v1/admin/preservation/packages", admin).json();
    assertThat(listing.get("pole").get("configured").asBoolean()).isFalse();

    DocumentStore.Stored pdf = store.put(new ByteArrayInputStream(Api.pdf("registro")), 1_000_000);
    DocumentIssued register = new DocumentIssued(IssuedDocumentId.random(), new TenantId("c_v002"),
        DocumentKind.DAILY_REGISTER, "Registro giornaliero", pdf.sha256(), pdf.size(), Instant.now(), null, null,
        LocalDate.of(2026, 7, 1), "VER-1");
    transactions.executeWithoutResult(tx -> events.publishEvent(register));
    String state = await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
            "select state from preservation_package where subject_ref = ?").param(register.documentId().toString())
        .query(String.class).optional().orElse(null), s -> s != null);
    assertThat(state).isEqualTo("TO_SEND");
    assertThat(sender.sendDue()).as("no comune has a pole on this node").isZero();
  }
}
