package dev.playground.bench;

import dev.playground.clock.LiveClock;
import dev.playground.clock.VirtualClock;
import dev.playground.events.RetryReason;
import dev.playground.events.RunEvent;
import dev.playground.events.RunEventJson;
import dev.playground.events.RunLogWriter;
import dev.playground.events.RunRecorder;
import dev.playground.events.RunSummary;
import dev.playground.events.Rung;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Events per second through the run-log path (recorder → JSON → writer → temp file, until {@code close} has put
 * every line in the file), against the recorder alone as the baseline; JSON encoding per event; summary cost per
 * event. Publishers stamp from the live clock, as in a live run. Prints the median of several rounds after warm-up.
 * {@code ./mvnw -q -Pbench test-compile exec:exec -Dbench=EventsBench [-Dbench.args="ROUNDS EVENTS"]}
 */
public final class EventsBench {
  private static final int REQUEST_EVENTS = 7;

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int events = args.length > 1 ? Integer.parseInt(args[1]) : 700_000;
    System.out.printf(Locale.ROOT, "EventsBench: %d events a round, median of %d rounds after 2 warm-up rounds%n",
        events, rounds);
    Path dir = Files.createTempDirectory("events-bench");
    try {
      report("recorder alone, 1 thread", rounds, () -> throughput(null, 1, events), "events/s");
      report("recorder alone, 4 threads", rounds, () -> throughput(null, 4, events), "events/s");
      report("recorder + JSON + log file, 1 thread", rounds, () -> throughput(dir, 1, events), "events/s");
      report("recorder + JSON + log file, 4 threads", rounds, () -> throughput(dir, 4, events), "events/s");
      List<RunEvent> sample = sampleRun(events);
      report("JSON encoding alone", rounds, () -> encodeNanos(sample), "ns/event");
      report("summary", rounds, () -> summaryNanos(sample), "ns/event");
    } finally {
      try (var files = Files.list(dir)) {
        for (Path p : files.toList()) Files.deleteIfExists(p);
      }
      Files.deleteIfExists(dir);
    }
  }

  private static void report(String name, int rounds, Callable<Double> round, String unit) throws Exception {
    round.call();
    round.call();
    double[] values = new double[rounds];
    for (int i = 0; i < rounds; i++) values[i] = round.call();
    Arrays.sort(values);
    System.out.printf(Locale.ROOT, "  %-40s median %,12.0f %s   (min %,.0f, max %,.0f)%n", name,
        values[rounds / 2], unit, values[0], values[rounds - 1]);
  }

  /** Events per second from {@code threads} publishers, to a fresh log in {@code dir} (or to nothing). */
  private static double throughput(Path dir, int threads, int events) throws Exception {
    var clock = new LiveClock();
    var recorder = new RunRecorder(clock);
    Path file = dir == null ? null : Files.createTempFile(dir, "run", ".jsonl");
    RunLogWriter writer = file == null ? null : RunLogWriter.open(file);
    if (writer != null) recorder.subscribe(writer);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    int requestsPerThread = events / REQUEST_EVENTS / threads;
    var start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      long first = (long) t * requestsPerThread;
      done.add(pool.submit(() -> {
        start.await();
        for (long req = first; req < first + requestsPerThread; req++) publishRequest(recorder, req);
        return null;
      }));
    }
    long t0 = System.nanoTime();
    start.countDown();
    for (Future<?> f : done) f.get();
    if (writer != null) writer.close();
    long elapsed = System.nanoTime() - t0;
    pool.shutdown();
    clock.close();
    if (file != null) Files.delete(file);
    return recorder.published() * 1e9 / elapsed;
  }

  private static void publishRequest(RunRecorder r, long req) {
    r.publish((s, t) -> new RunEvent.RequestStarted(s, t, req, "What is a circuit breaker?"));
    r.publish((s, t) -> new RunEvent.AttemptStarted(s, t, req, 1, 1, "sim", "gpt-4o-mini", Rung.FULL));
    r.publish((s, t) -> new RunEvent.AttemptFinished(s, t, req, 1, 1, "sim", "gpt-4o-mini", Rung.FULL,
        "rate_limited", 429, 12.5 + (req % 100), 1000L, "req_" + req, "Rate limit reached",
        Map.of("retry-after", "1")));
    r.publish((s, t) -> new RunEvent.RetryScheduled(s, t, req, 1, "sim", "gpt-4o-mini", 1000,
        RetryReason.RETRY_AFTER, 1000L));
    r.publish((s, t) -> new RunEvent.AttemptStarted(s, t, req, 2, 2, "sim", "gpt-4o-mini", Rung.FULL));
    r.publish((s, t) -> new RunEvent.AttemptFinished(s, t, req, 2, 2, "sim", "gpt-4o-mini", Rung.FULL,
        "ok", 200, 40 + (req % 37) * 0.25, null, "req_" + req + "b", null, Map.of()));
    r.publish((s, t) -> new RunEvent.RequestFinished(s, t, req, req % 10 == 0 ? Rung.CACHED : Rung.FULL, "sim",
        "gpt-4o-mini", "ok", 1052 + (req % 400), 2, "A circuit breaker stops calls to a failing service."));
  }

  private static List<RunEvent> sampleRun(int events) {
    var recorder = new RunRecorder(new VirtualClock());
    var out = new ArrayList<RunEvent>(events);
    recorder.subscribe(out::add);
    for (long req = 0; out.size() + REQUEST_EVENTS <= events; req++) publishRequest(recorder, req);
    return out;
  }

  private static double encodeNanos(List<RunEvent> events) {
    long bytes = 0;
    long t0 = System.nanoTime();
    for (RunEvent e : events) bytes += RunEventJson.toJson(e).length();
    long elapsed = System.nanoTime() - t0;
    if (bytes == 0) throw new AssertionError();
    return (double) elapsed / events.size();
  }

  private static double summaryNanos(List<RunEvent> events) {
    long t0 = System.nanoTime();
    var summary = RunSummary.of(events);
    long elapsed = System.nanoTime() - t0;
    if (summary.requests() == 0) throw new AssertionError();
    return (double) elapsed / events.size();
  }
}
