/**
 * Payments: the comune as creditor (ente creditore) on pagoPA — debt positions (posizioni debitorie) with their
 * notice numbers and IUVs, opened for service fees, for recurring school charges and by import from other systems;
 * payment notices (avvisi) as PDF with their QR code and as App IO messages; receipts from the payment
 * intermediary, settling each position once; the daily reconciliation of receipts against positions.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"tenancy", "identity", "catalog", "cases", "audit", "platform"})
package it.piazza.payments;
