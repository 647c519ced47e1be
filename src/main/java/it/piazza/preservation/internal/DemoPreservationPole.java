package it.piazza.preservation.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.piazza.platform.LargeBodies;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.RestController;

/**
 * DEMO ONLY (profile {@code demo}): plays a preservation pole, so that with no pole configured the packages of a demo
 * comune reach ACCEPTED. It checks each package as a pole would on ingest ({@link SipInspector}) and answers with the
 * contract of docs/preservation.md. It keeps nothing: nothing is preserved.
 */
@RestController
@Profile("demo")
@Tag(name = "Demo")
class DemoPreservationPole {

  static final String PATH = "/demo/preservation-pole";

  /** A closed case's package holds its attachments (each up to its service's limit), above the 1 MB API limit. */
  @Bean
  static LargeBodies demoPoleBodies() {
    return new LargeBodies(PATH, DataSize.ofMegabytes(64));
  }

  @PostMapping(path = PATH, consumes = "application/zip", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "DEMO: a preservation pole that checks a submission package and accepts or rejects it")
  ResponseEntity<Map<String, String>> receive(@RequestBody byte[] zip) {
    return SipInspector.check(zip)
        .map(reason -> ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
            .body(Map.of("outcome", "rejected", "reason", reason)))
        .orElseGet(() -> ResponseEntity.ok(Map.of("outcome", "accepted", "id", "DEMO-" + UUID.randomUUID())));
  }
}
