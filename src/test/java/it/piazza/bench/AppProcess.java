package it.piazza.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Piazza started from its jar as a separate process, as in production; watched for heap and resident memory. */
final class AppProcess implements AutoCloseable {

  private static final Pattern HEAP = Pattern.compile("^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} (\\S+)",
      Pattern.MULTILINE);

  private final Process process;
  private final int port;
  private final long startedNanos;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final AtomicLong peakHeap = new AtomicLong();
  private volatile boolean sampling;
  private Thread sampler;

  private AppProcess(Process process, int port, long startedNanos) {
    this.process = process;
    this.port = port;
    this.startedNanos = startedNanos;
  }

  /**
   * Starts the jar. {@code dbUrl} null: the embedded PostgreSQL under {@code dataDir}. {@code jvmOptions} e.g.
   * -Xmx512m and a flight recording.
   */
  static AppProcess start(Path java, Path jar, Path dataDir, String dbUrl, String dbUser, String dbPassword,
                          List<String> jvmOptions, Path log) throws IOException {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toString());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
    Map<String, String> env = builder.environment();
    env.put("PIAZZA_PORT", Integer.toString(port));
    env.put("PIAZZA_DATA_DIR", dataDir.toString());
    env.remove("SPRING_PROFILES_ACTIVE");
    if (dbUrl != null) {
      env.put("PIAZZA_DB_URL", dbUrl);
      env.put("PIAZZA_DB_USERNAME", dbUser);
      env.put("PIAZZA_DB_PASSWORD", dbPassword == null ? "" : dbPassword);
    } else {
      env.remove("PIAZZA_DB_URL");
    }
    Files.createDirectories(dataDir);
    long started = System.nanoTime();
    Process process = builder.start();
    // If the harness is interrupted, Piazza (and its embedded PostgreSQL) must not outlive it.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (process.isAlive()) {
        process.destroy();
      }
    }));
    return new AppProcess(process, port, started);
  }

  String base() {
    return "http://localhost:" + port;
  }

  long pid() {
    return process.pid();
  }

  /** Waits for {@code /actuator/health} to answer UP; answers the time since the process was started. */
  Duration awaitUp(Duration timeout, Path log) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Piazza exited with " + process.exitValue() + "; see " + log);
      }
      try {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
          return Duration.ofNanos(System.nanoTime() - startedNanos);
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(25);
    }
    throw new IllegalStateException("Piazza not UP within " + timeout + "; see " + log);
  }

  /** Samples the used heap (all heap pools, from the Prometheus endpoint) every 200 ms until stopped. */
  void startSampling() {
    sampling = true;
    sampler = Thread.ofPlatform().daemon().name("heap-sampler").start(() -> {
      while (sampling) {
        sampleHeap();
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
  }

  void stopSampling() throws InterruptedException {
    sampling = false;
    if (sampler != null) {
      sampler.join(5_000);
    }
  }

  private void sampleHeap() {
    try {
      String text = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/prometheus"))
          .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
      Matcher m = HEAP.matcher(text);
      double used = 0;
      while (m.find()) {
        used += Double.parseDouble(m.group(1));
      }
      long bytes = (long) used;
      peakHeap.accumulateAndGet(bytes, Math::max);
    } catch (IOException | InterruptedException | NumberFormatException e) {
      // a missed sample
    }
  }

  long peakHeapBytes() {
    return peakHeap.get();
  }

  /** VmHWM: the peak resident set size of the process so far (Linux). */
  long peakRssBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  /** SIGTERM (graceful shutdown, which also stops an embedded PostgreSQL); SIGKILL after a minute. */
  @Override
  public void close() throws InterruptedException {
    if (sampler != null) {
      stopSampling();
    }
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
