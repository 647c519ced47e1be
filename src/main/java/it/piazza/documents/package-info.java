/**
 * Documents: files stored once, content-addressed by SHA-256 (file system under {@code data/documents} by default,
 * S3-compatible storage later), and the attachments people upload for their applications — type sniffed from
 * content, size and type limits from the service.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"tenancy", "identity", "catalog", "audit", "platform"})
package it.piazza.documents;
