package it.piazza.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where this node keeps its local state by default (embedded database, keys, documents): {@code ./data}. */
public record DataDirectory(Path root) {

  public DataDirectory {
    root = root.toAbsolutePath().normalize();
  }

  /** A sub-folder, created if missing. */
  public Path folder(String name) {
    Path folder = root.resolve(name);
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + folder, e);
    }
    return folder;
  }
}
