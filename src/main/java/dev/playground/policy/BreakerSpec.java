package dev.playground.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.playground.llm.FailureKind;
import java.time.Duration;
import java.util.Set;

/**
 * Circuit-breaker settings, one breaker per provider + model. It opens on a count of failures among the last
 * executions ({@link FailureCount}) or on a failure rate over a period ({@link FailureRate}), exactly one of
 * the two; after {@code delay} it lets a few calls through (half-open) and closes when {@link SuccessCount}
 * of them succeed, or opens again. Only failures in {@code countOn} count as failures; every other outcome
 * (a normal answer, a 400 …) counts as a success, because the provider did answer. Immutable and thread-safe.
 *
 * @param failureCount count-based opening, or null when {@code failureRate} is set
 * @param failureRate rate-based opening, or null when {@code failureCount} is set
 * @param delay how long the breaker stays open before it half-opens
 */
public record BreakerSpec(
    FailureCount failureCount,
    FailureRate failureRate,
    SuccessCount successCount,
    Duration delay,
    Set<FailureKind> countOn) {

  public static final int WINDOW_LIMIT = 1000;
  public static final Duration DEFAULT_DELAY = Duration.ofSeconds(30);
  public static final Set<FailureKind> DEFAULT_COUNT_ON = RetrySpec.DEFAULT_RETRY_ON;

  public BreakerSpec {
    if (failureCount == null && failureRate == null)
      throw Checks.fail("set failureThreshold (n of the last m) or failureRateThreshold (% over a period)");
    if (failureCount != null && failureRate != null)
      throw Checks.fail("set failureThreshold or failureRateThreshold, not both");
    Checks.notNull("successThreshold", successCount);
    delay = Checks.positiveMillis("delay", delay);
    countOn = Kinds.copy(Checks.notNull("countOn", countOn));
    if (countOn.isEmpty()) throw Checks.fail("countOn must name at least one failure kind, or the breaker never opens");
  }

  /** The lesson's breaker: opens after 5 failures in a row, half-opens after 30 s, one success closes it. */
  public static BreakerSpec defaults() {
    return new BreakerSpec(new FailureCount(5, 5), null, new SuccessCount(1, 1), DEFAULT_DELAY, DEFAULT_COUNT_ON);
  }

  /** Opens when {@code failures} of the last {@code executions} failed. */
  public static BreakerSpec countBased(int failures, int executions, Duration delay) {
    return new BreakerSpec(new FailureCount(failures, executions), null, new SuccessCount(1, 1), delay,
        DEFAULT_COUNT_ON);
  }

  /** Opens when at least {@code percent} % of at least {@code minExecutions} calls within {@code period} failed. */
  public static BreakerSpec rateBased(int percent, int minExecutions, Duration period, Duration delay) {
    return new BreakerSpec(null, new FailureRate(percent, minExecutions, period), new SuccessCount(1, 1), delay,
        DEFAULT_COUNT_ON);
  }

  public BreakerSpec withSuccessThreshold(int successes, int executions) {
    return new BreakerSpec(failureCount, failureRate, new SuccessCount(successes, executions), delay, countOn);
  }

  public BreakerSpec withDelay(Duration d) {
    return new BreakerSpec(failureCount, failureRate, successCount, d, countOn);
  }

  public BreakerSpec withCountOn(Set<FailureKind> kinds) {
    return new BreakerSpec(failureCount, failureRate, successCount, delay, kinds);
  }

  public boolean isRateBased() {
    return failureRate != null;
  }

  /** {@code failures} of the last {@code executions} calls. Immutable. */
  public record FailureCount(int failures, int executions) {
    public FailureCount {
      Checks.range("failureThreshold.failures", failures, 1, WINDOW_LIMIT);
      Checks.range("failureThreshold.executions", executions, 1, WINDOW_LIMIT);
      if (executions < failures)
        throw Checks.fail("failureThreshold.executions (" + executions + ") must be ≥ failures (" + failures + ")");
    }
  }

  /** At least {@code percent} % failed of at least {@code minExecutions} calls within {@code period}. Immutable. */
  public record FailureRate(int percent, int minExecutions, Duration period) {
    public FailureRate {
      Checks.range("failureRateThreshold.percent", percent, 1, 100);
      Checks.range("failureRateThreshold.minExecutions", minExecutions, 1, WINDOW_LIMIT);
      period = Checks.millis("failureRateThreshold.period", period);
      if (period.toMillis() < 10)
        throw Checks.fail("failureRateThreshold.period must be ≥ 10 ms, was " + Checks.ms(period));
    }
  }

  /** In half-open: closes when {@code successes} of {@code executions} trial calls succeed. Immutable. */
  public record SuccessCount(int successes, int executions) {
    public SuccessCount {
      Checks.range("successThreshold.successes", successes, 1, WINDOW_LIMIT);
      Checks.range("successThreshold.executions", executions, 1, WINDOW_LIMIT);
      if (executions < successes)
        throw Checks.fail("successThreshold.executions (" + executions + ") must be ≥ successes (" + successes + ")");
    }
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static BreakerSpec fromJson(JsonNode node) {
    return read(node, "");
  }

  static BreakerSpec read(JsonNode node, String path) {
    var f = JsonFields.of(node, path, "failure_threshold", "failure_rate_threshold", "success_threshold",
        "delay_ms", "count_on");
    FailureCount count = null;
    FailureRate rate = null;
    JsonNode rateNode = f.child("failure_rate_threshold");
    JsonNode countNode = f.child("failure_threshold");
    if (rateNode != null) {
      var r = JsonFields.of(rateNode, f.at("failure_rate_threshold"), "percent", "min_executions", "period_ms");
      int percent = r.integer("percent", 50);
      int min = r.integer("min_executions", 10);
      Duration period = r.millis("period_ms", Duration.ofSeconds(60));
      rate = JsonFields.build(path, () -> new FailureRate(percent, min, period));
    }
    if (countNode != null || rateNode == null) {
      var c = JsonFields.of(countNode == null ? JsonFields.object() : countNode, f.at("failure_threshold"),
          "failures", "executions");
      int failures = c.integer("failures", 5);
      int executions = c.integer("executions", failures);
      count = JsonFields.build(path, () -> new FailureCount(failures, executions));
    }
    var s = JsonFields.of(f.child("success_threshold") == null ? JsonFields.object() : f.child("success_threshold"),
        f.at("success_threshold"), "successes", "executions");
    int successes = s.integer("successes", 1);
    int trials = s.integer("executions", successes);
    SuccessCount success = JsonFields.build(path, () -> new SuccessCount(successes, trials));
    Duration delay = f.millis("delay_ms", DEFAULT_DELAY);
    Set<FailureKind> countOn = f.kinds("count_on", DEFAULT_COUNT_ON);
    FailureCount finalCount = count;
    FailureRate finalRate = rate;
    return JsonFields.build(path, () -> new BreakerSpec(finalCount, finalRate, success, delay, countOn));
  }

  @JsonValue
  ObjectNode toJson() {
    ObjectNode n = JsonFields.object();
    if (failureCount != null) {
      ObjectNode c = n.putObject("failure_threshold");
      c.put("failures", failureCount.failures());
      c.put("executions", failureCount.executions());
    } else {
      ObjectNode r = n.putObject("failure_rate_threshold");
      r.put("percent", failureRate.percent());
      r.put("min_executions", failureRate.minExecutions());
      JsonFields.putMillis(r, "period_ms", failureRate.period());
    }
    ObjectNode s = n.putObject("success_threshold");
    s.put("successes", successCount.successes());
    s.put("executions", successCount.executions());
    JsonFields.putMillis(n, "delay_ms", delay);
    JsonFields.putKinds(n, "count_on", countOn);
    return n;
  }
}
