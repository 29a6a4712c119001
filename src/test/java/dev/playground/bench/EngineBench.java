package dev.playground.bench;

import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The cost of the full policy stack against the same call without policies on the same loopback server:
 * p50 (and p90, p99) of each under JMH's sample mode, and their ratio. Goal: ≤ 1.02× at p50.
 * {@code ./mvnw -q -Pbench test-compile exec:exec -Dbench=EngineBench [-Dbench.args="FORKS SECONDS"]}
 */
public final class EngineBench {
  private EngineBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("pairs")) {
      if (args.length > 2) System.setProperty("engine.variant", args[2]);
      interleaved(args.length > 1 ? Integer.parseInt(args[1]) : 20_000);
      return;
    }
    int forks = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    var options = new OptionsBuilder()
        .include(EngineStackBench.class.getName())
        .forks(forks)
        .warmupIterations(3).warmupTime(TimeValue.seconds(seconds))
        .measurementIterations(5).measurementTime(TimeValue.seconds(seconds))
        .jvmArgsAppend("-Dsun.net.httpserver.nodelay=true", "-Xmx1g")
        .build();
    double[] bare = null;
    double[] full = null;
    for (RunResult r : new Runner(options).run()) {
      var stats = r.getPrimaryResult().getStatistics();
      double[] p = {stats.getPercentile(50), stats.getPercentile(90), stats.getPercentile(99)};
      if (r.getParams().getBenchmark().endsWith("bareCall")) bare = p;
      else full = p;
    }
    System.out.printf(Locale.ROOT, "%n%-18s %10s %10s %10s%n", "µs per call", "p50", "p90", "p99");
    System.out.printf(Locale.ROOT, "%-18s %10.1f %10.1f %10.1f%n", "bare call", bare[0], bare[1], bare[2]);
    System.out.printf(Locale.ROOT, "%-18s %10.1f %10.1f %10.1f%n", "full policy stack", full[0], full[1], full[2]);
    System.out.printf(Locale.ROOT, "%-18s %9.3fx %9.3fx %9.3fx   (goal at p50: ≤ 1.02x)%n", "ratio",
        full[0] / bare[0], full[1] / bare[1], full[2] / bare[2]);
    interleaved(args.length > 2 ? Integer.parseInt(args[2]) : 20_000);
  }

  /**
   * The same two calls alternated one by one in one JVM, so that the machine's load changes hit both alike
   * (JMH runs one benchmark after the other): p50 of each over many pairs, and the ratio.
   */
  static void interleaved(int pairs) throws Exception {
    var state = new EngineStackBench();
    state.start();
    try {
      for (int i = 0; i < 3_000; i++) {
        state.bareCall();
        state.fullPolicyStack();
      }
      var bare = new org.HdrHistogram.Histogram(3);
      var full = new org.HdrHistogram.Histogram(3);
      for (int i = 0; i < pairs; i++) {
        boolean bareFirst = (i & 1) == 0;
        for (int k = 0; k < 2; k++) {
          boolean doBare = bareFirst == (k == 0);
          long t0 = System.nanoTime();
          if (doBare) state.bareCall();
          else state.fullPolicyStack();
          long ns = System.nanoTime() - t0;
          (doBare ? bare : full).recordValue(ns);
        }
      }
      System.out.printf(Locale.ROOT, "%ninterleaved, %d pairs  p50 bare %.1f µs, full %.1f µs: ratio %.3fx;"
          + "  p90 ratio %.3fx%n", pairs, bare.getValueAtPercentile(50) / 1e3, full.getValueAtPercentile(50) / 1e3,
          (double) full.getValueAtPercentile(50) / bare.getValueAtPercentile(50),
          (double) full.getValueAtPercentile(90) / bare.getValueAtPercentile(90));
    } finally {
      state.stop();
    }
  }
}
