package it.piazza.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** The results as JSON and as Markdown tables, ready for docs/benchmarks.md, with the targets of issue 7. */
final class Report {

  private Report() {}

  static void write(Path out, String scale, Map<String, Object> facts) throws IOException {
    JsonMapper json = JsonMapper.builder().build();
    Files.writeString(out.resolve("results.json"), json.writerWithDefaultPrettyPrinter().writeValueAsString(facts));
    String md = markdown(scale, facts);
    Files.writeString(out.resolve("results.md"), md);
    Files.writeString(out.getParent().resolve("results-" + scale + ".md"), md);
    System.out.println();
    System.out.println(md);
  }

  @SuppressWarnings("unchecked")
  static String markdown(String scale, Map<String, Object> f) {
    StringBuilder md = new StringBuilder();
    Double tps = (Double) f.get("pgbenchTps");
    md.append("### Scale ").append(scale).append(" — ").append(f.get("date")).append("\n\n");
    md.append(String.format("%s people and cases in comuni `%s`; %s clients per workload, %s s warm-up, %s s measured; "
            + "app `%s`.%n%n", f.get("people"), f.get("comuni"), f.get("concurrency"), f.get("warmupSeconds"),
        f.get("durationSeconds"), f.get("appJvmOptions")));
    List<Workload.Result> workloads = (List<Workload.Result>) f.getOrDefault("workloads", List.of());
    if (!workloads.isEmpty()) {
      md.append("| workload | req/s | p50 ms | p95 ms | p99 ms | max ms | errors | ÷ pgbench TPS |\n");
      md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    }
    for (Workload.Result r : workloads) {
      md.append(String.format("| %s | %.1f | %.2f | %.2f | %.2f | %.1f | %d | %s |%n", r.name(), r.throughput(),
          r.p50Ms(), r.p95Ms(), r.p99Ms(), r.maxMs(), r.errors(),
          tps == null ? "–" : String.format("%.3f", r.throughput() / tps)));
    }
    if (tps != null) {
      md.append(String.format("| pgbench simple-update (-N) | %.0f | | | | | | 1 |%n", tps));
    }
    List<Map<String, Object>> comparison = (List<Map<String, Object>>) f.get("comparison");
    if (comparison != null) {
      md.append("\n| round | build | workload | req/s | p50 ms | p95 ms | p99 ms | errors |\n");
      md.append("|---:|---|---|---:|---:|---:|---:|---:|\n");
      for (Map<String, Object> round : comparison) {
        for (Workload.Result r : (List<Workload.Result>) round.get("results")) {
          md.append(String.format("| %s | %s | %s | %.1f | %.2f | %.2f | %.2f | %d |%n", round.get("round"),
              round.get("build"), r.name(), r.throughput(), r.p50Ms(), r.p95Ms(), r.p99Ms(), r.errors()));
        }
      }
    }
    md.append("\n| measure | value |\n|---|---|\n");
    row(md, "cold start, embedded PostgreSQL, fresh data/ (ms)", f.get("coldStartMs"));
    row(md, "first start against the benchmark database, migrations (ms)", f.get("firstStartMs"));
    row(md, "start with the data loaded (ms)", f.get("startWithDataMs"));
    row(md, "bulk load (ms)", f.get("loadMs"));
    row(md, "bulk load (cases/s, with history and protocol rows)", f.get("loadRowsPerSecond"));
    row(md, "cases already loaded, reused (--reuse-data)", f.get("reusedCases"));
    if (f.get("drainMs") instanceof Map<?, ?> drains) {
      drains.forEach((workload, millis) ->
          row(md, "background work left by " + workload + " (listeners), done after the workload in (ms)", millis));
    }
    row(md, "database size (MB)", mb(f.get("databaseBytes")));
    row(md, "peak heap used under load (MB)", mb(f.get("peakHeapBytes")));
    row(md, "peak RSS, VmHWM (MB)", mb(f.get("peakRssBytes")));
    row(md, "PostgreSQL", f.get("postgresql"));
    row(md, "machine", f.get("cores") + " cores, " + f.get("cpu") + ", " + f.get("memory") + ", " + f.get("disk"));
    row(md, "JDK", f.get("jdk"));
    return md.toString();
  }

  private static Object mb(Object bytes) {
    return bytes instanceof Number n ? Math.round(n.doubleValue() / 1024 / 1024) : null;
  }

  private static void row(StringBuilder md, String what, Object value) {
    if (value != null) {
      md.append("| ").append(what).append(" | ").append(value).append(" |\n");
    }
  }
}
