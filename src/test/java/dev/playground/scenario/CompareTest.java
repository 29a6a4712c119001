package dev.playground.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playground.events.RunEvent.AttemptFinished;
import dev.playground.events.RunEvent;
import dev.playground.policy.PolicyJson;
import dev.playground.policy.PolicySet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CompareTest {
  private final Scenario storm = Presets.get("rate-limit-storm");

  @Test
  void theSamePoliciesOnBothSidesGiveTheSameRun() {
    var r = Compare.run(storm, new Compare.Side("A", storm.policies()), new Compare.Side("B", storm.policies()));
    assertThat(r.table()).allSatisfy(row -> assertThat(row.change()).isEqualTo("="));
  }

  @Test
  void bothSidesMeetTheSameFaultOnTheSameCallWhateverTheirPolicies() {
    PolicySet noRetryAfter = PolicyJson.read(PolicyJson.toTree(storm.policies()).toString()
        .replace("\"honour_retry_after\":true", "\"honour_retry_after\":false"));
    var r = Compare.run(storm, new Compare.Side("honours Retry-After", storm.policies()),
        new Compare.Side("ignores it", noRetryAfter));

    // first attempt of each request at the model: same fault on both sides
    assertThat(firstAttempts(r.eventsA())).isEqualTo(firstAttempts(r.eventsB()));
    assertThat(r.table()).extracting(Compare.Row::metric).contains("amplification", "p99 latency", "time degraded");
    assertThat(r.table()).as("the policies differ, so the runs do").anyMatch(row -> !row.change().equals("="));
    assertThat(Compare.text(r)).contains("honours Retry-After", "amplification");
  }

  private static Map<Long, String> firstAttempts(List<RunEvent> events) {
    return events.stream().filter(AttemptFinished.class::isInstance).map(AttemptFinished.class::cast)
        .filter(a -> a.modelAttempt() == 1)
        .collect(Collectors.toMap(AttemptFinished::req, AttemptFinished::outcome));
  }
}
