package dev.playground.llm;

import dev.playground.clock.RunClock;
import dev.playground.clock.Seeds;
import dev.playground.faults.FaultDecision;
import dev.playground.faults.FaultInjector;
import dev.playground.faults.FaultKind;
import dev.playground.faults.FaultPlan;
import dev.playground.faults.SimulatedAnswers;
import dev.playground.faults.Target;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A model of a simulated provider, in process: no HTTP, no thread of its own. Each call is decided by the
 * same {@link FaultInjector} as the HTTP provider's, and its future completes on the {@link RunClock} after
 * the decided latency (or after the request's timeout) with the answer or {@link LlmFailure} the openai-java
 * adapter would report for that fault. On a virtual clock a run is deterministic for its seed. Thread-safe.
 */
public final class SimulatedChatModel implements ChatModel {
  /** The request header that forces one fault for one request, as on the HTTP provider. */
  public static final String FAULT_HEADER = "X-Playground-Fault";
  /**
   * {@code KEY/POSITION}: decide this call's fault by its logical key and its attempt position instead of by
   * arrival order (see {@code FaultPlan.decideCall}); what A/B comparisons send.
   */
  public static final String CALL_HEADER = "X-Playground-Call";
  private static final int MAX_CACHED_ANSWERS = 1_024;

  private final String provider;
  private final String model;
  private final FaultInjector faults;
  private final RunClock clock;
  private final AtomicLong requests = new AtomicLong();
  // The fake answer is a pure function of (model, prompt) and the costly part of a call; load runs repeat prompts.
  private final Map<String, SimulatedOutcome.Fake> answers = new ConcurrentHashMap<>();
  private final long who;

  /**
   * @param faults decides each call; share one injector between the models of one simulated provider
   * @param clock where answers arrive: a virtual clock for fast-forward runs
   */
  public SimulatedChatModel(String provider, String model, FaultInjector faults, RunClock clock) {
    if (provider == null || provider.isBlank()) throw new IllegalArgumentException("provider must not be empty");
    if (model == null || model.isBlank()) throw new IllegalArgumentException("model must not be empty");
    if (faults == null) throw new IllegalArgumentException("faults must not be null");
    if (clock == null) throw new IllegalArgumentException("clock must not be null");
    this.provider = provider;
    this.model = model;
    this.faults = faults;
    this.clock = clock;
    this.who = Seeds.mix(Seeds.of(provider), Seeds.of(model));
  }

  /** A model with its own injector, whose plan's time windows start now on {@code clock}. */
  public static SimulatedChatModel of(String provider, String model, FaultPlan plan, RunClock clock) {
    return new SimulatedChatModel(provider, model, new FaultInjector(plan, clock), clock);
  }

  @Override
  public String provider() {
    return provider;
  }

  @Override
  public String model() {
    return model;
  }

  /** The injector deciding this model's calls (apply a new plan to it to change what goes wrong). */
  public FaultInjector faults() {
    return faults;
  }

  /** Calls made so far, one per {@link #chat}. */
  public long requestCount() {
    return requests.get();
  }

  private static Optional<long[]> callKey(String value) {
    int slash = value.indexOf('/');
    if (slash < 0) return Optional.empty();
    try {
      return Optional.of(new long[] {Long.parseLong(value.substring(0, slash)), Long.parseLong(value.substring(slash + 1))});
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  @Override
  public CompletableFuture<ChatAnswer> chat(ChatRequest request) {
    long n = requests.getAndIncrement();
    String requestId = requestId(n);
    CompletableFuture<ChatAnswer> result = new CompletableFuture<>();
    Optional<String> forcedName = header(request.extraHeaders(), FAULT_HEADER);
    SimulatedOutcome.Result outcome;
    if (forcedName.isPresent()) {
      Optional<FaultKind> forced = FaultKind.fromWireName(forcedName.get());
      if (forced.isEmpty()) {
        // The HTTP provider refuses an unknown kind at once, without numbering the request.
        result.completeExceptionally(unknownFault(forcedName.get(), requestId));
        return result;
      }
      outcome = outcome(faults.force(forced.get(), model, Target.CHAT), request, requestId);
    } else {
      Optional<long[]> call = header(request.extraHeaders(), CALL_HEADER).flatMap(SimulatedChatModel::callKey);
      outcome = outcome(call.isPresent()
          ? faults.decideCall(model, Target.CHAT, call.get()[0], call.get()[1])
          : faults.decide(model, Target.CHAT), request, requestId);
    }
    clock.schedule(() -> {
      if (outcome.failure() != null) result.completeExceptionally(outcome.failure());
      else result.complete(outcome.answer());
      return null;
    }, outcome.afterNanos(), TimeUnit.NANOSECONDS);
    return result;
  }

  private SimulatedOutcome.Result outcome(FaultDecision decision, ChatRequest request, String requestId) {
    return SimulatedOutcome.of(decision, request, provider, model, requestId, this::answer);
  }

  private SimulatedOutcome.Fake answer(String prompt) {
    SimulatedOutcome.Fake known = answers.get(prompt);
    if (known != null) return known;
    if (answers.size() >= MAX_CACHED_ANSWERS) answers.clear();
    return answers.computeIfAbsent(prompt, p -> SimulatedOutcome.Fake.of(SimulatedAnswers.answer(model, p)));
  }

  private LlmFailure unknownFault(String name, String requestId) {
    String message = "400 invalid_request (" + FAULT_HEADER + " \"" + name + "\" is not a fault kind; use one of "
        + FaultKind.allowedNames() + ") from " + provider + "/" + model;
    return new LlmFailure(FailureKind.INVALID_REQUEST, message, 400, null,
        Map.of("x-request-id", List.of(requestId)), requestId, "unknown_fault_kind", null);
  }

  /** {@code req_} and 32 hex digits, like the HTTP provider's; the same for the same seed, names and number. */
  private String requestId(long n) {
    long seed = faults.plan().seed();
    return "req_" + hex(Seeds.mix(seed, who, n)) + hex(Seeds.mix(seed, who, n, 1));
  }

  private static String hex(long v) {
    String h = Long.toHexString(v);
    return "0".repeat(16 - h.length()) + h;
  }

  private static Optional<String> header(Map<String, String> headers, String name) {
    for (var e : headers.entrySet()) if (e.getKey().equalsIgnoreCase(name)) return Optional.ofNullable(e.getValue());
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "SimulatedChatModel[" + provider + " " + model + "]";
  }
}
