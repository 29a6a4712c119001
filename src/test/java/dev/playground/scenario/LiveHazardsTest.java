package dev.playground.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playground.events.RunEvent.AttemptFinished;
import dev.playground.events.RunEvent.AttemptStarted;
import dev.playground.events.RunEvent.BreakerRejected;
import dev.playground.events.RunEvent.FallbackUsed;
import dev.playground.events.RunEvent.RequestFinished;
import dev.playground.events.RunEvent.RequestStarted;
import dev.playground.events.RunEvent.RetryScheduled;
import dev.playground.events.RunEvent;
import dev.playground.events.RunLogReader;
import dev.playground.events.Rung;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hazards of asynchronous retries, live (simulated provider on loopback, the real openai-java SDK, real
 * Failsafe, the real clock): retries with no wait, retries on a result, a breaker opening while retries wait,
 * a fallback after a call the client gave up on, 200 requests in flight, a Stop in the middle. In each, the run
 * log keeps its contract ({@link RunLogContract}) and has one attempt for every request the provider received.
 */
class LiveHazardsTest {
  @TempDir Path dir;

  private static Scenario scenario(String providerFaults, String policies, String load) {
    return ScenarioJson.parse("""
        {"name": "hazard", "seed": 3, "providers": [{"name": "sim", "faults": %s}],
         "policies": %s, "load": %s}
        """.formatted(providerFaults, policies, load), "hazard.json");
  }

  @Test
  void retriesWithNoWaitOnFailuresAndOnEmptyAnswersLoseNothing() throws Exception {
    Scenario s = scenario("""
        {"base_latency": {"lognormal": {"median_ms": 20, "sigma": 0.5}}, "rules": [
          {"kind": "server_error", "probability": 0.3}, {"kind": "empty_content", "probability": 0.3}]}""", """
        {"chain": [{"provider": "sim", "model": "gpt-4o-mini"}], "timeout": {"per_attempt_ms": 5000},
         "retry": {"max_attempts": 4, "delay_ms": 0, "retry_on": ["server_error"], "retry_on_result": ["empty_answer"]}}""",
        "{\"requests\": 120, \"concurrency\": 30}");

    Played p = play(s);

    p.keepsTheContract();
    assertThat(p.all(RequestFinished.class)).hasSize(120);
    assertThat(p.all(RetryScheduled.class)).hasSizeGreaterThan(50).allMatch(r -> r.delayMs() == 0);
    assertThat(p.all(RequestFinished.class)).filteredOn(r -> r.rung() == Rung.FULL).hasSizeGreaterThan(100);
  }

  @Test
  void aBreakerOpeningWhileRetriesWaitRefusesThemAndTheFallbackAnswersEveryRequestOnce() throws Exception {
    Scenario s = scenario("""
        {"base_latency": {"fixed_ms": 30}, "rules": [{"kind": "service_unavailable", "models": ["gpt-4o"]}]}""", """
        {"chain": [{"provider": "sim", "model": "gpt-4o"}, {"provider": "sim", "model": "gpt-4o-mini"}],
         "timeout": {"per_attempt_ms": 5000}, "retry": {"max_attempts": 4, "delay_ms": 200},
         "breaker": {"failure_threshold": {"failures": 3, "executions": 3}, "delay_ms": 60000}}""",
        "{\"requests\": 40, \"concurrency\": 40}");

    Played p = play(s);

    p.keepsTheContract();
    assertThat(p.all(BreakerRejected.class)).as("retries refused by the open breaker").isNotEmpty();
    assertThat(p.all(FallbackUsed.class)).hasSize(40);
    assertThat(p.all(RequestFinished.class)).hasSize(40)
        .allMatch(r -> r.rung() == Rung.FULL && r.model().equals("gpt-4o-mini"));
  }

