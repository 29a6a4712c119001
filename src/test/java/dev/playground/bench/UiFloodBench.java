package dev.playground.bench;

import dev.playground.events.RunEvent;
import dev.playground.session.PlaygroundActions;
import dev.playground.ui.Renumber;
import dev.playground.ui.ScriptedRun;
import dev.playground.ui.main.PlaygroundWindow;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The real window, the real batcher and charts, flooded with a realistic mix of run events (≥ 5,000/s for a
 * minute); pulses are timed with an {@link AnimationTimer}. Compares the frame rate with the idle rate of the
 * same run and reports the longest gap between pulses. Needs a display (Xvfb) or Monocle.
 *
 * <p>{@code ./mvnw -q -Pbench test-compile exec:exec -Dbench=UiFloodBench [-Dbench.args="IDLE_S FLOOD_S RATE WARMUP_S"]}
 */
public final class UiFloodBench {
  private UiFloodBench() {}

  /** Pulse times, and the FX thread's work in each pulse (timers, drain, CSS, layout), kept on the FX thread. */
  private static final class Pulses {
    long[] t = new long[1 << 16];
    long[] work = new long[1 << 16];
    int n, w;
    long started;
    volatile boolean on;

    void add(long now) {
      started = now;
      if (!on) return;
      if (n == t.length) t = Arrays.copyOf(t, n * 2);
      t[n++] = now;
    }

    void laidOut(long now) {
      if (!on) return;
      if (w == work.length) work = Arrays.copyOf(work, w * 2);
      work[w++] = now - started;
    }

    /** Called on the FX thread, so it never races with add. */
    long[][] take() {
      long[][] out = {Arrays.copyOf(t, n), Arrays.copyOf(work, w)};
      n = 0;
      w = 0;
      return out;
    }
  }

  private static long[][] takeOnFx(Pulses pulses) throws Exception {
    CompletableFuture<long[][]> out = new CompletableFuture<>();
    Platform.runLater(() -> out.complete(pulses.take()));
    return out.get();
  }

  public static void main(String[] args) throws Exception {
    int idleS = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    int floodS = args.length > 1 ? Integer.parseInt(args[1]) : 60;
    int rate = args.length > 2 ? Integer.parseInt(args[2]) : 6_000;
    int warmupS = args.length > 3 ? Integer.parseInt(args[3]) : 10;
    // one request per ms in scenario time, a 429 storm from 5 s on: ~6 events per request
    List<RunEvent> script = ScriptedRun.stormRun(11, 20_000, 1, 5_000);
    long scriptSpan = script.get(script.size() - 1).tMs() + 1;
    long scriptReqs = 20_000;

    Pulses pulses = new Pulses();
    CountDownLatch shown = new CountDownLatch(1);
    PlaygroundWindow[] window = new PlaygroundWindow[1];
    Platform.startup(() -> {
      window[0] = PlaygroundWindow.create(PlaygroundActions.unavailable());
      window[0].setBreakerDelay(ScriptedRun.PRIMARY, Duration.ofMillis(ScriptedRun.BREAKER_DELAY_MS));
      Stage stage = new Stage();
      stage.setTitle(PlaygroundWindow.TITLE);
      stage.setScene(window[0].createScene(1280, 800));
      stage.getScene().addPostLayoutPulseListener(() -> pulses.laidOut(System.nanoTime()));
      stage.show();
      new AnimationTimer() {
        @Override
        public void handle(long now) {
          pulses.add(System.nanoTime());
        }
      }.start();
      shown.countDown();
    });
    shown.await();
    idleFor(3); // let the window settle before measuring

    Consumer<RunEvent> sink = window[0].events();
    long[] cursor = new long[3]; // seq, script index, loop: the warm-up and the measured flood continue one stream
    flood(sink, script, scriptSpan, scriptReqs, warmupS, rate, cursor); // JIT and GC settle; not measured
    takeOnFx(pulses);
    pulses.on = true;
    idleFor(idleS); // the idle rate: the same window, nothing arriving
    long[][] idleAll = takeOnFx(pulses);
    long[] idle = idleAll[0];
    long gcBefore = gcMillis();
    long sentBefore = cursor[0];
    flood(sink, script, scriptSpan, scriptReqs, floodS, rate, cursor);
    AtomicLong sent = new AtomicLong(cursor[0] - sentBefore);
    long[][] floodAll = takeOnFx(pulses);
    long[] flood = floodAll[0];
    pulses.on = false;
    long gcDuring = gcMillis() - gcBefore;
    System.out.printf("load average at the end: %.1f on %d cores%n",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        Runtime.getRuntime().availableProcessors());

    double idleFps = fps(idle), floodFps = fps(flood);
    System.out.printf("UiFloodBench: %d events in %d s = %.0f events/s (prism %s)%n", sent.get(), floodS,
        sent.get() / (double) floodS, System.getProperty("prism.order", "default"));
    System.out.printf("idle : median fps per second %.1f, mean fps %.1f, median gap %.1f ms, max gap %.1f ms%n",
        medianPerSecondFps(idle), idleFps, medianGapMs(idle), maxGapMs(idle));
    System.out.printf("flood: median fps per second %.1f, mean fps %.1f, median gap %.1f ms, max gap %.1f ms%n",
        medianPerSecondFps(flood), floodFps, medianGapMs(flood), maxGapMs(flood));
    System.out.printf("flood: gaps > 50 ms: %d, > 100 ms: %d, longest five at (s into the flood): %s; GC time during the flood %d ms%n",
        gapsOver(flood, 50), gapsOver(flood, 100), longestGaps(flood, 5), gcDuring);
    System.out.printf("FX-thread work per pulse (timers, drain, CSS, layout): idle median %.2f ms p99 %.2f ms; flood median %.2f ms p99 %.2f ms max %.1f ms%n",
        pct(idleAll[1], 50), pct(idleAll[1], 99), pct(floodAll[1], 50), pct(floodAll[1], 99), pct(floodAll[1], 100));
    System.out.printf("ratio flood/idle (median per-second fps): %.3f  (goal >= 0.92); max gap goal <= 100 ms%n",
        medianPerSecondFps(flood) / medianPerSecondFps(idle));
    Platform.exit();
    System.exit(0);
  }

