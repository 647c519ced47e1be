package it.piazza.documents;

import java.time.Instant;
import java.util.UUID;

/** A file someone uploaded for an application. */
public record AttachmentInfo(UUID id, String serviceId, String kind, String fileName, String mediaType, long size,
                             String sha256, Instant uploadedAt) {}
