package it.piazza.payments.internal;

import it.piazza.audit.AuditLog;
import it.piazza.audit.AuditRecord;
import it.piazza.identity.Channel;
import it.piazza.payments.NoticeNumber;
import it.piazza.payments.PaymentSettled;
import it.piazza.payments.PaymentsProblem;
import it.piazza.platform.ProblemException;
import it.piazza.tenancy.TenantId;
import it.piazza.tenancy.Tenants;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receipts (ricevute telematiche) from the payment intermediary. A receipt settles its position once: the position
 * is locked while its receipt is checked and stored, a receipt sent again (same id, same content) is answered as
 * before and changes nothing, and {@link PaymentSettled} is raised in the same transaction as the change.
 */
@Component
class Receipts {

  private final JdbcClient jdbc;
  private final DebtPositions positions;
  private final Tenants tenants;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;
  private final TransactionTemplate separately;
  private final Clock clock;

  Receipts(JdbcClient jdbc, DebtPositions positions, Tenants tenants, AuditLog audit,
           ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
    this.jdbc = jdbc;
    this.positions = positions;
    this.tenants = tenants;
    this.audit = audit;
    this.events = events;
    this.transactions = transactions;
    this.separately = new TransactionTemplate(transactions.getTransactionManager());
    this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /** A receipt as the intermediary sends it: amounts in cents, the moment the payer paid. */
  record Incoming(String receiptId, String noticeNumber, String creditorFiscalCode, Long amountCents, Instant paidAt,
                  String psp) {}

  /** A stored receipt, and whether this call stored it or found it stored by an earlier one. */
  record Stored(UUID id, String receiptId, UUID positionId, String noticeNumber, long amountCents, Instant paidAt,
                String psp, Instant receivedAt, boolean replayed) {}

  /**
   * The one way a receipt comes in, from the intermediary's API call or the demo simulator: stored and settled in
   * one transaction (joining the caller's, if any), or refused with a problem that names the pagoPA error, and
   * noted as refused when it names a payment.
   */
  Stored settle(TenantId tenant, Incoming incoming, String sentBy, Channel channel) {
    try {
      return transactions.execute(status -> accept(tenant, incoming, sentBy, channel));
    } catch (ProblemException refused) {
      if (refused.type() instanceof PaymentsProblem problem && problem.pagopaCode() != null) {
        recordRefusal(tenant, incoming, problem.slug(), sentBy);
        throw refused.with("pagopaCode", problem.pagopaCode());
      }
      throw refused;
    }
  }

  @Transactional(propagation = Propagation.MANDATORY)
  Stored accept(TenantId tenant, Incoming incoming, String sentBy, Channel channel) {
    NoticeNumber notice = validate(incoming);
    String creditor = tenants.find(tenant).orElseThrow().fiscalCode().value();
    if (incoming.creditorFiscalCode() != null && !incoming.creditorFiscalCode().equals(creditor)) {
      throw new ProblemException(PaymentsProblem.NOTICE_NOT_FOUND, notice.value());
    }
    DebtPosition position = positions.lockByNotice(tenant, notice)
        .orElseThrow(() -> new ProblemException(PaymentsProblem.NOTICE_NOT_FOUND, notice.value()));
    Optional<Stored> earlier = find(tenant, incoming.receiptId());
    if (earlier.isPresent()) {
      Stored stored = earlier.get();
      if (!stored.noticeNumber().equals(notice.value()) || stored.amountCents() != incoming.amountCents()) {
        throw new ProblemException(PaymentsProblem.RECEIPT_ID_REUSED, incoming.receiptId());
      }
      return stored;
    }
    LocalDate paidOn = LocalDate.ofInstant(incoming.paidAt(), clock.getZone());
    position.checkPayable(incoming.amountCents(), paidOn);
    UUID id = UUID.randomUUID();
    jdbc.sql("""
            insert into payment_receipt (id, tenant_id, receipt_id, position_id, notice_number, amount_cents, paid_at,
              psp, received_by)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).params(id, tenant.value(), incoming.receiptId(), position.id().value(), notice.value(),
            incoming.amountCents(), Timestamp.from(incoming.paidAt()), incoming.psp(), sentBy).update();
    if (!positions.markPaid(position, incoming.paidAt())) {
      throw new IllegalStateException("Position " + position.id() + " changed under its lock");
    }
    audit.record(new AuditRecord(tenant, sentBy, null, position.payer().value(), "settle", "debt-position",
        position.id().toString(), channel, "receipt:" + incoming.receiptId()));
    events.publishEvent(new PaymentSettled(position.id(), tenant, notice, incoming.amountCents(), position.payer(),
        position.category(), position.caseId(), incoming.receiptId(), incoming.paidAt()));
    return find(tenant, incoming.receiptId()).map(s -> new Stored(s.id(), s.receiptId(), s.positionId(),
        s.noticeNumber(), s.amountCents(), s.paidAt(), s.psp(), s.receivedAt(), false)).orElseThrow();
  }

  /**
   * Notes a receipt that was refused although it names a payment (unknown notice, wrong amount, closed or paid
   * position), in a transaction of its own: the intermediary holds that money, and the reconciliation lists it.
   */
  void recordRefusal(TenantId tenant, Incoming incoming, String reason, String sentBy) {
    separately.executeWithoutResult(status -> jdbc.sql("""
            insert into payment_receipt_refusal (tenant_id, receipt_id, notice_number, amount_cents, paid_at, reason,
              sent_by)
            values (?, ?, ?, ?, ?, ?, ?)
            """).params(tenant.value(), incoming.receiptId(), incoming.noticeNumber(), incoming.amountCents(),
            incoming.paidAt() == null ? null : Timestamp.from(incoming.paidAt()), reason, sentBy).update());
  }

  Optional<Stored> find(TenantId tenant, String receiptId) {
    return jdbc.sql("select * from payment_receipt where tenant_id = ? and receipt_id = ?")
        .params(tenant.value(), receiptId)
        .query((rs, n) -> new Stored(rs.getObject("id", UUID.class), rs.getString("receipt_id"),
            rs.getObject("position_id", UUID.class), rs.getString("notice_number"), rs.getLong("amount_cents"),
            rs.getTimestamp("paid_at").toInstant(), rs.getString("psp"), rs.getTimestamp("received_at").toInstant(),
            true))
        .optional();
  }

  private NoticeNumber validate(Incoming incoming) {
    List<Map<String, String>> errors = new ArrayList<>();
    if (incoming.receiptId() == null || !incoming.receiptId().matches("[\\x21-\\x7E]{1,64}")) {
      errors.add(error("/receiptId", "1-64 printable ASCII characters"));
    }
    if (!NoticeNumber.isValid(incoming.noticeNumber())) {
      errors.add(error("/noticeNumber", "18 digits, aux digit 3, matching check digits"));
    }
    if (incoming.amountCents() == null || incoming.amountCents() <= 0) {
      errors.add(error("/amountCents", "a positive number of euro cents"));
    }
    if (incoming.paidAt() == null) {
      errors.add(error("/paidAt", "the moment of payment, ISO-8601 with offset"));
    } else if (incoming.paidAt().isAfter(clock.instant().plusSeconds(300))) {
      errors.add(error("/paidAt", "not in the future"));
    }
    if (incoming.psp() != null && incoming.psp().length() > 200) {
      errors.add(error("/psp", "at most 200 characters"));
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(PaymentsProblem.INVALID_RECEIPT).with("errors", errors);
    }
    return NoticeNumber.parse(incoming.noticeNumber());
  }

  private static Map<String, String> error(String pointer, String message) {
    return Map.of("pointer", pointer, "message", message);
  }
}
