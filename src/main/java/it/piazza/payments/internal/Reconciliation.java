package it.piazza.payments.internal;

import it.piazza.tenancy.TenantId;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The daily reconciliation (riconciliazione) of a comune: the receipts of the day (by the moment of payment, Italian
 * time) against the positions they settled. It balances when every receipt settled a position of its exact amount,
 * every position paid that day has its receipt, the totals agree and no receipt was refused that day.
 */
@Component
class Reconciliation {

  private static final ZoneId ITALY = ZoneId.of("Europe/Rome");

  private final JdbcClient jdbc;

  Reconciliation(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Item(String receiptId, String noticeNumber, String iuv, long amountCents, Instant paidAt, String psp,
              UUID positionId, long positionAmountCents, String positionStatus, String category) {}

  record Discrepancy(String kind, String receiptId, String noticeNumber, UUID positionId, Long amountCents,
                     String detail) {}

  record Totals(int count, long amountCents) {}

  record Report(LocalDate date, String creditorFiscalCode, Totals receipts, Totals settledPositions,
                List<Item> items, List<Discrepancy> discrepancies, boolean balanced) {}

  Report of(TenantId tenant, String creditorFiscalCode, LocalDate day) {
    Timestamp from = Timestamp.from(day.atStartOfDay(ITALY).toInstant());
    Timestamp to = Timestamp.from(day.plusDays(1).atStartOfDay(ITALY).toInstant());
    List<Item> items = jdbc.sql("""
            select r.receipt_id, r.notice_number, p.iuv, r.amount_cents, r.paid_at, r.psp, p.id as position_id,
                   p.amount_cents as position_amount, p.status, p.category
            from payment_receipt r join debt_position p on p.id = r.position_id
            where r.tenant_id = ? and r.paid_at >= ? and r.paid_at < ?
            order by r.paid_at, r.receipt_id
            """).params(tenant.value(), from, to)
        .query((rs, n) -> new Item(rs.getString("receipt_id"), rs.getString("notice_number"), rs.getString("iuv"),
            rs.getLong("amount_cents"), rs.getTimestamp("paid_at").toInstant(), rs.getString("psp"),
            rs.getObject("position_id", UUID.class), rs.getLong("position_amount"), rs.getString("status"),
            rs.getString("category")))
        .list();
    List<Discrepancy> discrepancies = new ArrayList<>();
    for (Item item : items) {
      if (item.amountCents() != item.positionAmountCents()) {
        discrepancies.add(new Discrepancy("amount-mismatch", item.receiptId(), item.noticeNumber(), item.positionId(),
            item.amountCents(), "position owes " + item.positionAmountCents()));
      }
      if (!item.positionStatus().equals("paid")) {
        discrepancies.add(new Discrepancy("position-not-paid", item.receiptId(), item.noticeNumber(),
            item.positionId(), item.amountCents(), "position is " + item.positionStatus()));
      }
    }
    record Settled(UUID id, String notice, long amount, boolean withReceipt) {}
    List<Settled> settled = jdbc.sql("""
            select p.id, p.notice_number, p.amount_cents, r.id is not null as with_receipt
            from debt_position p left join payment_receipt r on r.position_id = p.id
            where p.tenant_id = ? and p.status = 'paid' and p.paid_at >= ? and p.paid_at < ?
            """).params(tenant.value(), from, to)
        .query((rs, n) -> new Settled(rs.getObject("id", UUID.class), rs.getString("notice_number"),
            rs.getLong("amount_cents"), rs.getBoolean("with_receipt")))
        .list();
    settled.stream().filter(s -> !s.withReceipt()).forEach(s -> discrepancies.add(new Discrepancy(
        "paid-without-receipt", null, s.notice(), s.id(), s.amount(), "no receipt settles this position")));
    jdbc.sql("""
            select receipt_id, notice_number, amount_cents, reason from payment_receipt_refusal
            where tenant_id = ? and refused_at >= ? and refused_at < ? order by id
            """).params(tenant.value(), from, to)
        .query((rs, n) -> new Discrepancy("refused-receipt", rs.getString("receipt_id"), rs.getString("notice_number"),
            null, (Long) rs.getObject("amount_cents"), rs.getString("reason")))
        .list().forEach(discrepancies::add);
    Totals receipts = new Totals(items.size(), items.stream().mapToLong(Item::amountCents).sum());
    Totals positions = new Totals(settled.size(), settled.stream().mapToLong(Settled::amount).sum());
    boolean balanced = discrepancies.isEmpty() && receipts.equals(positions);
    return new Report(day, creditorFiscalCode, receipts, positions, items, discrepancies, balanced);
  }
}