  /** Sends the script at {@code rate} events/s for {@code seconds}, time and requests moved on at each loop. */
  private static void flood(Consumer<RunEvent> sink, List<RunEvent> script, long span, long reqs, int seconds,
      int rate, long[] cursor) throws InterruptedException {
    Thread producer = new Thread(() -> {
      long start = System.nanoTime();
      long end = start + seconds * 1_000_000_000L;
      long first = cursor[0];
      while (System.nanoTime() < end) {
        long due = first + (System.nanoTime() - start) * rate / 1_000_000_000L;
        while (cursor[0] < due) {
          RunEvent e = script.get((int) cursor[1]);
          if (!(e instanceof RunEvent.RunStarted)) {
            sink.accept(Renumber.shifted(e, cursor[0], cursor[2] * span, cursor[2] * reqs));
            cursor[0]++;
          }
          if (++cursor[1] == script.size()) {
            cursor[1] = 0;
            cursor[2]++;
          }
        }
        LockSupport.parkNanos(200_000);
      }
    }, "flood");
    producer.start();
    producer.join();
  }

  /** Lets wall time pass: a benchmark measures the window over real seconds. */
  private static void idleFor(long seconds) {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    for (long left; (left = end - System.nanoTime()) > 0; ) LockSupport.parkNanos(left);
  }

  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
  }

  private static int gapsOver(long[] t, double ms) {
    int n = 0;
    for (int i = 1; i < t.length; i++) if ((t[i] - t[i - 1]) / 1e6 > ms) n++;
    return n;
  }

  private static String longestGaps(long[] t, int k) {
    List<long[]> gaps = new ArrayList<>();
    for (int i = 1; i < t.length; i++) gaps.add(new long[] {t[i] - t[i - 1], t[i - 1] - t[0]});
    gaps.sort((a, b) -> Long.compare(b[0], a[0]));
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < Math.min(k, gaps.size()); i++) {
      out.append(String.format(Locale.ROOT, "%.0f ms@%.1f s ", gaps.get(i)[0] / 1e6, gaps.get(i)[1] / 1e9));
    }
    return out.toString().trim();
  }

  private static double pct(long[] nanos, double p) {
    if (nanos.length == 0) return 0;
    long[] s = nanos.clone();
    Arrays.sort(s);
    return s[(int) Math.min(s.length - 1, Math.ceil(p / 100 * s.length) - 1 < 0 ? 0 : Math.ceil(p / 100 * s.length) - 1)] / 1e6;
  }

  private static double fps(long[] t) {
    return t.length < 2 ? 0 : (t.length - 1) / ((t[t.length - 1] - t[0]) / 1e9);
  }

  private static double medianPerSecondFps(long[] t) {
    if (t.length < 2) return 0;
    List<Double> perSecond = new ArrayList<>();
    int from = 0;
    for (int i = 1; i < t.length; i++) {
      if (t[i] - t[from] >= 1_000_000_000L) {
        perSecond.add((i - from) / ((t[i] - t[from]) / 1e9));
        from = i;
      }
    }
    return median(perSecond.stream().mapToDouble(Double::doubleValue).toArray());
  }

  private static double medianGapMs(long[] t) {
    double[] gaps = new double[Math.max(0, t.length - 1)];
    for (int i = 1; i < t.length; i++) gaps[i - 1] = (t[i] - t[i - 1]) / 1e6;
    return median(gaps);
  }

  private static double maxGapMs(long[] t) {
    long max = 0;
    for (int i = 1; i < t.length; i++) max = Math.max(max, t[i] - t[i - 1]);
    return max / 1e6;
  }

  private static double median(double[] v) {
    if (v.length == 0) return 0;
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }
}
