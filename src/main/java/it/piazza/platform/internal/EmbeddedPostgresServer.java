package it.piazza.platform.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL of the one-command default: real PostgreSQL binaries (from Maven Central), data kept in
 * a folder across restarts. One server per data folder per JVM, shared by every application context that asks
 * for it (tests start many contexts), stopped when the last one closes.
 */
final class EmbeddedPostgresServer {

  static final String DATABASE = "piazza";
  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
  private static final Map<Path, EmbeddedPostgresServer> RUNNING = new HashMap<>();
  private static final java.util.Set<Path> CLEANED = new java.util.HashSet<>();

  private final Path folder;
  private final EmbeddedPostgres postgres;
  private int users;

  private EmbeddedPostgresServer(Path folder, EmbeddedPostgres postgres) {
    this.folder = folder;
    this.postgres = postgres;
  }

  /**
   * Starts (or joins) the server keeping its data in {@code folder}; {@code clean} wipes the folder before the
   * first start in this JVM (tests), never again.
   */
  static synchronized EmbeddedPostgresServer acquire(Path folder, boolean clean) {
    Path key = folder.toAbsolutePath().normalize();
    EmbeddedPostgresServer server = RUNNING.get(key);
    if (server == null) {
      server = start(key, clean && CLEANED.add(key));
      RUNNING.put(key, server);
    }
    server.users++;
    return server;
  }

  synchronized void release() {
    synchronized (EmbeddedPostgresServer.class) {
      if (--users > 0) {
        return;
      }
      RUNNING.remove(folder);
    }
    try {
      postgres.close();
    } catch (IOException e) {
      log.warn("Embedded PostgreSQL did not stop cleanly", e);
    }
  }

  String jdbcUrl() {
    return postgres.getJdbcUrl("postgres", DATABASE);
  }

  private static EmbeddedPostgresServer start(Path folder, boolean clean) {
    try {
      if (clean) {
        deleteTree(folder);
      }
      Files.createDirectories(folder);
      stopOrphan(folder);
      long started = System.nanoTime();
      EmbeddedPostgres postgres = EmbeddedPostgres.builder()
          .setDataDirectory(folder.toFile())
          .setCleanDataDirectory(false)
          .setPGStartupWait(Duration.ofSeconds(60))
          .setServerConfig("max_connections", "200")
          .setServerConfig("fsync", "on")
          .start();
      createDatabase(postgres.getPostgresDatabase());
      log.info("Embedded PostgreSQL ready on port {} with data in {} ({} ms)", postgres.getPort(), folder,
          (System.nanoTime() - started) / 1_000_000);
      return new EmbeddedPostgresServer(folder, postgres);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + folder, e);
    }
  }

  /**
   * A node killed with SIGKILL leaves its PostgreSQL running and holding the data folder; stop it so this start
   * can take over (PostgreSQL itself guarantees that committed data survives).
   */
  private static void stopOrphan(Path folder) throws IOException {
    Path pidFile = folder.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.isEmpty()) {
      return;
    }
    long pid;
    try {
      pid = Long.parseLong(lines.getFirst().trim());
    } catch (NumberFormatException e) {
      return;
    }
    ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
        .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false))
        .ifPresent(orphan -> {
          log.warn("Stopping PostgreSQL {} left running on {} by a previous run", pid, folder);
          orphan.destroy(); // SIGTERM: PostgreSQL's "smart" shutdown
          orphan.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).exceptionally(t -> {
            orphan.destroyForcibly();
            return orphan;
          }).join();
        });
  }

  private static void createDatabase(DataSource admin) {
    try (Connection connection = admin.getConnection();
         ResultSet exists = connection.createStatement()
             .executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
      if (!exists.next()) {
        connection.createStatement().execute("create database " + DATABASE + " encoding 'UTF8' template template0");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create the " + DATABASE + " database", e);
    }
  }

  private static void deleteTree(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
