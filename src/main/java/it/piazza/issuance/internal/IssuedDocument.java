package it.piazza.issuance.internal;

import it.piazza.identity.FiscalCode;
import it.piazza.identity.OfficeId;
import it.piazza.issuance.DocumentKind;
import it.piazza.issuance.IssuedDocumentId;
import it.piazza.tenancy.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One issued document as recorded: what it is, for whom, its protocol entry, and the fingerprint of the sealed PDF
 * kept in the document store.
 */
record IssuedDocument(TenantId tenant, IssuedDocumentId id, DocumentKind kind, String cause, String title,
                      FiscalCode holder, String holderName, UUID caseId, String protocolNumber, String sha256,
                      long size, Instant issuedAt, OfficeId office, String verificationCode, LocalDate registerDay) {}
