package it.piazza.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The benchmark harness (issue 7): cold start on a fresh embedded database; then a PostgreSQL of its own (or the one
 * given), Piazza's migrations, a synthetic city bulk-loaded at the chosen scale, Piazza started against it, and three
 * workloads over HTTP with real tokens — submissions, case transitions, citizen-file reads — beside pgbench's
 * simple-update on the same server. Run it with {@code bench/run.sh}; see docs/benchmarks.md.
 */
public final class Bench {

  /** Host names of the demo comuni (application-demo.yml): requests reach a comune by its host. */
  private static final Map<String, String> HOSTS = Map.of("c_b001", "localhost", "c_v002", "valleserena.localhost");

  private final Options o;
  private final Path out;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<String, Object> facts = new LinkedHashMap<>();

  private Bench(Options options) {
    this.o = options;
    this.out = options.out;
  }

  public static void main(String[] args) throws Exception {
    System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
    Options options = Options.parse(args);
    new Bench(options).run();
    System.exit(0);
  }

  private void run() throws Exception {
    Files.createDirectories(out);
    facts.put("date", Instant.now().toString());
    facts.put("scale", o.scale);
    facts.put("people", o.people);
    facts.put("comuni", o.comuni);
    facts.put("concurrency", o.concurrency);
    facts.put("warmupSeconds", o.warmup.toSeconds());
    facts.put("durationSeconds", o.duration.toSeconds());
    facts.put("appJvmOptions", String.join(" ", o.jvmOptions()));
    facts.putAll(Machine.describe());
    if (!o.skipColdStart) {
      coldStart();
    }
    EmbeddedPostgres embedded = null;
    String url = o.dbUrl;
    try {
      if (url == null) {
        Path folder = out.resolve("postgres");
        boolean reuse = o.reuseData && Files.exists(folder.resolve("PG_VERSION"));
        if (!reuse) {
          deleteTree(folder);
        }
        log("Starting PostgreSQL (embedded) in " + folder + (reuse ? ", with the data of the last run" : ""));
        embedded = EmbeddedPostgres.builder().setDataDirectory(folder.toFile()).setCleanDataDirectory(false)
            .setPGStartupWait(Duration.ofSeconds(60)).setServerConfig("max_connections", "200")
            .setServerConfig("fsync", "on").setServerConfig("shared_buffers", "256MB").start();
        try (Connection c = embedded.getPostgresDatabase().getConnection()) {
          var exists = c.createStatement().executeQuery("select 1 from pg_database where datname = 'piazza'");
          if (!exists.next()) {
            c.createStatement().execute("create database piazza encoding 'UTF8' template template0");
          }
        }
        url = embedded.getJdbcUrl("postgres", "piazza");
      }
      facts.put("postgresql", serverVersion(url));
      runAgainst(url);
    } finally {
      if (embedded != null) {
        embedded.close();
      }
    }
    Report.write(out, o.scale, facts);
  }

  private void coldStart() throws Exception {
    Path data = out.resolve("cold-start-data");
    deleteTree(data);
    Path log = out.resolve("app-cold-start.log");
    log("Cold start: Piazza with the embedded PostgreSQL in a fresh " + data);
    try (AppProcess app = AppProcess.start(o.java, o.jar, data, null, null, null, o.jvmOptions(), log)) {
      Duration up = app.awaitUp(Duration.ofMinutes(3), log);
      facts.put("coldStartMs", up.toMillis());
      log("  UP after " + up.toMillis() + " ms");
    }
  }

