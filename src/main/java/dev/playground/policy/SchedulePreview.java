package dev.playground.policy;

import dev.failsafe.Execution;
import dev.playground.events.RetryReason;
import dev.playground.llm.ChatAnswer;
import dev.playground.llm.FailureKind;
import dev.playground.llm.LlmFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The schedule a {@link RetrySpec} will follow when every attempt fails at once, shown before anything runs:
 * for each attempt, the wait before it and when it starts, as the seeded run will do it, nominally (no
 * jitter), and the jitter band (earliest and latest). The seeded column is not a re-implementation: it
 * comes from the very Failsafe policy {@link RetryPolicies} builds, driven through Failsafe's
 * {@code Execution} API on a clock that advances by each wait, so it equals what a run does in virtual time
 * for the same seed. Immutable and thread-safe.
 *
 * @param rows one per attempt, the first one included (it starts at 0 after no wait)
 */
public record SchedulePreview(RetrySpec spec, List<Row> rows) {
  public SchedulePreview {
    Checks.notNull("spec", spec);
    rows = List.copyOf(rows);
  }

  /**
   * One attempt. {@code delay} is the wait before it; {@code start} the time from the first attempt's start.
   * The band's starts are capped by the spec's time budget, the band's waits are the jitter's own. Immutable.
   */
  public record Row(
      int attempt,
      Duration delay,
      Duration start,
      RetryReason reason,
      Duration nominalDelay,
      Duration nominalStart,
      Duration minDelay,
      Duration maxDelay,
      Duration earliestStart,
      Duration latestStart) {}

  /** Every attempt fails at once, without a Retry-After. */
  public static SchedulePreview of(RetrySpec spec, long seed, long request, int modelIndex) {
    return of(spec, seed, request, modelIndex, null);
  }

  /**
   * Every attempt fails at once; when {@code retryAfter} is not null each failure carries that Retry-After
   * (as a rate-limit storm would).
   */
  public static SchedulePreview of(RetrySpec spec, long seed, long request, int modelIndex, Duration retryAfter) {
    long[] now = {0};
    var scope = new RetryScope(seed, request, modelIndex, () -> now[0]);
    Execution<ChatAnswer> execution = Execution.of(RetryPolicies.build(spec, scope, PolicyListener.NONE));
    List<Row> rows = new ArrayList<>();
    Duration zero = Duration.ZERO;
    rows.add(new Row(1, zero, zero, null, zero, zero, zero, zero, zero, zero));
    Duration budget = spec.maxTotalDuration().isZero() ? null : spec.maxTotalDuration();
    while (true) {
      if (!fail(spec, execution, retryAfter)) break;
      if (execution.isComplete()) break;
      Duration delay = execution.getDelay();
      now[0] += delay.toNanos();
      Row prev = rows.get(rows.size() - 1);
      int n = prev.attempt(); // the attempt that just failed
      boolean asked = retryAfter != null && spec.honourRetryAfter();
      Duration nominal = asked ? capped(retryAfter, spec.retryAfterCap()) : RetryDelays.nominal(spec, n);
      RetryDelays.Band band = asked ? new RetryDelays.Band(nominal, nominal) : RetryDelays.band(spec, n);
      rows.add(new Row(n + 1, delay, prev.start().plus(delay),
          asked ? RetryReason.RETRY_AFTER : RetryReason.BACKOFF,
          nominal, within(budget, prev.nominalStart().plus(nominal)),
          band.min(), band.max(),
          within(budget, prev.earliestStart().plus(band.min())),
          within(budget, prev.latestStart().plus(band.max()))));
    }
    return new SchedulePreview(spec, rows);
  }

  /** The waits alone, in order: what the seeded run waits before attempts 2, 3 … */
  public List<Duration> delays() {
    return rows.stream().skip(1).map(Row::delay).toList();
  }

  /** When the last attempt starts. */
  public Duration total() {
    return rows.get(rows.size() - 1).start();
  }

  public int attempts() {
    return rows.size();
  }

  /** Records one retried failure (or defective answer); false when the spec retries nothing. */
  private static boolean fail(RetrySpec spec, Execution<ChatAnswer> execution, Duration retryAfter) {
    if (!spec.retryOn().isEmpty()) {
      FailureKind kind = spec.retryOn().contains(FailureKind.RATE_LIMITED)
          ? FailureKind.RATE_LIMITED
          : spec.retryOn().iterator().next();
      execution.recordException(new LlmFailure(kind, "preview", 0, retryAfter, Map.of(), null, null, null));
      return true;
    }
    if (!spec.retryOnResult().isEmpty()) {
      execution.recordResult(defective(spec.retryOnResult().iterator().next()));
      return true;
    }
    return false;
  }

  private static ChatAnswer defective(FailureKind defect) {
    return switch (defect) {
      case TRUNCATED -> new ChatAnswer("cut", "preview", "length", 0, 0, null, false, 0);
      case CONTENT_FILTERED -> new ChatAnswer("", "preview", "content_filter", 0, 0, null, false, 0);
      case STREAM_CUT -> new ChatAnswer("cut", "preview", null, 0, 0, null, true, 0);
      default -> new ChatAnswer("", "preview", "stop", 0, 0, null, false, 0);
    };
  }

  private static Duration capped(Duration retryAfter, Duration cap) {
    Duration d = retryAfter.isNegative() ? Duration.ZERO : retryAfter;
    return Duration.ofMillis((d.compareTo(cap) > 0 ? cap : d).toMillis());
  }

  private static Duration within(Duration budget, Duration d) {
    return budget != null && d.compareTo(budget) > 0 ? budget : d;
  }
}
