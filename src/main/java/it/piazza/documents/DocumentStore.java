package it.piazza.documents;

import java.io.InputStream;
import java.util.Optional;

/** Stores file contents once, by their SHA-256 fingerprint. */
public interface DocumentStore {

  /** What was stored: the fingerprint (lower-case hex) and the size in bytes. */
  record Stored(String sha256, long size) {}

  /**
   * Streams {@code content} into the store, never holding it whole in memory.
   *
   * @throws ContentTooLargeException when it exceeds {@code maxBytes}; nothing is kept
   */
  Stored put(InputStream content, long maxBytes);

  Optional<InputStream> open(String sha256);

  /** Raised when content exceeds the allowed size. */
  final class ContentTooLargeException extends RuntimeException {
    public ContentTooLargeException(long maxBytes) {
      super("Content larger than " + maxBytes + " bytes");
    }
  }
}