  private void runAgainst(String url) throws Exception {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(url);
    ds.setUser(o.dbUser);
    if (o.dbPassword != null) {
      ds.setPassword(o.dbPassword);
    }
    Path appData = out.resolve("app-data");
    deleteTree(appData);
    long present = o.reuseData ? casesPresent(ds) : 0;
    if (present >= o.people) {
      // --reuse-data: the city of an earlier run is still there (with what its workloads added); the 10M load
      // takes 20-40 minutes, a re-measurement need not repeat it.
      log("Reusing the " + present + " cases already loaded (--reuse-data)");
      facts.put("reusedCases", present);
    } else {
      log("Migrations and comuni: starting Piazza once against " + url);
      try (AppProcess app = AppProcess.start(o.java, o.jar, appData, url, o.dbUser, o.dbPassword, o.jvmOptions(),
          out.resolve("app-migrate.log"))) {
        facts.put("firstStartMs", app.awaitUp(Duration.ofMinutes(5), out.resolve("app-migrate.log")).toMillis());
      }
      SyntheticCity city = new SyntheticCity(o.people, SyntheticCity.shares(o.comuni), Instant.now());
      log("Loading " + o.people + " people and cases with COPY ...");
      BenchLoader.Loaded loaded = new BenchLoader(ds, city, o.accounts).load(o.loadThreads);
      facts.put("loadMs", loaded.millis());
      facts.put("loadRowsPerSecond", Math.round(loaded.cases() * 1000.0 / Math.max(1, loaded.millis())));
      log("  loaded in " + loaded.millis() + " ms");
    }
    facts.put("databaseBytes", single(ds, "select pg_database_size(current_database())"));

    List<String> jvm = new ArrayList<>(o.jvmOptions());
    if (o.jfr) {
      jvm.add("-XX:StartFlightRecording=filename=" + out.resolve("app.jfr") + ",settings=profile,dumponexit=true");
    }
    if (o.baselineJar != null) {
      compare(url, ds, appData, jvm);
      return;
    }
    Path log = out.resolve("app.log");
    try (AppProcess app = AppProcess.start(o.java, o.jar, appData, url, o.dbUser, o.dbPassword, jvm, log)) {
      facts.put("startWithDataMs", app.awaitUp(Duration.ofMinutes(5), log).toMillis());
      Clients clients = new Clients(app.base(), ds);
      app.startSampling();
      List<Workload.Result> results = workloads(clients, ds);
      app.stopSampling();
      facts.put("peakHeapBytes", app.peakHeapBytes());
      facts.put("peakRssBytes", app.peakRssBytes());
      facts.put("workloads", results);
    }
    explain(ds);
    if (!o.skipPgbench) {
      facts.put("pgbenchTps", Pgbench.run(url, o.dbUser, o.dbPassword, o.concurrency, o.duration, out));
    }
  }

  /**
   * Before/after on one database: the baseline jar and this build take turns, round after round, so that both
   * see the same data and, on a shared machine, the same neighbours.
   */
  private void compare(String url, DataSource ds, Path appData, List<String> jvm) throws Exception {
    Clients clients = null;
    List<Map<String, Object>> rounds = new ArrayList<>();
    for (int round = 1; round <= o.rounds; round++) {
      for (Path jar : List.of(o.baselineJar, o.jar)) {
        String build = jar == o.baselineJar ? "baseline" : "this build";
        Path log = out.resolve("app-" + (jar == o.baselineJar ? "baseline" : "current") + "-" + round + ".log");
        log("Round " + round + ": " + build + " (" + jar.getFileName() + ")");
        try (AppProcess app = AppProcess.start(o.java, jar, appData, url, o.dbUser, o.dbPassword, jvm, log)) {
          app.awaitUp(Duration.ofMinutes(5), log);
          if (clients == null) {
            clients = new Clients(app.base(), ds);
          }
          clients.base = app.base();
          rounds.add(Map.of("round", round, "build", build, "results", workloads(clients, ds)));
        }
      }
    }
    facts.put("comparison", rounds);
  }

  private List<Workload.Result> workloads(Clients clients, DataSource ds) throws Exception {
    List<Workload.Result> results = new ArrayList<>();
    if (o.workloads.contains("submissions")) {
      results.add(submissions(clients));
      drain("submissions", ds);
    }
    if (o.workloads.contains("transitions")) {
      results.add(transitions(clients, ds));
      drain("transitions", ds);
    }
    if (o.workloads.contains("citizen-file")) {
      results.add(citizenFile(clients, ds));
      drain("citizen-file", ds);
    }
    return results;
  }

