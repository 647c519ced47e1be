package it.piazza.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Piazza as it ships — the packaged jar in {@code target/} — run as a child process with the JDK running the tests,
 * on a port of its own, against the test's PostgreSQL; its output goes to {@code target/faults/<scenario>/<name>.log}.
 */
final class AppNode implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final FaultDatabase database;
  private final Path dataDir;
  private final Path log;
  private final List<String> settings;
  private final int port;
  private Process process;

  /**
   * @param dataDir  keys and documents; nodes of one deployment share it, as production nodes share theirs
   * @param settings extra {@code --name=value} settings for this scenario
   */
  AppNode(String name, FaultDatabase database, Path dataDir, Path logDir, List<String> settings) {
    this.name = name;
    this.database = database;
    this.dataDir = dataDir;
    this.log = logDir.resolve(name + ".log");
    this.settings = List.copyOf(settings);
    this.port = Faults.freePort();
  }

  String name() {
    return name;
  }

  String base() {
    return "http://localhost:" + port;
  }

  /** Starts the node and waits until it is ready (readiness probe UP, which includes the database). */
  AppNode start() {
    launch();
    awaitReady(Duration.ofSeconds(180));
    return this;
  }

  /** Starts the node without waiting for it; {@link #awaitReady} then waits. */
  AppNode launch() {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    // Small and quick to start: several nodes, a database and the build share two cores.
    command.addAll(List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k",
        "-jar", jar().toString(),
        "--server.port=" + port,
        "--spring.profiles.active=demo",
        "--piazza.data-dir=" + dataDir,
        "--server.shutdown=immediate",
        "--logging.level.org.springframework.modulith=WARN"));
    command.addAll(settings);
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put("PIAZZA_DB_URL", database.jdbcUrl());
    builder.environment().put("PIAZZA_DB_USERNAME", "postgres");
    builder.environment().put("PIAZZA_DB_PASSWORD", "");
    try {
      Files.writeString(log, "==== start " + name + " on port " + port + "\n", StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  AppNode awaitReady() {
    awaitReady(Duration.ofSeconds(180));
    return this;
  }

  void awaitReady(Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError(name + " exited with " + process.exitValue() + "\n" + logTail());
      }
      if (health("/actuator/health/readiness") == 200) {
        return;
      }
      pause(Duration.ofMillis(250));
    }
    throw new AssertionError(name + " not ready within " + within + "\n" + logTail());
  }

  /** The HTTP status of a health endpoint, or -1 when the node does not answer. */
  int health(String path) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(10)).GET().build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** SIGKILL: no shutdown hook, no graceful stop, requests in flight are cut. */
  void kill() {
    process.destroyForcibly();
    waitForExit();
  }

  /** SIGTERM: the ordinary stop. */
  void stop() {
    process.destroy();
    waitForExit();
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  private void waitForExit() {
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** How many lines of the node's log contain {@code text}. */
  long logLines(String text) {
    try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
      return lines.filter(line -> line.contains(text)).count();
    } catch (IOException | UncheckedIOException e) {
      return 0;
    }
  }

  /** The last lines the node wrote, for failure messages. */
  String logTail() {
    try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
      List<String> all = lines.toList();
      return "---- last lines of " + log + "\n"
          + String.join("\n", all.subList(Math.max(0, all.size() - 80), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(no log at " + log + ")";
    }
  }

  @Override
  public void close() {
    if (alive()) {
      stop();
    }
  }

  static Path jar() {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files.filter(p -> p.getFileName().toString().matches("piazza-.*\\.jar"))
          .findFirst().map(Path::toAbsolutePath)
          .orElseThrow(() -> new IllegalStateException("No packaged jar in target/: run the package phase first"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void pause(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
