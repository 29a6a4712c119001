package dev.playground.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.playground.engine.Answer;
import dev.playground.events.Rung;
import dev.playground.faults.FaultKind;
import dev.playground.faults.FaultPlan;
import dev.playground.faults.FaultRule;
import dev.playground.provider.SimulatedProvider;
import dev.playground.scenario.LoadSpec;
import dev.playground.scenario.Scenario;
import dev.playground.scenario.ScenarioJson;
import dev.playground.scenario.ScenarioRun;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The soak: {@code --in-flight} requests (default 2,000) kept in flight through the resilient client for
 * {@code --minutes} (default 10), live: two simulated providers on loopback, the real openai-java SDK, real
 * Failsafe policies, faults on both and an outage of the primary every minute. It samples the heap, watches
 * for a stall or a deadlock, and keeps the books of every request and attempt as the events go by; at the end
 * it checks that the run log holds exactly the events emitted and that the providers' journals stayed bounded.
 * {@code ./mvnw -q -Pbench test-compile exec:exec -Dbench=SoakBench -Dbench.args="--minutes 1"}; options
 * {@code --in-flight N}, {@code --report-every S}, {@code --forget-after S} (the JDK server's
 * {@code maxRspTime}, 900 s by default).
 */
public final class SoakBench {
  private static final String SCENARIO = """
      {"name": "soak", "seed": 2000,
       "providers": [
         {"name": "primary", "faults": {"base_latency": {"lognormal": {"median_ms": 200, "sigma": 0.5}}, "rules": [
            {"kind": "rate_limit", "probability": 0.08, "retry_after_ms": 100},
            {"kind": "service_unavailable", "probability": 0.04},
            {"kind": "reset", "probability": 0.02},
            {"kind": "timeout", "probability": 0.01, "hold_ms": 5000},
            {"kind": "malformed_json", "probability": 0.01},
            {"kind": "slow", "probability": 0.02, "latency": {"fixed_ms": 1500}}]}},
         {"name": "backup", "faults": {"base_latency": {"fixed_ms": 250}, "rules": [
            {"kind": "server_error", "probability": 0.05}]}}],
       "policies": {"chain": [{"provider": "primary", "model": "gpt-4o"}, {"provider": "backup", "model": "gpt-4o-mini"}],
         "retry": {"max_attempts": 3, "delay_ms": 50, "backoff": {"max_delay_ms": 500, "factor": 2}, "jitter": "full",
                   "honour_retry_after": true, "retry_after_cap_ms": 1000},
         "breaker": {"failure_rate_threshold": {"percent": 50, "min_executions": 50, "period_ms": 10000},
                     "delay_ms": 5000},
         "timeout": {"per_attempt_ms": 1000},
         "cache": {"enabled": true, "ttl_ms": 60000, "max_size": 1000},
         "ladder": {"full": true, "limited": true, "cached": true, "error": true}}}
      """;
  private static final Duration STALL = Duration.ofSeconds(30);
  private static double REPORT_EVERY_S = 60;

  private SoakBench() {}

