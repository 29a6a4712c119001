package dev.playground.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playground.clock.VirtualClock;
import dev.playground.events.RunEvent.RetryScheduled;
import dev.playground.events.RunEvent;
import dev.playground.policy.RetrySpec;
import dev.playground.policy.SchedulePreview;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VirtualTimeTest {

  @Test
  void twoVirtualRunsOfTheSameScenarioAndSeedWriteTheSameBytes(@TempDir Path dir) throws Exception {
    for (Scenario s : Presets.all()) {
      Path a = dir.resolve(s.name() + "-a.jsonl");
      Path b = dir.resolve(s.name() + "-b.jsonl");
      ScenarioRun.virtual(s, new VirtualClock(), a, null).runToEnd(Duration.ofMinutes(1));
      ScenarioRun.virtual(s, new VirtualClock(), b, null).runToEnd(Duration.ofMinutes(1));
      assertThat(Files.readAllBytes(a)).as(s.name()).isEqualTo(Files.readAllBytes(b));
    }
  }

  @Test
  void aTenMinuteScenarioFinishesInWellUnderASecond() {
    Scenario tenMinutes = ScenarioJson.parse("""
        {"name": "ten-minutes", "providers": [{"name": "sim", "faults": {
           "base_latency": {"lognormal": {"median_ms": 400, "sigma": 0.5}},
           "rules": [{"kind": "service_unavailable", "window": {"from_ms": 120000, "to_ms": 300000}},
                     {"kind": "rate_limit", "probability": 0.2, "retry_after_s": 3}]}}],
         "policies": {"chain": [{"provider": "sim", "model": "gpt-4o"}, {"provider": "sim", "model": "gpt-4o-mini"}],
           "retry": {"max_attempts": 4, "delay_ms": 1000, "backoff": {"max_delay_ms": 30000}, "jitter": "full"},
           "breaker": {"failure_threshold": {"failures": 5, "executions": 10}, "delay_ms": 60000},
           "cache": {}, "ladder": {}},
         "load": {"requests": 1200, "rate_per_s": 2}}
        """, "ten-minutes.json");
    // the run happens on this thread: its CPU time is what the run costs, whatever else loads the machine
    var threads = ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    var run = ScenarioRun.virtual(tenMinutes, new VirtualClock(), null, null);
    var summary = run.runToEnd(Duration.ofMinutes(1));
    long cpuMs = (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;

    assertThat(summary.durationMs()).isGreaterThanOrEqualTo(599_000);
    assertThat(summary.finished()).isEqualTo(1200);
    assertThat(cpuMs).as("CPU time for %d ms of scenario time", summary.durationMs()).isLessThan(1_000);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"max_attempts\": 5, \"delay_ms\": 4000, \"backoff\": {\"max_delay_ms\": 60000}}",
      "{\"max_attempts\": 6, \"delay_ms\": 500, \"backoff\": {\"max_delay_ms\": 5000}, \"jitter\": \"full\"}",
      "{\"max_attempts\": 6, \"delay_ms\": 500, \"backoff\": {\"max_delay_ms\": 8000}, \"jitter\": \"decorrelated\"}",
      "{\"max_attempts\": 4, \"delay_ms\": 2000, \"jitter\": \"proportional\", \"jitter_factor\": 0.5}"})
  void inVirtualTimeTheObservedWaitsAreThePreviewsWaits(String retryJson) {
    Scenario s = ScenarioJson.parse("""
        {"name": "preview", "seed": 11, "providers": [{"name": "sim", "faults": {"rules": [{"kind": "server_error"}]}}],
         "policies": {"chain": [{"provider": "sim", "model": "m"}], "retry": %s},
         "load": {"requests": 1}}
        """.formatted(retryJson), "preview.json");
    RetrySpec spec = s.policies().retry();
    List<Long> expected = SchedulePreview.of(spec, s.seed(), 0, 0).delays().stream().map(d -> d.toMillis()).toList();

    var events = new ArrayList<RunEvent>();
    ScenarioRun.virtual(s, new VirtualClock(), null, events::add).runToEnd(Duration.ofMinutes(1));
    List<Long> observed = events.stream().filter(RetryScheduled.class::isInstance)
        .map(e -> ((RetryScheduled) e).delayMs()).toList();

    assertThat(observed).isEqualTo(expected);
  }
}
