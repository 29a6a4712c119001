package dev.playground.bench;

import dev.playground.clock.VirtualClock;
import dev.playground.lab.HerdLab;
import dev.playground.lab.HerdSettings;
import dev.playground.scenario.Scenario;
import dev.playground.scenario.ScenarioJson;
import dev.playground.scenario.ScenarioRun;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * Virtual time at scale: 100k requests with backoff, jitter, a breaker and a fallback in virtual time (wall
 * time, and simulated time ÷ wall time; goals < 2 s and ≥ 1,000×), and the whole herd grid (goal < 1 s).
 * Medians of 5 runs after 2 warm-ups. {@code ./mvnw -q -Pbench test-compile exec:exec -Dbench=VirtualBench}
 */
public final class VirtualBench {
  private VirtualBench() {}

  static final String SCENARIO = """
      {"name": "hundred-thousand", "providers": [{"name": "sim", "faults": {
         "base_latency": {"lognormal": {"median_ms": 400, "sigma": 0.5}},
         "rules": [{"kind": "service_unavailable", "models": ["gpt-4o"], "window": {"from_ms": 600000, "to_ms": 1800000}},
                   {"kind": "rate_limit", "probability": 0.08, "retry_after_s": 2},
                   {"kind": "server_error", "probability": 0.02}]}}],
       "policies": {"chain": [{"provider": "sim", "model": "gpt-4o"}, {"provider": "sim", "model": "gpt-4o-mini"}],
         "retry": {"max_attempts": 4, "delay_ms": 500, "backoff": {"max_delay_ms": 30000}, "jitter": "full"},
         "breaker": {"failure_threshold": {"failures": 10, "executions": 20}, "delay_ms": 30000},
         "timeout": {"per_attempt_ms": 10000}},
       "load": {"requests": 100000, "rate_per_s": 20}}
      """;

  public static void main(String[] args) {
    Scenario s = ScenarioJson.parse(SCENARIO, "bench");
    double[] wall = new double[5];
    long simulated = 0, calls = 0;
    for (int i = -2; i < wall.length; i++) {
      long t0 = System.nanoTime();
      var summary = ScenarioRun.virtual(s, new VirtualClock(), null, null).runToEnd(Duration.ofHours(1));
      double ms = (System.nanoTime() - t0) / 1e6;
      if (i >= 0) wall[i] = ms;
      simulated = summary.durationMs();
      calls = summary.attempts();
    }
    Arrays.sort(wall);
    double median = wall[2];
    System.out.printf(Locale.ROOT, "100k requests, %d calls, %.1f min of scenario time: wall %.0f ms (median of 5;"
        + " min %.0f, max %.0f): %.0fx faster than real time   (goals: < 2000 ms, >= 1000x)%n",
        calls, simulated / 60000.0, median, wall[0], wall[4], simulated / median);

    double[] herd = new double[5];
    for (int i = -2; i < herd.length; i++) {
      long t0 = System.nanoTime();
      HerdLab.run(HerdSettings.defaults());
      if (i >= 0) herd[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(herd);
    System.out.printf(Locale.ROOT, "herd grid (5 strategies x 4 client counts x 100 trials): wall %.0f ms (median of 5;"
        + " min %.0f, max %.0f)   (goal: < 1000 ms)%n", herd[2], herd[0], herd[4]);
  }
}