  @Test
  void afterACallTheClientGaveUpOnTheRetryAndTheFallbackAnswer() throws Exception {
    Scenario s = scenario("""
        {"base_latency": {"fixed_ms": 20}, "rules": [{"kind": "timeout", "models": ["gpt-4o"], "hold_ms": 30000}]}""",
        """
        {"chain": [{"provider": "sim", "model": "gpt-4o"}, {"provider": "sim", "model": "gpt-4o-mini"}],
         "timeout": {"per_attempt_ms": 300}, "retry": {"max_attempts": 2, "delay_ms": 0}}""",
        "{\"requests\": 30, \"concurrency\": 10}");

    Played p = play(s);

    p.keepsTheContract();
    assertThat(p.all(AttemptFinished.class)).filteredOn(a -> a.model().equals("gpt-4o"))
        .hasSize(60).allMatch(a -> a.outcome().equals("timeout"));
    assertThat(p.all(RequestFinished.class)).hasSize(30)
        .allMatch(r -> r.rung() == Rung.FULL && r.model().equals("gpt-4o-mini"));
  }

  @Test
  void twoHundredRequestsInFlightAtOnceEachFinishExactlyOnce() throws Exception {
    Scenario s = scenario("""
        {"base_latency": {"lognormal": {"median_ms": 1500, "sigma": 0.2}}, "rules": [
          {"kind": "server_error", "probability": 0.2}]}""", """
        {"chain": [{"provider": "sim", "model": "gpt-4o-mini"}], "timeout": {"per_attempt_ms": 20000},
         "retry": {"max_attempts": 2, "delay_ms": 50}}""",
        "{\"requests\": 200, \"concurrency\": 200}");

    Played p = play(s);

    p.keepsTheContract();
    assertThat(p.all(RequestFinished.class)).hasSize(200);
    assertThat(p.peakRequestsInFlight()).isGreaterThanOrEqualTo(180);
  }

  @Test
  void stoppingTheLoadMidwaySendsNoMoreAndFinishesTheRequestsInFlight() throws Exception {
    Scenario s = scenario("""
        {"base_latency": {"lognormal": {"median_ms": 60, "sigma": 0.3}}, "rules": [
          {"kind": "server_error", "probability": 0.3}]}""", """
        {"chain": [{"provider": "sim", "model": "gpt-4o-mini"}], "timeout": {"per_attempt_ms": 5000},
         "retry": {"max_attempts": 3, "delay_ms": 100}}""",
        "{\"requests\": 300, \"concurrency\": 20}");
    Path log = dir.resolve("stopped.jsonl");
    CountDownLatch sixtyAnswered = new CountDownLatch(60);
    ScenarioRun run = ScenarioRun.live(s, log, e -> {
      if (e instanceof RequestFinished) sixtyAnswered.countDown();
    });
    LoadGenerator load = run.startLoad(s.load(), null);

    assertThat(sixtyAnswered.await(1, TimeUnit.MINUTES)).isTrue();
    load.stop();
    load.done().get(1, TimeUnit.MINUTES);
    long received = run.providers().requestCount("sim");
    run.close();

    Played p = new Played(RunLogReader.read(log).events(), received);
    p.keepsTheContract();
    assertThat(p.all(RequestStarted.class)).hasSizeBetween(60, 299);
    assertThat(p.all(RequestFinished.class)).hasSameSizeAs(p.all(RequestStarted.class));
    assertThat(p.events.get(p.events.size() - 1).type()).isEqualTo("run_finished");
  }

  private Played play(Scenario s) throws Exception {
    Path log = dir.resolve("run.jsonl");
    ScenarioRun run = ScenarioRun.live(s, log, null);
    var server = run.providers().server("sim");
    run.runToEnd(Duration.ofMinutes(1));
    return new Played(RunLogReader.read(log).events(), server.requestCount());
  }

  /** A finished live run: its log read back, and how many calls the provider received. */
  private record Played(List<RunEvent> events, long received) {
    void keepsTheContract() {
      assertThat(RunLogContract.violations(events)).isEmpty();
      assertThat(all(AttemptStarted.class)).as("an attempt_started for every call received").hasSize((int) received);
      assertThat(all(AttemptFinished.class)).as("an attempt_finished for every call received").hasSize((int) received);
    }

    <E extends RunEvent> List<E> all(Class<E> type) {
      return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    int peakRequestsInFlight() {
      int open = 0;
      int peak = 0;
      for (RunEvent e : events) {
        if (e instanceof RequestStarted) peak = Math.max(peak, ++open);
        else if (e instanceof RequestFinished) open--;
      }
      return peak;
    }
  }
}
