package dev.playground.lab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * The thundering-herd lab, after Marc Brooker's "Exponential Backoff And Jitter": for each strategy and number
 * of clients, runs the trials of the contention model in virtual time and summarises calls and completion
 * time. A run is a pure function of its settings (the seed included). Thread-safe (stateless); a run uses
 * only the calling thread.
 */
public final class HerdLab {
  private HerdLab() {}

  /** Runs the whole grid on the project's virtual clock. */
  public static HerdResult run(HerdSettings settings) {
    return run(settings, HerdEngine.VIRTUAL_CLOCK, HerdListener.NONE, () -> false);
  }

  /**
   * Runs the whole grid, telling {@code listener} as it goes.
   *
   * @param cancelled asked before every trial; when it answers true (or the thread is interrupted) the run
   *     stops with a {@link CancellationException}
   */
  public static HerdResult run(
      HerdSettings settings, HerdEngine engine, HerdListener listener, BooleanSupplier cancelled) {
    if (settings == null) throw new IllegalArgumentException("settings must be set");
    EventLoop.Factory loops = engine.loops();
    long total = settings.totalTrials();
    long done = 0;
    int trials = settings.trials();
    double[] calls = new double[trials];
    double[] completionMs = new double[trials];
    List<HerdRow> rows = new ArrayList<>();
    // client counts outside, strategies inside: every strategy's line grows together on a live chart
    for (int clients : settings.clients()) {
      for (HerdStrategy strategy : settings.strategies()) {
        for (int trial = 0; trial < trials; trial++) {
          if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted())
            throw new CancellationException("herd lab cancelled after " + done + " of " + total + " trials");
          long[] outcome = HerdTrial.run(settings, strategy, clients, trial, loops);
          calls[trial] = outcome[0];
          completionMs[trial] = outcome[1] / 1e6;
          listener.onProgress(++done, total);
        }
        HerdRow row = new HerdRow(strategy, clients, trials,
            mean(calls), median(calls), mean(completionMs), median(completionMs));
        rows.add(row);
        listener.onRow(row);
      }
    }
    List<HerdStrategy> order = settings.strategies();
    rows.sort(Comparator.<HerdRow>comparingInt(r -> order.indexOf(r.strategy()))
        .thenComparingInt(HerdRow::clients));
    return new HerdResult(settings, rows);
  }

  static double mean(double[] values) {
    double sum = 0;
    for (double v : values) sum += v;
    return sum / values.length;
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
}
