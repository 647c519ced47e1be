package it.piazza.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Where the fault tests keep their databases, app data and logs: {@code target/faults/<scenario>/}. */
final class Faults {

  static final Path ROOT = Path.of("target", "faults").toAbsolutePath();

  private Faults() {}

  static Path folder(String scenario) {
    Path folder = ROOT.resolve(scenario);
    deleteTree(folder);
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return folder;
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteTree(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot clean " + folder, e);
    }
  }

  /** Runs a scenario; when it fails, the failure carries the end of each node's log. */
  static void explained(Runnable scenario, AppNode... nodes) {
    try {
      scenario.run();
    } catch (AssertionError | RuntimeException e) {
      StringBuilder logs = new StringBuilder(String.valueOf(e.getMessage()));
      for (AppNode node : nodes) {
        logs.append("\n").append(node.logTail());
      }
      throw new AssertionError(logs.toString(), e);
    }
  }
}
