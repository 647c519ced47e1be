package it.piazza.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A closed-loop workload: {@code concurrency} clients each send one request after the other for a warm-up, then for
 * the measured duration; latencies of the measured part go to an HdrHistogram.
 */
final class Workload {

  /** One request; answers whether it succeeded. {@code client} is the client's number. */
  interface Call {
    boolean send(int client) throws Exception;
  }

  record Result(String name, int concurrency, double seconds, long ok, long errors, double throughput, double p50Ms,
                double p95Ms, double p99Ms, double maxMs, Map<String, Long> errorSamples) {}

  private Workload() {}

  static Result run(String name, int concurrency, Duration warmup, Duration duration, Call call)
      throws InterruptedException {
    Recorder recorder = new Recorder(3);
    AtomicBoolean measuring = new AtomicBoolean(false);
    AtomicBoolean stop = new AtomicBoolean(false);
    AtomicLong ok = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    Map<String, Long> samples = new ConcurrentHashMap<>();
    List<Thread> clients = new ArrayList<>();
    for (int i = 0; i < concurrency; i++) {
      int client = i;
      clients.add(Thread.ofPlatform().name(name + "-" + i).start(() -> {
        while (!stop.get()) {
          long started = System.nanoTime();
          boolean success;
          String failure = null;
          try {
            success = call.send(client);
          } catch (NoMoreWork e) {
            return;
          } catch (Exception e) {
            success = false;
            failure = e.getClass().getSimpleName() + ": " + e.getMessage();
          }
          long took = System.nanoTime() - started;
          if (measuring.get()) {
            if (success) {
              recorder.recordValue(took);
              ok.incrementAndGet();
            } else {
              errors.incrementAndGet();
              if (failure != null && samples.size() < 5) {
                samples.merge(failure, 1L, Long::sum);
              }
            }
          }
        }
      }));
    }
    Thread.sleep(warmup.toMillis());
    recorder.reset();
    measuring.set(true);
    long started = System.nanoTime();
    Thread.sleep(duration.toMillis());
    measuring.set(false);
    double seconds = (System.nanoTime() - started) / 1e9;
    stop.set(true);
    Histogram h = recorder.getIntervalHistogram();
    for (Thread t : clients) {
      t.join(30_000);
    }
    return new Result(name, concurrency, seconds, ok.get(), errors.get(), ok.get() / seconds,
        ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(95)), ms(h.getValueAtPercentile(99)),
        ms(h.getMaxValue()), Map.copyOf(samples));
  }

  /** Thrown by a call when its client has nothing left to do (e.g. no more open cases to handle). */
  static final class NoMoreWork extends RuntimeException {
    NoMoreWork() {
      super(null, null, false, false);
    }
  }

  private static double ms(long nanos) {
    return Math.round(nanos / 10_000.0) / 100.0;
  }
}
