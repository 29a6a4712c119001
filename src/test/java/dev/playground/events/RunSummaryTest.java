package dev.playground.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunSummaryTest {

  /**
   * Ten requests; request k finishes at t = 100·k with latency 10·k ms, at full except 7 (limited), 8 (cached)
   * and 9 (error). Request 2 needs three calls, request 7 two (a fallback), one more attempt is rejected by a
   * breaker without a call: 13 calls. Breaker a: open 100–300, half-open, closed at 350. Breaker b: opens at 900.
   */
  static List<RunEvent> handBuiltRun() {
    var events = new ArrayList<RunEvent>();
    long[] seq = {0};
    events.add(new RunEvent.RunStarted(seq[0]++, 0, 1, "hand-built", "virtual", null, null));
    for (int k = 1; k <= 10; k++) {
      long start = 100L * k - 10L * k;
      events.add(new RunEvent.RequestStarted(seq[0]++, start, k, "q" + k));
      int calls = k == 2 ? 3 : k == 7 ? 2 : 1;
      for (int a = 1; a <= calls; a++) {
        events.add(new RunEvent.AttemptStarted(seq[0]++, start, k, a, a, "sim", "a", Rung.FULL));
        events.add(new RunEvent.AttemptFinished(seq[0]++, start, k, a, a, "sim", "a", Rung.FULL,
            a < calls ? "server_error" : "ok", a < calls ? 503 : 200, 2.0 * a, null, null, null, Map.of()));
        if (a < calls) events.add(new RunEvent.RetryScheduled(seq[0]++, start, k, a, "sim", "a", 0,
            RetryReason.BACKOFF, null));
      }
      if (k == 3) {
        events.add(new RunEvent.AttemptFinished(seq[0]++, start, k, 2, 1, "sim", "b", Rung.FULL, "rejected",
            null, 0, null, null, "breaker open", Map.of()));
        events.add(new RunEvent.BreakerRejected(seq[0]++, start, k, "sim/b"));
      }
      if (k == 1) events.add(breaker(seq[0]++, 100, "sim/a", BreakerState.CLOSED, BreakerState.OPEN));
      if (k == 3) {
        events.add(breaker(seq[0]++, 300, "sim/a", BreakerState.OPEN, BreakerState.HALF_OPEN));
        events.add(breaker(seq[0]++, 350, "sim/a", BreakerState.HALF_OPEN, BreakerState.CLOSED));
      }
      if (k == 9) events.add(breaker(seq[0]++, 900, "sim/b", BreakerState.CLOSED, BreakerState.OPEN));
      Rung rung = k == 7 ? Rung.LIMITED : k == 8 ? Rung.CACHED : k == 9 ? Rung.ERROR : Rung.FULL;
      String outcome = k == 9 ? "server_error" : "ok";
      events.add(new RunEvent.RequestFinished(seq[0]++, 100L * k, k, rung, "sim", "a", outcome, 10.0 * k, calls, "x"));
    }
    return events;
  }

  @Test
  void countsRequestsCallsRetriesAndAmplification() {
    RunSummary s = RunSummary.of(handBuiltRun());
    assertThat(s.requests()).isEqualTo(10);
    assertThat(s.finished()).isEqualTo(10);
    assertThat(s.attempts()).isEqualTo(13); // the rejected one sent nothing
    assertThat(s.retries()).isEqualTo(3);
    assertThat(s.amplification()).isEqualTo(1.3);
    assertThat(s.callsByModel()).containsExactly(Map.entry("sim/a", 13L));
    assertThat(s.breakerRejections()).isEqualTo(1);
  }

  @Test
  void countsAnswersByRungAndByOutcome() {
    RunSummary s = RunSummary.of(handBuiltRun());
    assertThat(s.byRung()).containsExactly(Map.entry(Rung.FULL, 7L), Map.entry(Rung.LIMITED, 1L),
        Map.entry(Rung.CACHED, 1L), Map.entry(Rung.ERROR, 1L));
    assertThat(s.byOutcome()).containsExactly(Map.entry("ok", 9L), Map.entry("server_error", 1L));
  }

  @Test
  void percentilesAreNearestRankWithinTheHistogramsPrecision() {
    LatencyStats requests = RunSummary.of(handBuiltRun()).requestLatency();
    assertThat(requests.count()).isEqualTo(10);
    assertThat(requests.p50Ms()).isCloseTo(50, within(0.05));
    assertThat(requests.p90Ms()).isCloseTo(90, within(0.09));
    assertThat(requests.p99Ms()).isEqualTo(100); // never above the largest value
    assertThat(requests.maxMs()).isEqualTo(100);
    assertThat(requests.meanMs()).isEqualTo(55);
    LatencyStats calls = RunSummary.of(handBuiltRun()).attemptLatency();
    assertThat(calls.count()).isEqualTo(13);
    assertThat(calls.p50Ms()).isCloseTo(2, within(0.002)); // ten first calls at 2 ms, two at 4, one at 6
    assertThat(calls.p90Ms()).isCloseTo(4, within(0.004));
    assertThat(calls.maxMs()).isEqualTo(6);
  }

  @Test
  void timeDegradedRunsFromTheFirstAnswerBelowFullToTheNextFullOne() {
    // limited at 700, cached at 800, error at 900, full again at 1000: 300 ms
    assertThat(RunSummary.of(handBuiltRun()).degradedMs()).isEqualTo(300);
    // and a stretch still open at the end counts up to the latest event
    var stillDegraded = new ArrayList<>(handBuiltRun());
    stillDegraded.add(new RunEvent.RequestFinished(100, 1100, 11, Rung.CACHED, null, null, "ok", 1, 0, "x"));
    stillDegraded.add(new RunEvent.FaultsChanged(101, 1250, "sim", null));
    assertThat(RunSummary.of(stillDegraded).degradedMs()).isEqualTo(300 + 150);
  }

  @Test
  void breakersReportTheirTransitionsAndTimeOpen() {
    RunSummary s = RunSummary.of(handBuiltRun());
    assertThat(s.breakers()).containsExactly(
        Map.entry("sim/a", new BreakerStats(BreakerState.CLOSED, 3, 1, 200)),
        Map.entry("sim/b", new BreakerStats(BreakerState.OPEN, 1, 1, 100)));
    assertThat(s.durationMs()).isEqualTo(1000);
  }

  @Test
  void theSummaryIsUpToDateAfterEveryEvent() {
    var summary = new RunSummary();
    var run = handBuiltRun();
    for (RunEvent e : run) {
      summary.accept(e);
      if (e instanceof RunEvent.RequestFinished f && f.req() == 5) {
        assertThat(summary.finished()).isEqualTo(5);
        assertThat(summary.requestLatency().maxMs()).isEqualTo(50);
      }
    }
    assertThat(summary.toJson()).isEqualTo(RunSummary.of(run).toJson());
    assertThat(RunSummary.of(run.stream()).toJson()).isEqualTo(summary.toJson());
  }

  @Test
  void theJsonFormIsRunFinishedsCountsAndReadsBackEqual() {
    var counts = RunSummary.of(handBuiltRun()).toJson();
    assertThat(counts.fieldNames()).toIterable().containsExactly("requests", "finished", "in_flight", "by_rung",
        "by_outcome", "attempts", "retries", "amplification", "calls_by_model", "request_latency_ms",
        "attempt_latency_ms", "breakers", "breaker_rejections", "fallbacks", "cache_hits", "throttled",
        "degraded_ms", "duration_ms");
    assertThat(counts.toString()).contains("\"by_rung\":{\"full\":7,\"limited\":1,\"cached\":1,\"error\":1}")
        .contains("\"breakers\":{\"sim/a\":{\"state\":\"closed\",\"transitions\":3,\"opened\":1,\"open_ms\":200}");
    var finished = new RunEvent.RunFinished(99, 1000, counts);
    assertThat(RunEventJson.fromJson(RunEventJson.toJson(finished))).isEqualTo(finished);
  }

  @Test
  void theTextFormAlignsItsValuesInOneColumn() {
    String text = RunSummary.of(handBuiltRun()).toText();
    assertThat(text).startsWith("Run summary\n")
        .contains("  requests          10 started, 10 answered, 0 in flight\n")
        .contains("  answered by rung  full 7 (70.0 %), limited 1 (10.0 %), cached 1 (10.0 %), error 1 (10.0 %)\n")
        .contains("  attempts          calls 13, retries 3, amplification 1.30x\n")
        .contains("  time degraded     300 ms (30.0 % of the run)\n")
        .contains("  breakers          sim/a: now closed, transitions 3, opened 1x, open 200 ms\n")
        .contains("                    sim/b: now open, transitions 1, opened 1x, open 100 ms\n");
    // every value starts at column 20, after a blank
    text.lines().skip(1).forEach(line -> assertThat(line.substring(19, 21)).as(line).matches(" \\S"));
  }

  private static RunEvent.BreakerChanged breaker(long seq, long t, String name, BreakerState from, BreakerState to) {
    return new RunEvent.BreakerChanged(seq, t, name, from, to, 0.5, false);
  }
}
