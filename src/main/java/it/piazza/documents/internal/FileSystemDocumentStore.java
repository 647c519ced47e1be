package it.piazza.documents.internal;

import it.piazza.documents.DocumentStore;
import it.piazza.platform.DataDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Contents under {@code data/documents/ab/cd/<sha256>}: written to a temporary file while hashed and counted,
 * then moved into place, so a half-written file never has a fingerprint's name and the same content is kept once.
 */
@Component
class FileSystemDocumentStore implements DocumentStore {

  private final Path root;

  FileSystemDocumentStore(DataDirectory data) {
    this.root = data.folder("documents");
  }

  @Override
  public Stored put(InputStream content, long maxBytes) {
    try {
      Path temp = Files.createTempFile(root, ".upload", ".tmp");
      try {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        long size;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha256)) {
          size = copy(content, out, maxBytes);
        }
        String hex = HexFormat.of().formatHex(sha256.digest());
        Path target = pathOf(hex);
        Files.createDirectories(target.getParent());
        try {
          Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException sameContent) {
          // Kept once: the content is already there.
        }
        return new Stored(hex, size);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot store a document", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long copy(InputStream in, OutputStream out, long maxBytes) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    for (int n; (n = in.read(buffer)) > 0; ) {
      total += n;
      if (total > maxBytes) {
        throw new ContentTooLargeException(maxBytes);
      }
      out.write(buffer, 0, n);
    }
    return total;
  }

  @Override
  public Optional<InputStream> open(String sha256) {
    if (!sha256.matches("[0-9a-f]{64}")) {
      return Optional.empty();
    }
    Path file = pathOf(sha256);
    try {
      return Files.exists(file) ? Optional.of(Files.newInputStream(file)) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path pathOf(String sha256) {
    return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
  }
}
