package dev.playground.engine;

import dev.playground.events.Rung;
import dev.playground.llm.ChatRequest;
import dev.playground.llm.FailureKind;
import dev.playground.llm.LlmFailure;
import dev.playground.policy.LadderSpec.FullFailure;
import dev.playground.policy.LadderSpec;
import dev.playground.policy.ManagedBreaker;
import dev.playground.policy.PolicySet;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The resilient client: a prompt goes down the degradation ladder ({@code full}: retrieved context + the
 * model chain; {@code limited}: the chain without context; {@code cached}; {@code error}: the canned message),
 * each model of the chain guarded by its retry, breaker, bulkhead and rate limiter. Every step is a run event.
 *
 * <p>{@link #ask} never blocks: the answer arrives on the run clock's or the HTTP client's threads (in
 * virtual time, on the thread driving the clock). Thread-safe; policies can be changed while it runs.
 */
public final class ResilientClient {
  /** Longest prompt accepted, in characters. */
  public static final int MAX_PROMPT_CHARS = 100_000;
  /** The per-attempt timeout when the timeout policy is off (openai-java's own default is 10 minutes). */
  public static final Duration NO_TIMEOUT_POLICY = Duration.ofMinutes(10);

  private final EngineSetup setup;
  private final EngineEvents events;
  private final Breakers breakers;
  private final AtomicLong requests = new AtomicLong();
  private volatile Settings settings;

  /** One policy set and what is built from it, swapped whole when the policies change. */
  private record Settings(PolicySet policies, ModelChain chain, AnswerCache cache) {}

  /** @throws IllegalArgumentException when a model of the chain names a provider the run does not have */
  public ResilientClient(PolicySet policies, EngineSetup setup) {
    checkModels(policies, setup.models());
    this.setup = setup;
    this.events = new EngineEvents(setup.recorder());
    this.breakers = new Breakers(policies, setup.clock(), events);
    this.settings = build(policies, null);
  }

  /** Applies new policies to the requests that start from now on; breakers with unchanged specs keep state. */
  public synchronized void updatePolicies(PolicySet policies) {
    checkModels(policies, setup.models());
    Settings before = settings;
    breakers.update(policies);
    settings = build(policies, before);
  }

  /** Every model of the chain must exist before anything is applied (the directory names what is missing). */
  private static void checkModels(PolicySet policies, ModelDirectory models) {
    for (var ref : policies.chain().models()) models.model(ref);
  }

  public PolicySet policies() {
    return settings.policies();
  }

  /** The breakers, by "provider/model", for lamps and manual open / close / half-open. */
  public Map<String, ManagedBreaker> breakers() {
    return breakers.all();
  }

  /** Requests started so far. */
  public long requestsStarted() {
    return requests.get();
  }

  public CompletableFuture<Answer> ask(String prompt) {
    return ask(prompt, AskOptions.DEFAULT);
  }

  /**
   * Sends one prompt down the ladder. The future always completes normally: a request nothing could answer
   * ends on the {@code error} rung with its last failure as the outcome.
   *
   * @throws IllegalArgumentException for an empty or too long prompt (nothing is sent)
   */
  public CompletableFuture<Answer> ask(String prompt, AskOptions options) {
    if (prompt == null || prompt.isBlank()) throw new IllegalArgumentException("prompt must not be empty");
    if (prompt.length() > MAX_PROMPT_CHARS)
      throw new IllegalArgumentException(
          "prompt must be at most " + MAX_PROMPT_CHARS + " characters, was " + prompt.length());
    Settings s = settings;
    RequestTrace t = new RequestTrace(requests.getAndIncrement(), prompt, setup.clock().nowNanos());
    events.requestStarted(t);
    ChatRequest request = new ChatRequest(prompt, null, perAttemptTimeout(s), options.stream(), options.headers());

    CompletableFuture<Answer> answer;
    if (s.cache() != null && s.policies().cache().checkFirst()) {
      var lookup = s.cache().lookup(prompt);
      if (lookup.entry().isPresent()) {
        var e = lookup.entry().get();
        events.cacheHit(t, "first", s.cache().ageMs(e));
        answer = CompletableFuture.completedFuture(answer(t, e.content(), Rung.CACHED, e.provider(), e.model(), "ok"));
      } else {
        answer = ladder(s, t, request);
      }
    } else {
      answer = ladder(s, t, request);
    }
    return answer.handle((a, failure) -> {
      // a bug in a rung must not leave the request unfinished: it ends on the error rung, named
      Answer done = a != null ? a : answer(t, null, Rung.ERROR, null, null, "unknown");
      events.requestFinished(done);
      return done;
    });
  }

