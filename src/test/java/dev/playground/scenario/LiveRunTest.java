package dev.playground.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playground.events.RetryReason;
import dev.playground.events.RunEvent.AttemptFinished;
import dev.playground.events.RunEvent.AttemptStarted;
import dev.playground.events.RunEvent.RetryScheduled;
import dev.playground.events.RunEvent;
import dev.playground.events.Rung;
import dev.playground.faults.FaultPlans;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scenarios over real loopback HTTP: the simulated provider, the real openai-java SDK, real Failsafe. */
class LiveRunTest {

  private static Scenario scenario(String faults, String retry, int requests, String chain) {
    return ScenarioJson.parse("""
        {"name": "live", "providers": [{"name": "sim", "faults": %s}],
         "policies": {"chain": %s, "retry": %s, "timeout": {"per_attempt_ms": 5000}},
         "load": {"requests": %d, "concurrency": 1}}
        """.formatted(faults, chain, retry, requests), "live.json");
  }

  @Test
  void amplificationIsExactThreeCallsPerModelPerRequestInTheServersJournal() {
    Scenario s = scenario("{\"rules\": [{\"kind\": \"service_unavailable\"}]}",
        "{\"max_attempts\": 3, \"delay_ms\": 10}", 4,
        "[{\"provider\": \"sim\", \"model\": \"gpt-4o\"}, {\"provider\": \"sim\", \"model\": \"gpt-4o-mini\"}]");
    List<RunEvent> events = Collections.synchronizedList(new ArrayList<>());
    ScenarioRun run = ScenarioRun.live(s, null, events::add);
    var server = run.providers().server("sim");

    var summary = run.runToEnd(Duration.ofMinutes(1));

    assertThat(server.requestCount()).isEqualTo(3 * 2 * 4);
    assertThat(server.journal()).filteredOn(e -> e.model().equals("gpt-4o")).hasSize(12);
    assertThat(server.journal()).filteredOn(e -> e.model().equals("gpt-4o-mini")).hasSize(12);
    assertThat(summary.attempts()).isEqualTo(24);
    assertThat(summary.amplification()).isEqualTo(6.0);
    assertThat(summary.toText()).contains("amplification 6.00x");
  }

  @Test
  void aRetryAfterOfTwoSecondsIsWaitedForRealAndTheEventSaysSo() {
    Scenario s = scenario("{\"rules\": [{\"sequence\": [\"rate_limit\", \"ok\"], \"retry_after_s\": 2}]}",
        "{\"max_attempts\": 2, \"delay_ms\": 50}", 1, "[{\"provider\": \"sim\", \"model\": \"gpt-4o-mini\"}]");
    List<RunEvent> events = Collections.synchronizedList(new ArrayList<>());
    long wallStart = System.nanoTime();

    ScenarioRun.live(s, null, events::add).runToEnd(Duration.ofMinutes(1));

    long wallMs = (System.nanoTime() - wallStart) / 1_000_000;
    RetryScheduled retry = only(events, RetryScheduled.class);
    assertThat(retry.reason()).isEqualTo(RetryReason.RETRY_AFTER);
    assertThat(retry.retryAfterMs()).isEqualTo(2000);
    assertThat(retry.delayMs()).isEqualTo(2000);
    AttemptFinished first = all(events, AttemptFinished.class).get(0);
    AttemptStarted second = all(events, AttemptStarted.class).get(1);
    assertThat(first.headers()).containsEntry("retry-after", "2");
    assertThat(second.tMs() - first.tMs()).isGreaterThanOrEqualTo(2000);
    assertThat(wallMs).isGreaterThanOrEqualTo(2000);
  }

  @Test
  void aRealProviderWithoutItsKeyIsRefusedBeforeAnythingStarts() {
    Scenario s = ScenarioJson.parse("""
        {"name": "real", "providers": [{"name": "openai", "type": "real", "base_url": "https://api.openai.com/v1",
           "api_key_env": "PLAYGROUND_TEST_UNSET_KEY"}],
         "policies": {"chain": [{"provider": "openai", "model": "gpt-4o-mini"}]}}
        """, "real.json");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ScenarioRun.live(s, null, null, name -> null))
        .isInstanceOf(ScenarioException.class)
        .hasMessage("provider \"openai\" needs its API key in the environment variable PLAYGROUND_TEST_UNSET_KEY,"
            + " which is not set");
  }

  @Test
  void theEnginesOwnPartsCanBeBrokenWhileTheRunGoesOn() {
    Scenario s = scenario("{\"rules\": []}", "{\"max_attempts\": 1}", 1,
        "[{\"provider\": \"sim\", \"model\": \"gpt-4o-mini\"}]");
    List<RunEvent> events = Collections.synchronizedList(new ArrayList<>());
    try (ScenarioRun run = ScenarioRun.live(s, null, events::add)) {
      run.applyEngineFaults(FaultPlans.parse(
          "{\"rules\": [{\"target\": \"retriever\", \"kind\": \"server_error\"}]}"));
      var answer = run.client().ask("What is a circuit breaker?").join();

      assertThat(answer.rung()).as("no context: the full rung failed").isNotEqualTo(Rung.FULL);
      assertThat(all(events, RunEvent.FaultsChanged.class)).extracting(RunEvent.FaultsChanged::provider)
          .containsExactly("engine");
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> run.applyEngineFaults(
              FaultPlans.parse("{\"rules\": [{\"kind\": \"rate_limit\"}]}")))
          .hasMessage("the engine's plan breaks the retriever or the cache: rules[0].target must be retriever or "
              + "cache in the engine's plan (chat rules go in a provider's plan), was \"chat\"");
    }
  }

  private static <E extends RunEvent> List<E> all(List<RunEvent> events, Class<E> type) {
    synchronized (events) {
      return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
  }

  private static <E extends RunEvent> E only(List<RunEvent> events, Class<E> type) {
    List<E> found = all(events, type);
    assertThat(found).hasSize(1);
    return found.get(0);
  }
}
