package dev.playground.bench;

import dev.playground.lab.HerdEngine;
import dev.playground.lab.HerdLab;
import dev.playground.lab.HerdListener;
import dev.playground.lab.HerdResult;
import dev.playground.lab.HerdRow;
import dev.playground.lab.HerdSettings;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Wall time of the whole default herd grid (5 strategies × 4 client counts × 100 trials), goal < 1 s, on the
 * project's VirtualClock and, as a baseline in the same JVM, on the lab's allocation-free event loop.
 * {@code ./mvnw -q -Pbench test-compile exec:exec -Dbench=HerdBench [-Dbench.args="WARMUPS RUNS"]}
 */
public final class HerdBench {
  private HerdBench() {}

  public static void main(String[] args) {
    int warmups = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    HerdSettings settings = HerdSettings.defaults();

    HerdResult reference = null;
    for (int i = 0; i < warmups; i++) {
      for (HerdEngine engine : HerdEngine.values()) reference = run(settings, engine);
    }
    Map<HerdEngine, double[]> millis = new EnumMap<>(HerdEngine.class);
    for (HerdEngine engine : HerdEngine.values()) millis.put(engine, new double[runs]);
    for (int i = 0; i < runs; i++) {
      for (HerdEngine engine : HerdEngine.values()) { // interleaved, so drift on a shared machine hits both
        long start = System.nanoTime();
        HerdResult result = run(settings, engine);
        millis.get(engine)[i] = (System.nanoTime() - start) / 1e6;
        if (!result.equals(reference)) throw new AssertionError(engine + " gave another result");
      }
    }

    double calls = 0;
    double simulatedMs = 0;
    for (HerdRow r : reference.rows()) {
      calls += r.callsMean() * r.trials();
      simulatedMs += r.completionMsMean() * r.trials();
    }
    double events = 2 * calls; // one event at the server for each read and each write
    System.out.printf(Locale.ROOT, "HerdBench: default grid = %d strategies × %s clients × %d trials%n",
        settings.strategies().size(), settings.clients(), settings.trials());
    System.out.printf(Locale.ROOT, "  per grid: %.0f calls, %.0f events, %.0f s of virtual time%n",
        calls, events, simulatedMs / 1_000);
    System.out.printf(Locale.ROOT, "  %d warm-up rounds, %d measured rounds per engine, interleaved%n", warmups, runs);
    for (HerdEngine engine : HerdEngine.values()) {
      double[] sorted = millis.get(engine).clone();
      Arrays.sort(sorted);
      double median = median(sorted);
      System.out.printf(Locale.ROOT,
          "  %-13s median %6.1f ms  (min %6.1f, max %6.1f)  %5.0f ns/event  %,9.0f× virtual speed  goal < 1000 ms: %s%n",
          engine, median, sorted[0], sorted[sorted.length - 1], median * 1e6 / events, simulatedMs / median,
          median < 1_000 ? "met" : "MISSED");
    }
    double clock = median(sorted(millis.get(HerdEngine.VIRTUAL_CLOCK)));
    double loop = median(sorted(millis.get(HerdEngine.EVENT_LOOP)));
    System.out.printf(Locale.ROOT, "  VirtualClock / own loop: %.2f× (%.0f ns more per event)%n",
        clock / loop, (clock - loop) * 1e6 / events);
  }

  private static HerdResult run(HerdSettings settings, HerdEngine engine) {
    return HerdLab.run(settings, engine, HerdListener.NONE, () -> false);
  }

  private static double[] sorted(double[] values) {
    double[] copy = values.clone();
    Arrays.sort(copy);
    return copy;
  }

  private static double median(double[] sorted) {
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
}
