package dev.playground.faults;

import dev.playground.clock.Seeds;
import java.util.List;

/**
 * What goes wrong, and when: a seed, an ordered list of rules, and an optional base latency that every answer
 * waits. Immutable and thread-safe. {@link #decide} is a pure function of the plan and its arguments.
 *
 * <p>Rules are tried in order; the first that matches decides; when none does, the answer is {@code ok} after
 * the base latency. A rule with a {@code models} filter counts its sequence position (and draws its
 * probability) by the per-model request number, a rule without by the global one. JSON form:
 * {@link FaultPlans}.
 *
 * @param baseLatency waited before every answer (healthy or not), or null for none
 */
public record FaultPlan(long seed, List<FaultRule> rules, Latency baseLatency) {
  /** Most rules a plan may hold. */
  public static final int MAX_RULES = 1_000;

  // Coordinates of the seeded draws, so that probability and latency never reuse a number.
  private static final long DRAW_PROBABILITY = 1;
  private static final long DRAW_LATENCY = 2;
  private static final long DRAW_BASE_LATENCY = 3;

  public FaultPlan {
    if (rules == null) rules = List.of();
    if (rules.size() > MAX_RULES)
      throw FaultPlanException.field("rules", "must have at most " + MAX_RULES + " rules, had " + rules.size());
    for (int i = 0; i < rules.size(); i++)
      if (rules.get(i) == null) throw FaultPlanException.field("rules[" + i + "]", "must not be null");
    rules = List.copyOf(rules);
  }

  /** No rules, no latency: every request is answered at once and well. */
  public static FaultPlan healthy(long seed) {
    return new FaultPlan(seed, List.of(), null);
  }

  public static FaultPlan of(long seed, FaultRule... rules) {
    return new FaultPlan(seed, List.of(rules), null);
  }

  public FaultPlan withSeed(long newSeed) {
    return new FaultPlan(newSeed, rules, baseLatency);
  }

  public FaultPlan withBaseLatency(Latency latency) {
    return new FaultPlan(seed, rules, latency);
  }

  public boolean isHealthy() {
    return rules.isEmpty() && baseLatency == null;
  }

  /**
   * The fault for one request.
   *
   * @param number the request's number among this target's requests since the plan was applied (0, 1, 2 …)
   * @param numberForModel its number among this model's requests of this target (used by rules that name
   *     models; any value where no rule names the model)
   * @param elapsedMs time since the plan was applied
   * @param model the model asked for
   * @param target what is being called
   */
  public FaultDecision decide(long number, long numberForModel, long elapsedMs, String model, Target target) {
    return decide(number, numberForModel, number, numberForModel, elapsedMs, model, target);
  }

  /**
   * The fault for one logical call rather than for the n-th request to arrive: draws are keyed by
   * {@code callKey} (e.g. a hash of request, model and attempt) and a sequence is indexed by {@code position}
   * (the call's attempt at this model, 0-based). Two runs with different policies then meet the same fault for
   * the same call, which is what a fair A/B comparison needs.
   */
  public FaultDecision decideCall(long callKey, long position, long elapsedMs, String model, Target target) {
    return decide(position, position, callKey, callKey, elapsedMs, model, target);
  }

  private FaultDecision decide(
      long position, long positionForModel, long draw, long drawForModel, long elapsedMs, String model, Target target) {
    long base = baseLatency == null ? 0 : baseLatency.sampleMs(seed, DRAW_BASE_LATENCY, draw);
    for (int i = 0; i < rules.size(); i++) {
      FaultRule rule = rules.get(i);
      if (rule.target() != target) continue;
      if (rule.hasModelFilter() && !rule.models().contains(model)) continue;
      if (rule.window() != null && !rule.window().contains(elapsedMs)) continue;
      long n = rule.hasModelFilter() ? drawForModel : draw;
      FaultKind kind = rule.kindAt(rule.hasModelFilter() ? positionForModel : position);
      if (kind == null) continue;
      if (rule.probability() < 1 && Seeds.unit(seed, DRAW_PROBABILITY, i, n) >= rule.probability()) continue;
      return decision(rule, i, kind, n, base);
    }
    return FaultDecision.ok(base);
  }

  /**
   * The decision for a forced fault (the {@code X-Playground-Fault} header): the kind's defaults, after the base
   * latency.
   */
  public FaultDecision forced(FaultKind kind, long number) {
    long base = baseLatency == null ? 0 : baseLatency.sampleMs(seed, DRAW_BASE_LATENCY, number);
    return FaultDecision.defaults(kind, base);
  }

  private FaultDecision decision(FaultRule rule, int index, FaultKind kind, long n, long base) {
    long extra;
    if (rule.latency() != null) extra = rule.latency().sampleMs(seed, DRAW_LATENCY, index, n);
    else if (kind == FaultKind.SLOW || kind == FaultKind.SLOW_FIRST_TOKEN) extra = FaultDecision.DEFAULT_SLOW_MS;
    else extra = 0;
    long latency = Math.min(Latency.MAX_MS, base + extra);

    boolean error = kind.isErrorStatus();
    Long retryAfterS = error ? rule.retryAfterS() : null;
    Long retryAfterMs = error ? rule.retryAfterMs() : null;
    if (kind == FaultKind.RATE_LIMIT && retryAfterS == null && retryAfterMs == null)
      retryAfterS = FaultDecision.DEFAULT_RETRY_AFTER_S;
    Boolean shouldRetry = error ? rule.shouldRetry() : null;
    int status = error && rule.status() != null ? rule.status() : kind.status();
    long hold = kind == FaultKind.TIMEOUT
        ? (rule.holdMs() != null ? rule.holdMs() : FaultDecision.DEFAULT_HOLD_MS)
        : 0;
    long baseShare = Math.min(base, latency);
    return new FaultDecision(kind, latency, retryAfterS, retryAfterMs, shouldRetry, status, hold, baseShare, index);
  }
}