  private CompletableFuture<Answer> ladder(Settings s, RequestTrace t, ChatRequest request) {
    LadderSpec ladder = s.policies().ladderOrDefault();
    CompletableFuture<RungResult> full = ladder.full()
        ? fullRung(s, t, request)
        : CompletableFuture.completedFuture(RungResult.skipped(FullFailure.CHAIN_FAILED));
    return full.thenCompose(r -> {
      if (r.answer != null) return CompletableFuture.completedFuture(r.answer);
      boolean tryLimited = ladder.limited() && (!ladder.full() || ladder.triesLimitedAfter(r.why));
      if (!tryLimited) return CompletableFuture.completedFuture((Answer) null);
      return Futures.then(s.chain().run(t, request, Rung.LIMITED), o -> {
        if (!o.failed()) return CompletableFuture.completedFuture(served(s, t, o.value(), Rung.LIMITED));
        events.rungFailed(t, Rung.LIMITED, ModelChain.reason(o.failure()));
        return CompletableFuture.completedFuture((Answer) null);
      });
    }).thenApply(a -> a != null ? a : lowerRungs(s, t, ladder));
  }

  /** Retrieval, then the chain with the context. */
  private CompletableFuture<RungResult> fullRung(Settings s, RequestTrace t, ChatRequest request) {
    return Futures.then(retrieve(t, request.timeout()), retrieved -> {
      if (retrieved.failed()) {
        events.rungFailed(t, Rung.FULL, retrieved.failure().getMessage());
        return CompletableFuture.completedFuture(RungResult.skipped(FullFailure.RETRIEVAL_FAILED));
      }
      return Futures.then(s.chain().run(t, request.withContext(retrieved.value()), Rung.FULL), o -> {
        if (!o.failed()) return CompletableFuture.completedFuture(RungResult.of(served(s, t, o.value(), Rung.FULL)));
        events.rungFailed(t, Rung.FULL, ModelChain.reason(o.failure()));
        boolean tooLong = o.failure() instanceof LlmFailure f && f.kind() == FailureKind.CONTEXT_LENGTH;
        return CompletableFuture.completedFuture(
            RungResult.skipped(tooLong ? FullFailure.CONTEXT_TOO_LONG : FullFailure.CHAIN_FAILED));
      });
    });
  }

  /** The {@code cached} and {@code error} rungs: quick, no calls. */
  private Answer lowerRungs(Settings s, RequestTrace t, LadderSpec ladder) {
    if (ladder.cached() && s.cache() != null) {
      var lookup = s.cache().lookup(t.prompt);
      if (lookup.entry().isPresent()) {
        var e = lookup.entry().get();
        events.cacheHit(t, "fallback", s.cache().ageMs(e));
        return answer(t, e.content(), Rung.CACHED, e.provider(), e.model(), "ok");
      }
      events.rungFailed(t, Rung.CACHED, lookup.broken() != null ? lookup.broken() : "cache_miss");
    }
    String content = ladder.error() ? ladder.errorMessage() : null;
    return answer(t, content, Rung.ERROR, null, null, t.lastFailure());
  }

  private Answer served(Settings s, RequestTrace t, ModelChain.Served served, Rung rung) {
    var a = served.answer();
    String outcome = a.defect().map(FailureKind::wireName).orElse("ok");
    if (s.cache() != null && a.defect().isEmpty())
      s.cache().store(t.prompt, a.content(), served.ref().provider(), served.ref().model());
    return answer(t, a.content(), rung, served.ref().provider(), served.ref().model(), outcome);
  }

  private Answer answer(RequestTrace t, String content, Rung rung, String provider, String model, String outcome) {
    double latencyMs = (setup.clock().nowNanos() - t.startNanos) / 1e6;
    return new Answer(t.req, content, rung, provider, model, outcome, t.attempts(), latencyMs);
  }

  private CompletableFuture<String> retrieve(RequestTrace t, Duration timeout) {
    try {
      return setup.retriever().context(t.prompt, timeout);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static Duration perAttemptTimeout(Settings s) {
    return s.policies().timeout() == null ? NO_TIMEOUT_POLICY : s.policies().timeout().perAttempt();
  }

  private Settings build(PolicySet policies, Settings before) {
    ModelChain chain = new ModelChain(policies, setup.models(), breakers, events, setup.clock(), setup.seed());
    AnswerCache cache = null;
    if (policies.cacheOn()) {
      boolean sameCache = before != null && before.cache() != null
          && policies.cache().equals(before.policies().cache());
      cache = sameCache ? before.cache()
          : setup.cacheLayer().apply(new ResponseCache(policies.cache(), setup.clock()));
    }
    return new Settings(policies, chain, cache);
  }

  /** How a rung ended: with an answer, or skipped for a reason the next rung cares about. */
  private record RungResult(Answer answer, FullFailure why) {
    static RungResult of(Answer a) {
      return new RungResult(a, null);
    }

    static RungResult skipped(FullFailure why) {
      return new RungResult(null, why);
    }
  }
}
