package it.piazza.faults;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A real PostgreSQL the fault tests own: its data in a folder under {@code target/faults/}, on a fixed port, so it
 * can be stopped and started again under the feet of running app nodes, which find it where they left it.
 */
final class FaultDatabase implements AutoCloseable {

  private final Path folder;
  private final int port;
  private EmbeddedPostgres postgres;

  private FaultDatabase(Path folder, int port) {
    this.folder = folder;
    this.port = port;
  }

  /** A fresh server (its folder wiped) with an empty {@code piazza} database. */
  static FaultDatabase fresh(Path folder) {
    Faults.deleteTree(folder);
    FaultDatabase database = new FaultDatabase(folder, Faults.freePort());
    database.start();
    database.admin().sql("create database piazza encoding 'UTF8' template template0").update();
    return database;
  }

  void start() {
    try {
      Files.createDirectories(folder);
      postgres = EmbeddedPostgres.builder()
          .setDataDirectory(folder.toFile())
          .setCleanDataDirectory(false)
          .setPort(port)
          .setPGStartupWait(Duration.ofSeconds(60))
          .setServerConfig("max_connections", "200")
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not start in " + folder, e);
    }
  }

  /** Stops the server (PostgreSQL's fast shutdown: open transactions are rolled back, clients disconnected). */
  void stop() {
    try {
      postgres.close();
      postgres = null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean running() {
    return postgres != null;
  }

  String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + port + "/piazza";
  }

  /** Queries on the application's database, each on a connection of its own (no pool to go stale). */
  JdbcClient jdbc() {
    return client("piazza");
  }

  private JdbcClient admin() {
    return client("postgres");
  }

  private JdbcClient client(String database) {
    PGSimpleDataSource source = new PGSimpleDataSource();
    source.setUrl("jdbc:postgresql://localhost:" + port + "/" + database);
    source.setUser("postgres");
    return JdbcClient.create(source);
  }

  @Override
  public void close() {
    if (postgres != null) {
      stop();
    }
  }

}
