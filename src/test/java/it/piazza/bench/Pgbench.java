package it.piazza.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pgbench's built-in simple-update script ({@code -N}) on the same server, in a database of its own: the yardstick
 * the workloads are compared with (docs/reference/performance-anchors.md).
 */
final class Pgbench {

  private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");
  private static final int SCALE = 10;

  private Pgbench() {}

  static double run(String jdbcUrl, String user, String password, int clients, Duration duration, Path out)
      throws IOException, InterruptedException {
    URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
    String host = uri.getHost();
    String port = Integer.toString(uri.getPort() < 0 ? 5432 : uri.getPort());
    Bench.log("pgbench: simple-update (-N), " + clients + " clients, " + duration.toSeconds() + " s");
    exec(out, password, "psql", "-h", host, "-p", port, "-U", user, "-d", "postgres", "-q", "-c",
        "drop database if exists pgbench");
    exec(out, password, "psql", "-h", host, "-p", port, "-U", user, "-d", "postgres", "-q", "-c",
        "create database pgbench");
    exec(out, password, "pgbench", "-h", host, "-p", port, "-U", user, "-i", "-q", "-s", Integer.toString(SCALE),
        "pgbench");
    String result = exec(out, password, "pgbench", "-h", host, "-p", port, "-U", user, "-N", "-n",
        "-c", Integer.toString(clients), "-j", Integer.toString(Math.min(clients, 4)),
        "-T", Long.toString(duration.toSeconds()), "pgbench");
    exec(out, password, "psql", "-h", host, "-p", port, "-U", user, "-d", "postgres", "-q", "-c",
        "drop database if exists pgbench");
    Matcher m = TPS.matcher(result);
    if (!m.find()) {
      throw new IllegalStateException("no tps in pgbench output:\n" + result);
    }
    double tps = Double.parseDouble(m.group(1));
    Bench.log(String.format("  pgbench simple-update: %.0f tps", tps));
    return tps;
  }

  private static String exec(Path out, String password, String... command) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(command));
    ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true);
    if (password != null) {
      builder.environment().put("PGPASSWORD", password);
    }
    Process p = builder.start();
    String text = new String(p.getInputStream().readAllBytes());
    Files.writeString(out.resolve("pgbench.log"), String.join(" ", cmd) + "\n" + text + "\n",
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", cmd) + " failed:\n" + text);
    }
    return text;
  }
}