  public static void main(String[] args) throws Exception {
    double minutes = doubleArg(args, "--minutes", 10);
    // The JDK server keeps a connection the provider cut mid-answer (reset, timeout) until this timer forgets it;
    // the provider sets 900 s. A shorter one shows, within a short soak, that this is all that grows.
    double forgetAfter = doubleArg(args, "--forget-after", 0);
    if (forgetAfter > 0) System.setProperty("sun.net.httpserver.maxRspTime", Long.toString((long) forgetAfter));
    int inFlight = (int) doubleArg(args, "--in-flight", 2_000);
    REPORT_EVERY_S = doubleArg(args, "--report-every", 60);
    Scenario scenario = ScenarioJson.parse(SCENARIO, "soak");
    Path log = Files.createTempFile("soak-", ".jsonl");
    int threadsAtStart = ManagementFactory.getThreadMXBean().getThreadCount();
    int[] peakThreads = {0};
    var peakThreadNames = new AtomicReference<String>("");
    System.out.printf(Locale.ROOT, "SoakBench: %,d requests in flight for %.1f min, live (loopback HTTP, openai-java, "
        + "Failsafe), faults on both providers and a 15 s outage of the primary every minute; %d cores, max heap %d MB%n",
        inFlight, minutes, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
    if (forgetAfter > 0)
      System.out.printf(Locale.ROOT, "  (the JDK server forgets connections cut mid-answer after %.0f s, not 900 s)%n",
          forgetAfter);

    var ledger = new SoakLedger();
    var heap = new HeapSampler();
    var answered = new LongAdder();
    var failedFutures = new LongAdder();
    var lastProgress = new AtomicLong(System.nanoTime());
    var longestStall = new AtomicLong();
    var deadlocks = new AtomicLong();
    Semaphore slots = new Semaphore(inFlight);
    ScheduledExecutorService watch = Executors.newScheduledThreadPool(2, r -> {
      Thread t = new Thread(r, "soak-watch");
      t.setDaemon(true);
      return t;
    });
    long start = System.nanoTime();
    long end = start + (long) (minutes * 60e9);
    List<String> journals = new ArrayList<>();
    long maxInFlight;
    try (ScenarioRun run = ScenarioRun.live(scenario, log, ledger)) {
      watch.scheduleAtFixedRate(heap::sample, 0, 250, TimeUnit.MILLISECONDS);
      watch.scheduleAtFixedRate(heap::liveSet, 60, 60, TimeUnit.SECONDS);
      long[] seen = {0};
      watch.scheduleAtFixedRate(() -> {
        long now = System.nanoTime();
        long finished = ledger.requestsFinished.sum();
        if (finished > seen[0]) {
          seen[0] = finished;
          lastProgress.set(now);
        }
        // from the first answer on: the first SDK call loads classes for seconds
        if (seen[0] > 0) longestStall.accumulateAndGet(now - lastProgress.get(), Math::max);
        int threads = ManagementFactory.getThreadMXBean().getThreadCount();
        if (threads > peakThreads[0]) {
          peakThreads[0] = threads;
          peakThreadNames.set(threadNames());
        }
        long[] locked = ManagementFactory.getThreadMXBean().findDeadlockedThreads();
        if (locked != null) deadlocks.set(locked.length);
      }, 1, 1, TimeUnit.SECONDS);
      FaultPlan primary = run.providers().faults("primary");
      watch.scheduleAtFixedRate(() -> run.providers().applyFaults("primary", new FaultPlan(primary.seed(),
          prepend(FaultRule.of(FaultKind.SERVICE_UNAVAILABLE).withWindow(0, 15_000L), primary.rules()),
          primary.baseLatency())), 45, 60, TimeUnit.SECONDS);

      maxInFlight = send(run, slots, inFlight, end, answered, failedFutures, lastProgress);
      long drainStart = System.nanoTime();
      boolean drained = slots.tryAcquire(inFlight, 2, TimeUnit.MINUTES);
      System.out.printf(Locale.ROOT, "  drain           the last requests finished %.1f s after sending stopped%s%n",
          (System.nanoTime() - drainStart) / 1e9, drained ? "" : " (NOT ALL: gave up after 2 min)");
      for (String name : run.providers().names()) {
        SimulatedProvider server = run.providers().server(name);
        journals.add(String.format(Locale.ROOT, "%s %,d kept of %,d received", name, server.journal().size(),
            server.requestCount()));
      }
    }
    watch.shutdownNow();
    double seconds = (System.nanoTime() - start) / 1e9;
    long lines = lines(log);
    long bytes = Files.size(log);
    Files.delete(log);

    long started = ledger.requestsStarted.sum();
    long finished = ledger.requestsFinished.sum();
    System.out.printf(Locale.ROOT, "  requests        %,d started, %,d finished, each exactly once: %s; %,d still open;"
            + " %,.0f requests/s; at most %,d in flight%n", started, finished, ledger.violations.sum() == 0 ? "yes"
            : "NO (" + ledger.violations.sum() + ", first: " + ledger.firstViolation() + ")", ledger.openRequests(),
        finished / seconds, maxInFlight);
    System.out.printf(Locale.ROOT, "  answers         %,d futures completed, %,d failed; by rung: full %,d, limited %,d,"
            + " cached %,d, error %,d%n", answered.sum(), failedFutures.sum(), rung(ledger, Rung.FULL),
        rung(ledger, Rung.LIMITED), rung(ledger, Rung.CACHED), rung(ledger, Rung.ERROR));
    System.out.printf(Locale.ROOT, "  attempts        %,d started, %,d finished, %,d unfinished%n",
        ledger.attemptsStarted.sum(), ledger.attemptsFinished.sum(), ledger.openAttempts());
    System.out.printf(Locale.ROOT, "  events          %,d emitted, %,d lines in the run log (%s), %.0f MB%n",
        ledger.events.get(), lines, lines == ledger.events.get() ? "nothing lost" : "MISMATCH", bytes / 1e6);
    System.out.printf(Locale.ROOT, "  heap            max used %d MB (sampled every 250 ms); left after a collection"
            + " (%,d of them): at most %d MB in the whole run, %d MB in the 2nd minute, %d MB in the last minute%n",
        heap.maxUsed >> 20, heap.collections, heap.maxAfterGc(0, seconds) >> 20, heap.maxAfterGc(60, 120) >> 20,
        heap.maxAfterGc(seconds - 60, seconds) >> 20);
    System.out.printf(Locale.ROOT, "  live heap       after a full collection each minute (MB): %s%n", heap.liveByMinute());
    System.out.printf(Locale.ROOT, "  journal         %s%n", String.join("; ", journals));
    System.out.printf(Locale.ROOT, "  watchdog        longest stretch without a finished request %.1f s (a stall is %d s);"
        + " deadlocked threads: %d%n", longestStall.get() / 1e9, STALL.toSeconds(), deadlocks.get());
    System.out.printf(Locale.ROOT, "  threads         %d before the run, at most %d during it (%s), %d after it%n",
        threadsAtStart, peakThreads[0], peakThreadNames.get(), ManagementFactory.getThreadMXBean().getThreadCount());
    boolean ok = ledger.violations.sum() == 0 && ledger.openRequests() == 0 && ledger.openAttempts() == 0
        && started == finished && lines == ledger.events.get() && deadlocks.get() == 0
        && longestStall.get() < STALL.toNanos();
    System.out.println(ok ? "SoakBench: OK" : "SoakBench: FAILED");
    System.exit(ok ? 0 : 1);
  }

  /** Keeps {@code inFlight} requests outstanding until {@code end}; returns the most seen in flight at once. */
  private static long send(ScenarioRun run, Semaphore slots, int inFlight, long end, LongAdder answered,
      LongAdder failed, AtomicLong lastProgress) throws InterruptedException {
    List<String> prompts = LoadSpec.DEFAULT_PROMPTS;
    long max = 0;
    long i = 0;
    long every = (long) (REPORT_EVERY_S * 1e9);
    long nextReport = System.nanoTime() + every;
    while (System.nanoTime() < end) {
      if (!slots.tryAcquire(1, TimeUnit.SECONDS)) continue;
      max = Math.max(max, inFlight - slots.availablePermits());
      CompletableFuture<Answer> answer;
      try {
        answer = run.client().ask(prompts.get((int) (i++ % prompts.size())) + " #" + i);
      } catch (RuntimeException e) {
        slots.release();
        failed.increment();
        continue;
      }
      answer.whenComplete((a, e) -> {
        if (e == null) answered.increment();
        else failed.increment();
        slots.release();
      });
      if (System.nanoTime() > nextReport) {
        nextReport += every;
        System.out.printf(Locale.ROOT, "  … %,d requests sent, %d in flight, %,d MB heap used%n", i,
            inFlight - slots.availablePermits(), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20);
      }
    }
    return max;
  }

  private static List<FaultRule> prepend(FaultRule first, List<FaultRule> rest) {
    List<FaultRule> all = new ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return all;
  }

  /** "OkHttp 130, llm-reader 64, …": the threads by name, numbers left out. */
  private static String threadNames() {
    var counts = new TreeMap<String, Integer>();
    for (var info : ManagementFactory.getThreadMXBean().dumpAllThreads(false, false)) {
      String name = info.getThreadName().replaceAll("[-#\\s]*\\d+.*$", "").replaceAll("\\s+.*$", "");
      counts.merge(name.isEmpty() ? "other" : name, 1, Integer::sum);
    }
    return counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(6)
        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
  }

  private static long rung(SoakLedger ledger, Rung rung) {
    return ledger.byRung[rung.ordinal()].sum();
  }

  private static long lines(Path file) throws IOException {
    long n = 0;
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int read; (read = in.read(buffer)) > 0; )
        for (int i = 0; i < read; i++) if (buffer[i] == '\n') n++;
    }
    return n;
  }

  private static double doubleArg(String[] args, String name, double fallback) {
    for (int i = 0; i < args.length - 1; i++) if (args[i].equals(name)) return Double.parseDouble(args[i + 1]);
    return fallback;
  }

  /**
   * The heap in use, sampled; and the heap left after each collection (the live data, what must stay bounded),
   * heard from the collectors themselves. Thread-safe.
   */
  private static final class HeapSampler {
    private final long start = System.nanoTime();
    private final List<long[]> afterGc = new ArrayList<>(); // {time, bytes}, guarded by this
    private final List<Long> live = new ArrayList<>(); // MB after a full collection, once a minute
    volatile long maxUsed;
    volatile long collections;

    HeapSampler() {
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        if (gc instanceof NotificationEmitter emitter) emitter.addNotificationListener((n, h) -> {
          if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) return;
          var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
          long live = 0;
          for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            var after = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
            if (pool.getType() == MemoryType.HEAP && after != null) live += after.getUsed();
          }
          synchronized (this) {
            afterGc.add(new long[] {System.nanoTime(), live});
            collections++;
          }
        }, null, null);
      }
    }

    /** A full collection, then what is left: the live data now. Once a minute. */
    void liveSet() {
      System.gc();
      long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      synchronized (this) {
        live.add(used >> 20);
      }
    }

    synchronized List<Long> liveByMinute() {
      return List.copyOf(live);
    }

    void sample() {
      maxUsed = Math.max(maxUsed, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }

    /** The most the heap held right after a collection between {@code fromS} and {@code toS} s into the run. */
    synchronized long maxAfterGc(double fromS, double toS) {
      long max = 0;
      for (long[] s : afterGc) {
        double at = (s[0] - start) / 1e9;
        if (at >= fromS && at <= toS) max = Math.max(max, s[1]);
      }
      return max;
    }
  }
}
