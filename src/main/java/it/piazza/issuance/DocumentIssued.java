package it.piazza.issuance;

import it.piazza.cases.CaseId;
import it.piazza.tenancy.TenantId;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Raised once per issued document, after its sealed PDF/A is in the document store and its record committed.
 *
 * @param sha256 fingerprint of the sealed PDF in the {@link it.piazza.documents.DocumentStore}
 * @param protocolNumber the outgoing protocol entry ({@code 2026/0000123}); {@code null} for a daily register
 * @param caseId the case the document belongs to; {@code null} for a daily register
 * @param registerDay the day a daily register covers; {@code null} for other kinds
 * @param verificationCode the code printed in the QR, for {@code /verify/{code}}
 */
public record DocumentIssued(IssuedDocumentId documentId, TenantId tenant, DocumentKind kind, String title,
                             String sha256, long size, Instant issuedAt, String protocolNumber, CaseId caseId,
                             LocalDate registerDay, String verificationCode) {}
