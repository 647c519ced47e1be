package it.piazza.cases.internal;

import it.piazza.audit.AuditLog;
import it.piazza.audit.AuditRecord;
import it.piazza.identity.Channel;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lets time act on applications: lapsed integration requests and notices of refusal, approval by silence where
 * the service allows it. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several app nodes can sweep at
 * once and none acts twice on one application.
 */
@Component
class DeadlineSweeper {

  private static final Logger log = LoggerFactory.getLogger(DeadlineSweeper.class);

  private final Applications applications;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final int batch;

  DeadlineSweeper(Applications applications, AuditLog audit, ApplicationEventPublisher events,
                  TransactionTemplate transactions, Clock clock,
                  @Value("${piazza.cases.sweep-batch:200}") int batch) {
    this.applications = applications;
    this.audit = audit;
    this.events = events;
    this.transactions = transactions;
    this.clock = clock;
    this.batch = batch;
  }

  @Scheduled(initialDelayString = "${piazza.cases.sweep-every:1m}", fixedDelayString = "${piazza.cases.sweep-every:1m}")
  void sweepScheduled() {
    int changed = sweep(clock.instant(), LocalDate.now(clock));
    if (changed > 0) {
      log.info("Deadline sweep changed {} applications", changed);
    }
  }

  /** Sweeps everything due on {@code today}; returns how many applications changed state. */
  int sweep(Instant now, LocalDate today) {
    int changed = 0;
    while (true) {
      Integer batch = transactions.execute(status -> sweepBatch(now, today));
      if (batch == null || batch < 0) {
        return changed;
      }
      changed += batch;
    }
  }

  /** One claimed batch; -1 when nothing was due. */
  private int sweepBatch(Instant now, LocalDate today) {
    List<Application> due = applications.claimDueForSweep(today, batch);
    if (due.isEmpty()) {
      return -1;
    }
    int changed = 0;
    for (Application application : due) {
      boolean moved = application.passTime(now, today);
      if (!moved) {
        applications.postponeSweep(application, today.plusDays(1)); // never claim the same row twice in one sweep
        continue;
      }
      // The row is locked, so the update cannot lose to another writer; if it ever did, nothing is announced.
      if (applications.update(application, today)) {
        changed++;
        audit.record(new AuditRecord(application.tenant, "piazza", null, application.parties.beneficiary().value(),
            application.status.code(), "application", application.id.toString(), Channel.SYSTEM, "legal-deadline"));
        application.newEvents().forEach(events::publishEvent);
      }
    }
    return changed;
  }
}
