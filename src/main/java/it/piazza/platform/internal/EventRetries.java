package it.piazza.platform.internal;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers again the events whose listeners did not complete — failed because the database was away, or cut short
 * by a crash of the node that ran them — while the application keeps running. Spring Modulith resubmits them only
 * at start ({@code republish-outstanding-events-on-restart}); without this, an event that met a database outage
 * would wait for the next restart. Every listener is idempotent, so meeting a delivery still running on another
 * node does no harm.
 */
@Component
class EventRetries {

  private static final Logger log = LoggerFactory.getLogger(EventRetries.class);

  private final IncompleteEventPublications incomplete;
  private final Duration olderThan;

  EventRetries(IncompleteEventPublications incomplete,
               @Value("${piazza.events.retry-older-than:1m}") Duration olderThan) {
    this.incomplete = incomplete;
    this.olderThan = olderThan;
  }

  @Scheduled(initialDelayString = "${piazza.events.retry-every:1m}", fixedDelayString = "${piazza.events.retry-every:1m}")
  void retry() {
    try {
      incomplete.resubmitIncompletePublicationsOlderThan(olderThan);
    } catch (RuntimeException e) {
      // The database may still be away; the next round tries again.
      log.warn("Incomplete event publications not resubmitted this round: {}", e.getMessage());
    }
  }
}
