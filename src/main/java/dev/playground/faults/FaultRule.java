package dev.playground.faults;

import dev.playground.guard.Names;
import dev.playground.guard.Quote;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One rule of a fault plan: what goes wrong ({@code kind}, or a scripted {@code sequence} of kinds), when it
 * applies (probability, time window, models, target) and the kind's parameters. Immutable and thread-safe;
 * validated on construction, with messages naming the JSON field (see {@link FaultPlanException}).
 *
 * <p>Build one with {@link #of(FaultKind)} or {@link #sequence(List, boolean)} and the {@code with*} methods.
 *
 * @param kind the fault, or null when {@code sequence} is given
 * @param sequence the scripted kinds by request number (empty when {@code kind} is given)
 * @param repeat start the sequence over after its last element; otherwise the rule stops applying there
 * @param probability chance in [0, 1] that the rule applies to a request it matches
 * @param window when, after the plan was applied, the rule applies; null = always
 * @param models the models it applies to; empty = every model
 * @param retryAfterS sent as {@code retry-after} (seconds), or null
 * @param retryAfterMs sent as {@code retry-after-ms}, or null
 * @param shouldRetry sent as {@code x-should-retry}, or null
 * @param latency added before the answer (for {@code slow}: the delay; for {@code slow_first_token}: before the
 *     first chunk), or null for the kind's default
 * @param status the HTTP status instead of the kind's own (error kinds only, same class: 4xx or 5xx), or null
 * @param holdMs for {@code timeout}: how long the server holds the connection at most, or null (10 min)
 * @param note free text for people (shown in the UI), or null
 */
public record FaultRule(
    FaultKind kind,
    List<FaultKind> sequence,
    boolean repeat,
    double probability,
    Window window,
    List<String> models,
    Target target,
    Long retryAfterS,
    Long retryAfterMs,
    Boolean shouldRetry,
    Latency latency,
    Integer status,
    Long holdMs,
    String note) {

  /** Longest sequence a rule may script. */
  public static final int MAX_SEQUENCE = 10_000;
  /** Longest note a rule may carry. */
  public static final int MAX_NOTE_CHARS = 200;

  public FaultRule {
    sequence = sequence == null ? List.of() : copyNonNull(sequence, "sequence");
    models = models == null ? List.of() : copyNonNull(models, "models");
    target = target == null ? Target.CHAT : target;
    if (kind == null && sequence.isEmpty())
      throw new FaultPlanException("", "needs \"kind\" or \"sequence\"");
    if (kind != null && !sequence.isEmpty())
      throw new FaultPlanException("", "has both \"kind\" and \"sequence\"; use one");
    if (sequence.size() > MAX_SEQUENCE)
      throw FaultPlanException.field("sequence", "must have at most " + MAX_SEQUENCE + " kinds, had "
          + sequence.size());
    if (repeat && sequence.isEmpty())
      throw FaultPlanException.field("repeat", "applies to a \"sequence\" only");
    if (!(probability >= 0 && probability <= 1))
      throw FaultPlanException.field("probability", "must be in [0, 1], was " + FaultPlanException.num(probability));
    for (int i = 0; i < models.size(); i++) {
      String problem = Names.problem(models.get(i), Names.MAX_MODEL_CHARS);
      if (problem != null)
        throw FaultPlanException.field("models[" + i + "]", problem + ", was " + Quote.text(models.get(i)));
    }

    List<FaultKind> kinds = kind != null ? List.of(kind) : sequence;
    boolean anyError = kinds.stream().anyMatch(FaultKind::isErrorStatus);
    String kindText = kind != null ? "kind \"" + kind.wireName() + "\"" : "a sequence without error kinds";
    if (retryAfterS != null) {
      checkErrorParam("retry_after_s", anyError, kindText);
      checkRange("retry_after_s", retryAfterS, 86_400);
    }
    if (retryAfterMs != null) {
      checkErrorParam("retry_after_ms", anyError, kindText);
      checkRange("retry_after_ms", retryAfterMs, 86_400_000);
    }
    if (shouldRetry != null) checkErrorParam("should_retry", anyError, kindText);
    if (status != null) {
      checkErrorParam("status", anyError, kindText);
      for (FaultKind k : kinds)
        if (k.isErrorStatus() && status / 100 != k.status() / 100)
          throw FaultPlanException.field(
              "status", "must be a " + k.status() / 100 + "xx status for \"" + k.wireName() + "\", was " + status);
    }
    if (holdMs != null) {
      if (!kinds.contains(FaultKind.TIMEOUT))
        throw FaultPlanException.field("hold_ms", "applies to \"timeout\" only, not to " + kindText);
      checkRange("hold_ms", holdMs, Latency.MAX_MS);
    }
    if (note != null && note.length() > MAX_NOTE_CHARS)
      throw FaultPlanException.field("note", "must be at most " + MAX_NOTE_CHARS + " characters, had " + note.length());
  }

  /** A rule that always applies {@code kind} to chat calls. */
  public static FaultRule of(FaultKind kind) {
    if (kind == null) throw new FaultPlanException("kind", "kind must not be null");
    return new FaultRule(
        kind, List.of(), false, 1, null, List.of(), Target.CHAT, null, null, null, null, null, null, null);
  }

  /** A scripted rule: request number n gets {@code kinds[n]} (modulo the length if {@code repeat}). */
  public static FaultRule sequence(List<FaultKind> kinds, boolean repeat) {
    return new FaultRule(
        null, kinds, repeat, 1, null, List.of(), Target.CHAT, null, null, null, null, null, null, null);
  }

  public FaultRule withProbability(double p) {
    return with(d -> d.probability = p);
  }

  /**
   * Applies only from {@code fromMs} (inclusive) to {@code toMs} (exclusive; null = open) after the plan was applied.
   */
  public FaultRule withWindow(long fromMs, Long toMs) {
    return withWindow(new Window(fromMs, toMs));
  }

  public FaultRule withWindow(Window w) {
    return with(d -> d.window = w);
  }

  public FaultRule withModels(List<String> names) {
    return with(d -> d.models = names);
  }

  public FaultRule withTarget(Target t) {
    return with(d -> d.target = t);
  }

  public FaultRule withRetryAfterSeconds(Long seconds) {
    return with(d -> d.retryAfterS = seconds);
  }

  public FaultRule withRetryAfterMs(Long ms) {
    return with(d -> d.retryAfterMs = ms);
  }

  public FaultRule withShouldRetry(Boolean value) {
    return with(d -> d.shouldRetry = value);
  }

  public FaultRule withLatency(Latency l) {
    return with(d -> d.latency = l);
  }

  public FaultRule withStatus(Integer s) {
    return with(d -> d.status = s);
  }

  public FaultRule withHoldMs(Long ms) {
    return with(d -> d.holdMs = ms);
  }

  public FaultRule withNote(String text) {
    return with(d -> d.note = text);
  }

  private FaultRule with(Consumer<Draft> change) {
    Draft d = new Draft(this);
    change.accept(d);
    return d.build();
  }

  /** A rule being changed by a {@code with*} method; validated when built. */
  private static final class Draft {
    FaultKind kind;
    List<FaultKind> sequence;
    boolean repeat;
    double probability;
    Window window;
    List<String> models;
    Target target;
    Long retryAfterS;
    Long retryAfterMs;
    Boolean shouldRetry;
    Latency latency;
    Integer status;
    Long holdMs;
    String note;

    Draft(FaultRule r) {
      kind = r.kind;
      sequence = r.sequence;
      repeat = r.repeat;
      probability = r.probability;
      window = r.window;
      models = r.models;
      target = r.target;
      retryAfterS = r.retryAfterS;
      retryAfterMs = r.retryAfterMs;
      shouldRetry = r.shouldRetry;
      latency = r.latency;
      status = r.status;
      holdMs = r.holdMs;
      note = r.note;
    }

    FaultRule build() {
      return new FaultRule(kind, sequence, repeat, probability, window, models, target, retryAfterS, retryAfterMs,
          shouldRetry, latency, status, holdMs, note);
    }
  }

  /** True if the rule names models (and so counts its sequence by the per-model request number). */
  public boolean hasModelFilter() {
    return !models.isEmpty();
  }

  /** The kind this rule scripts for request number {@code n}, or null when a non-repeating sequence is over. */
  public FaultKind kindAt(long n) {
    if (kind != null) return kind;
    if (n < 0) return null;
    if (repeat) return sequence.get((int) (n % sequence.size()));
    return n < sequence.size() ? sequence.get((int) n) : null;
  }

  /** Every kind this rule can produce. */
  public Set<FaultKind> kinds() {
    return kind != null ? Set.of(kind) : Set.copyOf(sequence);
  }

  /**
   * A time window after the plan was applied: {@code fromMs} inclusive, {@code toMs} exclusive (null = no
   * end). Immutable.
   */
  public record Window(long fromMs, Long toMs) {
    public Window {
      if (fromMs < 0) throw FaultPlanException.field("window.from_ms", "must be ≥ 0, was " + fromMs);
      if (toMs != null && toMs <= fromMs)
        throw FaultPlanException.field("window.to_ms", "(" + toMs + ") must be > window.from_ms (" + fromMs + ")");
    }

    public boolean contains(long elapsedMs) {
      return elapsedMs >= fromMs && (toMs == null || elapsedMs < toMs);
    }
  }

  private static void checkErrorParam(String field, boolean anyError, String kindText) {
    if (!anyError)
      throw FaultPlanException.field(field, "applies to HTTP error kinds only (status ≥ 400), not to " + kindText);
  }

  private static void checkRange(String field, long value, long max) {
    if (value < 0) throw FaultPlanException.field(field, "must be ≥ 0, was " + value);
    if (value > max) throw FaultPlanException.field(field, "must be ≤ " + max + ", was " + value);
  }

  private static <T> List<T> copyNonNull(List<T> list, String field) {
    List<T> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) == null) throw FaultPlanException.field(field + "[" + i + "]", "must not be null");
      out.add(list.get(i));
    }
    return List.copyOf(out);
  }
}