  /**
   * Waits for the event listeners to finish what a workload left them (fees, decisions to write and seal,
   * preservation packages), so that the next workload is measured alone; reports how long the backlog took.
   */
  private void drain(String workload, DataSource ds) throws Exception {
    String pending = "select count(*) from event_publication where completion_date is null";
    long left = single(ds, pending);
    long started = System.nanoTime();
    while (left > 0 && System.nanoTime() - started < Duration.ofMinutes(15).toNanos()) {
      Thread.sleep(500);
      left = single(ds, pending);
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    @SuppressWarnings("unchecked")
    Map<String, Object> drains = (Map<String, Object>) facts.computeIfAbsent("drainMs", k -> new LinkedHashMap<>());
    drains.put(workload, millis);
    log("  background work after " + workload + " done in " + millis + " ms" + (left > 0 ? " (" + left
        + " event publications still pending)" : ""));
  }

  // ---- workloads ----

  /** The people and operators the clients act as, with their tokens. */
  private final class Clients {
    String base;
    final List<String[]> citizens = new ArrayList<>(); // subject, tenant, token
    final Map<String, String> operators = new HashMap<>(); // tenant/office -> token
    final Map<String, List<String>> casesOf = new HashMap<>(); // subject -> case ids

    Clients(String base, DataSource ds) throws Exception {
      this.base = base;
      List<String[]> accounts = new ArrayList<>();
      try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery("""
          select a.subject, a.tenant_id, a.office_id, a.kind, a.fiscal_code from account a
          where a.subject like 'bench-%' order by a.subject""")) {
        while (rs.next()) {
          accounts.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
              rs.getString(5)});
        }
      }
      // Signing a token costs an RSA signature: ask for them in parallel.
      try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
        List<java.util.concurrent.Future<String>> tokens = new ArrayList<>();
        for (String[] a : accounts) {
          tokens.add(pool.submit(() -> token(a[0])));
        }
        for (int i = 0; i < accounts.size(); i++) {
          String[] a = accounts.get(i);
          if (a[3].equals("operator")) {
            operators.put(a[1] + "/" + a[2], tokens.get(i).get());
          } else {
            citizens.add(new String[] {a[0], a[1], tokens.get(i).get(), a[4]});
          }
        }
      }
      try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery("""
          select a.subject, p.id from account a join application p
            on p.tenant_id = a.tenant_id and p.applicant_fiscal_code = a.fiscal_code
          where a.subject like 'bench-%' and a.kind = 'person'""")) {
        while (rs.next()) {
          casesOf.computeIfAbsent(rs.getString(1), s -> new ArrayList<>()).add(rs.getString(2));
        }
      }
      log("  " + citizens.size() + " citizens and " + operators.size() + " operators signed in");
    }

    String token(String subject) throws Exception {
      HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/demo/token"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"subject\":\"" + subject + "\"}")).build(),
          HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        throw new IllegalStateException("no token for " + subject + ": " + answer.body());
      }
      return answer.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
    }

    String[] anyCitizen() {
      return citizens.get(ThreadLocalRandom.current().nextInt(citizens.size()));
    }
  }

  private static final String CERTIFICATE = """
      {"serviceId":"registry-certificate","data":{"certificateType":"residence","subject":"self",\
      "stampDutyExempt":true,"exemptionReason":"school"}}""";

  private Workload.Result submissions(Clients clients) throws InterruptedException {
    log("Workload: submissions (registry certificates, each with its own Idempotency-Key)");
    return report(Workload.run("submissions", o.concurrency, o.warmup, o.duration, client -> {
      String[] citizen = clients.anyCitizen();
      return expect(201, send(clients.base, "POST", "/api/v1/applications", citizen[1], citizen[2], CERTIFICATE,
          "Idempotency-Key", UUID.randomUUID().toString()));
    }));
  }

  /** Operators take, approve and close open cases of their office: three transitions per case. */
  private Workload.Result transitions(Clients clients, DataSource ds) throws Exception {
    log("Workload: case transitions (take, approve, close) by each office's operator");
    ConcurrentLinkedQueue<String[]> open = new ConcurrentLinkedQueue<>();
    try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery("""
        select tenant_id, office_id, id from application
        where status = 'registered' and workflow <> 'scia' order by random()""")) {
      while (rs.next()) {
        open.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
      }
    }
    log("  " + open.size() + " registered cases to handle");
    String[] actions = {"take", "approve", "close"};
    Map<Integer, String[]> current = new java.util.concurrent.ConcurrentHashMap<>();
    Map<Integer, Integer> step = new java.util.concurrent.ConcurrentHashMap<>();
    Workload.Result result = report(Workload.run("transitions", o.concurrency, o.warmup, o.duration, client -> {
      String[] c = current.get(client);
      int s = step.getOrDefault(client, 0);
      if (c == null || s >= actions.length) {
        c = open.poll();
        if (c == null) {
          throw new Workload.NoMoreWork();
        }
        current.put(client, c);
        s = 0;
      }
      step.put(client, s + 1);
      String token = clients.operators.get(c[0] + "/" + c[1]);
      String body = actions[s].equals("approve") ? "{\"reason\":\"Accolta\"}" : "{}";
      return expect(200, send(clients.base, "POST", "/api/v1/cases/" + c[2] + "/actions/" + actions[s], c[0], token,
          body));
    }));
    if (open.isEmpty()) {
      log("  ran out of registered cases before the end: a lower bound; run at a larger scale");
    }
    return result;
  }

  /** A citizen opens the file (list), then one of their cases (detail). */
  private Workload.Result citizenFile(Clients clients, DataSource ds) throws InterruptedException {
    log("Workload: citizen-file reads (my applications, then one application)");
    List<String[]> withCases = clients.citizens.stream().filter(c -> clients.casesOf.containsKey(c[0])).toList();
    return report(Workload.run("citizen-file", o.concurrency, o.warmup, o.duration, client -> {
      String[] citizen = withCases.get(ThreadLocalRandom.current().nextInt(withCases.size()));
      if (ThreadLocalRandom.current().nextBoolean()) {
        return expect(200, send(clients.base, "GET", "/api/v1/me/applications", citizen[1], citizen[2], null));
      }
      List<String> cases = clients.casesOf.get(citizen[0]);
      String id = cases.get(ThreadLocalRandom.current().nextInt(cases.size()));
      return expect(200, send(clients.base, "GET", "/api/v1/applications/" + id, citizen[1], citizen[2], null));
    }));
  }

  private HttpResponse<String> send(String base, String method, String path, String tenant, String token, String body,
                                    String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    String host = HOSTS.get(tenant);
    if (host != null && !host.equals("localhost")) {
      request.header("Host", host + base.substring(base.lastIndexOf(':')));
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    if (body != null) {
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static boolean expect(int status, HttpResponse<String> answer) {
    if (answer.statusCode() != status) {
      String body = answer.body();
      throw new IllegalStateException("HTTP " + answer.statusCode() + " "
          + body.substring(0, Math.min(160, body.length())));
    }
    return true;
  }

  private Workload.Result report(Workload.Result r) {
    log(String.format("  %s: %.1f req/s, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, %d errors%s", r.name(),
        r.throughput(), r.p50Ms(), r.p95Ms(), r.p99Ms(), r.errors(),
        r.errorSamples().isEmpty() ? "" : " " + r.errorSamples()));
    return r;
  }

  /** The plans of the citizen file's and the office's hot queries at this scale, in explain.txt. */
  private void explain(DataSource ds) throws Exception {
    StringBuilder text = new StringBuilder();
    try (Connection c = ds.getConnection()) {
      String person;
      String id;
      try (ResultSet rs = c.createStatement().executeQuery("""
          select a.fiscal_code, p.id from account a join application p
            on p.tenant_id = a.tenant_id and p.applicant_fiscal_code = a.fiscal_code
          where a.subject like 'bench-%' and a.kind = 'person' and a.tenant_id = 'c_b001' limit 1""")) {
        if (!rs.next()) {
          return;
        }
        person = rs.getString(1);
        id = rs.getString(2);
      }
      for (String sql : List.of(
          "select * from application where tenant_id = 'c_b001' and (applicant_fiscal_code in ('" + person
              + "') or beneficiary_fiscal_code in ('" + person + "')) order by submitted_at desc limit 500",
          "select * from application where tenant_id = 'c_b001' and id = '" + id + "'",
          "select * from case_event where tenant_id = 'c_b001' and case_id = '" + id
              + "' and (office_only = false or false) order by id",
          "select * from application where tenant_id = 'c_b001' and office_id = 'anagrafe'"
              + " order by due_date, submitted_at limit 20 offset 0")) {
        text.append("> ").append(sql).append("\n");
        try (ResultSet rs = c.createStatement().executeQuery("explain (analyze, buffers) " + sql)) {
          while (rs.next()) {
            text.append(rs.getString(1)).append("\n");
          }
        }
        text.append("\n");
      }
    }
    Files.writeString(out.resolve("explain.txt"), text);
  }

  // ---- helpers ----

  private String serverVersion(String url) throws Exception {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(url);
    ds.setUser(o.dbUser);
    if (o.dbPassword != null) {
      ds.setPassword(o.dbPassword);
    }
    try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery("show server_version")) {
      rs.next();
      return "PostgreSQL " + rs.getString(1);
    }
  }

  private static long single(DataSource ds, String sql) throws Exception {
    try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static void deleteTree(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    Path pid = folder.resolve("postmaster.pid");
    if (Files.exists(pid)) {
      // A run that was killed leaves its PostgreSQL behind: stop it (smart shutdown) before wiping its folder.
      List<String> lines = Files.readAllLines(pid);
      if (!lines.isEmpty() && lines.getFirst().strip().matches("[0-9]+")) {
        ProcessHandle.of(Long.parseLong(lines.getFirst().strip())).filter(ProcessHandle::isAlive)
            .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false))
            .ifPresent(orphan -> {
              log("Stopping PostgreSQL " + orphan.pid() + " left running on " + folder);
              orphan.destroy();
              orphan.onExit().orTimeout(60, java.util.concurrent.TimeUnit.SECONDS).join();
            });
      }
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** How many cases the database already holds; 0 when it has no schema yet. */
  private static long casesPresent(PGSimpleDataSource ds) throws SQLException {
    try (Connection c = ds.getConnection(); var rs = c.createStatement().executeQuery(
        "select case when to_regclass('application') is null then 0 else (select count(*) from application) end")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static void log(String line) {
    System.out.println("[bench " + java.time.LocalTime.now().withNano(0) + "] " + line);
  }

  /** Command-line options; see bench/run.sh. */
  static final class Options {
    String scale = "100k";
    long people = 100_000;
    String comuni = "c_b001:0.8,c_v002:0.2";
    int concurrency = 16;
    Duration warmup = Duration.ofSeconds(10);
    Duration duration = Duration.ofSeconds(30);
    String dbUrl;
    String dbUser = "postgres";
    String dbPassword;
    String heap = "512m";
    boolean jfr;
    boolean skipColdStart;
    boolean skipPgbench;
    boolean reuseData;
    int accounts = 200;
    List<String> workloads = List.of("submissions", "transitions", "citizen-file");
    int loadThreads = 3;
    Path jar;
    Path baselineJar;
    int rounds = 2;
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path out;

    List<String> jvmOptions() {
      return List.of("-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError");
    }

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        String v = i + 1 < args.length ? args[i + 1] : null;
        switch (a) {
          case "--scale" -> { o.scale = v; o.people = people(v); i++; }
          case "--comuni" -> { o.comuni = v; i++; }
          case "--concurrency" -> { o.concurrency = Integer.parseInt(v); i++; }
          case "--warmup" -> { o.warmup = Duration.ofSeconds(Long.parseLong(v)); i++; }
          case "--duration" -> { o.duration = Duration.ofSeconds(Long.parseLong(v)); i++; }
          case "--db-url" -> { o.dbUrl = v; i++; }
          case "--db-user" -> { o.dbUser = v; i++; }
          case "--db-password" -> { o.dbPassword = v; i++; }
          case "--heap" -> { o.heap = v; i++; }
          case "--accounts" -> { o.accounts = Integer.parseInt(v); i++; }
          case "--load-threads" -> { o.loadThreads = Integer.parseInt(v); i++; }
          case "--jar" -> { o.jar = Path.of(v); i++; }
          case "--java" -> { o.java = Path.of(v); i++; }
          case "--baseline-jar" -> { o.baselineJar = Path.of(v).toAbsolutePath(); i++; }
          case "--rounds" -> { o.rounds = Integer.parseInt(v); i++; }
          case "--out" -> { o.out = Path.of(v); i++; }
          case "--workloads" -> { o.workloads = List.of(v.split(",")); i++; }
          case "--jfr" -> o.jfr = true;
          case "--skip-cold-start" -> o.skipColdStart = true;
          case "--skip-pgbench" -> o.skipPgbench = true;
          case "--reuse-data" -> o.reuseData = true;
          default -> throw new IllegalArgumentException("unknown option " + a);
        }
      }
      if (o.jar == null) {
        throw new IllegalArgumentException("--jar is required");
      }
      if (o.out == null) {
        o.out = Path.of("target", "bench", o.scale);
      }
      o.out = o.out.toAbsolutePath();
      o.jar = o.jar.toAbsolutePath();
      return o;
    }

    static long people(String scale) {
      String s = scale.toLowerCase(Locale.ROOT);
      if (s.endsWith("k")) {
        return Long.parseLong(s.substring(0, s.length() - 1)) * 1_000;
      }
      if (s.endsWith("m")) {
        return Long.parseLong(s.substring(0, s.length() - 1)) * 1_000_000;
      }
      return Long.parseLong(s);
    }
  }
}
