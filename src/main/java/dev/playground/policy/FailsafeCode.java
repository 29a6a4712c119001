package dev.playground.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The "show code" view: a {@link PolicySet} as plain Failsafe 3.3.2 Java code, generated from the specs (never
 * written per preset), compilable as it stands against the playground's {@code llm} types. Where the
 * playground's behaviour is a Failsafe one-liner the code is that one-liner; where it is not (seeded jitter,
 * Retry-After) it shows the {@code withDelayFn} and the arithmetic that do it, as the engine computes them. One
 * difference, said in the code's comment: the per-attempt timeout is written as Failsafe's {@code Timeout}, the
 * way a Failsafe user would; the engine gives it to the SDK's request timeout instead, which also aborts the
 * HTTP call (see {@link Policies}). Stateless and thread-safe.
 */
public final class FailsafeCode {
  /** The generated class's name. */
  public static final String CLASS_NAME = "ResilientCall";

  private FailsafeCode() {}

  /** The code for these settings: one compilation unit, class {@value #CLASS_NAME} in the default package. */
  public static String of(PolicySet set) {
    return of(set, CLASS_NAME);
  }

  /** As {@link #of(PolicySet)}, naming the class {@code className}. */
  public static String of(PolicySet set, String className) {
    if (className == null || !className.matches("[A-Z][A-Za-z0-9_]*"))
      throw Checks.fail("className must be a Java class name, was " + className);
    SortedSet<String> imports = new TreeSet<>(List.of(
        "dev.failsafe.Failsafe", "dev.playground.llm.ChatAnswer", "dev.playground.llm.ChatModel",
        "dev.playground.llm.ChatRequest", "java.util.concurrent.CompletableFuture"));
    StringBuilder body = new StringBuilder();
    List<ModelRef> chain = set.chain().models();
    List<String> breakerNames = uniqueNames(chain, true);
    List<String> modelNames = uniqueNames(chain, false);
    RetrySpec retry = set.retry();
    boolean needsKinds = retry != null || set.breaker() != null;

    // fields: kinds, shared policies
    if (retry != null) RetryCode.constants(retry, body, imports);
    if (set.breaker() != null) {
      imports.add("dev.failsafe.CircuitBreaker");
      imports.add("java.util.EnumSet");
      imports.add("java.util.Set");
      body.append("  static final Set<FailureKind> COUNT_ON = ").append(Java.kinds(set.breaker().countOn())).append(";\n");
      body.append("\n  // one breaker per provider + model, shared by every request\n");
      for (int i = 0; i < chain.size(); i++)
        body.append("  static final CircuitBreaker<ChatAnswer> ").append(breakerNames.get(i)).append(" = breaker(); // ")
            .append(Java.comment(chain.get(i).key())).append("\n");
    }
    if (set.rateLimiter() != null) {
      RateLimiterSpec r = set.rateLimiter();
      imports.add("dev.failsafe.RateLimiter");
      imports.add("java.time.Duration");
      body.append("  static final RateLimiter<ChatAnswer> RATE_LIMITER = RateLimiter.<ChatAnswer>")
          .append(r.mode() == RateLimiterSpec.Mode.SMOOTH ? "smoothBuilder(" : "burstyBuilder(").append(r.permits())
          .append(", ").append(Java.duration(r.period())).append(")\n        .withMaxWaitTime(")
          .append(Java.duration(r.maxWait())).append(").build();\n");
    }
    if (set.bulkhead() != null) {
      imports.add("dev.failsafe.Bulkhead");
      imports.add("java.time.Duration");
      body.append("  static final Bulkhead<ChatAnswer> BULKHEAD = Bulkhead.<ChatAnswer>builder(")
          .append(set.bulkhead().maxConcurrent()).append(")\n        .withMaxWaitTime(")
          .append(Java.duration(set.bulkhead().maxWait())).append(").build();\n");
    }
    if (set.timeout() != null) {
      imports.add("dev.failsafe.Timeout");
      imports.add("java.time.Duration");
      body.append("  static final Timeout<ChatAnswer> TIMEOUT = Timeout.of(")
          .append(Java.duration(set.timeout().perAttempt()))
          .append("); // per attempt (the playground sets the SDK's request timeout instead: it aborts the call)\n");
    }
    if (set.cacheOn() || set.ladder() != null) notFailsafe(set, body);

    if (needsKinds) kindOf(set.timeout() != null, body, imports);
    if (retry != null) RetryCode.factory(retry, set.breaker() != null, body, imports);
    if (set.breaker() != null) breaker(set.breaker(), body, imports);
    ask(set, modelNames, breakerNames, body, imports);

    StringBuilder out = new StringBuilder();
    for (String i : imports) out.append("import ").append(i).append(";\n");
    out.append("\n/**\n * These settings as plain Failsafe 3.3.2 code, generated from the specs. The playground runs the\n")
        .append(" * same policies, with {@code .with(runClock::schedule)} so that waits follow its clock.\n */\n");
    out.append("public class ").append(className).append(" {\n").append(body).append("}\n");
    return out.toString();
  }

  private static void notFailsafe(PolicySet set, StringBuilder out) {
    out.append("\n  // Not Failsafe policies: the playground's engine runs these around ask(...)\n");
    if (set.cacheOn()) {
      CacheSpec c = set.cache();
      out.append("  // cache: answers kept ").append(Java.human(c.ttl())).append(", at most ").append(c.maxSize())
          .append(c.checkFirst() ? ", looked up before any call" : ", used by the ladder's cached rung").append("\n");
    }
    if (set.ladder() != null) {
      LadderSpec l = set.ladder();
      List<String> rungs = l.rungs().stream().map(r -> r.wireName()).toList();
      out.append("  // ladder: ").append(String.join(" → ", rungs));
      if (l.limited())
        out.append(l.limitedAfterChainFailure()
            ? "; limited re-runs the chain after any failure (doubles the calls)"
            : "; limited only when retrieval failed or the context was too long");
      out.append("\n");
      if (l.error()) out.append("  static final String ERROR_MESSAGE = ").append(Java.string(l.errorMessage())).append(";\n");
    }
  }

  private static void kindOf(boolean timeout, StringBuilder out, SortedSet<String> imports) {
    imports.add("dev.playground.llm.FailureKind");
    imports.add("dev.playground.llm.LlmFailure");
    out.append("\n  /** The failure's kind in the playground's taxonomy. */\n");
    out.append("  static FailureKind kindOf(Throwable e) {\n");
    out.append("    if (e instanceof LlmFailure f) return f.kind();\n");
    if (timeout) {
      imports.add("dev.failsafe.TimeoutExceededException");
      out.append("    if (e instanceof TimeoutExceededException) return FailureKind.TIMEOUT;\n");
    }
    out.append("    return FailureKind.UNKNOWN;\n  }\n");
  }

  private static void breaker(BreakerSpec b, StringBuilder out, SortedSet<String> imports) {
    imports.add("java.time.Duration");
    out.append("\n  /** ").append(summary(b)).append(". */\n");
    out.append("  static CircuitBreaker<ChatAnswer> breaker() {\n");
    out.append("    return CircuitBreaker.<ChatAnswer>builder()\n");
    out.append("        .handleIf(e -> COUNT_ON.contains(kindOf(e))) // other outcomes count as successes\n");
    if (b.countOn().stream().anyMatch(k -> k.isAnswerDefect()))
      out.append("        .handleResultIf(a -> a.defect().filter(COUNT_ON::contains).isPresent())\n");
    if (b.isRateBased())
      out.append("        .withFailureRateThreshold(").append(b.failureRate().percent()).append(", ")
          .append(b.failureRate().minExecutions()).append(", ").append(Java.duration(b.failureRate().period()))
          .append(")\n");
    else
      out.append("        .withFailureThreshold(").append(b.failureCount().failures()).append(", ")
          .append(b.failureCount().executions()).append(")\n");
    out.append("        .withSuccessThreshold(").append(b.successCount().successes()).append(", ")
        .append(b.successCount().executions()).append(")\n");
    out.append("        .withDelay(").append(Java.duration(b.delay())).append(")\n");
    out.append("        .build();\n  }\n");
  }

  private static void ask(PolicySet set, List<String> models, List<String> breakers, StringBuilder out,
      SortedSet<String> imports) {
    List<ModelRef> chain = set.chain().models();
    boolean seeded = set.retry() != null && RetryCode.seeded(set.retry());
    out.append("\n  /**\n   * ");
    for (int i = 0; i < chain.size(); i++) out.append(i == 0 ? "" : ", then ").append(Java.comment(chain.get(i).key()));
    out.append(".\n   * Outermost first: ").append(order(set, chain.size() > 1)).append(".\n");
    for (String why : why(set, chain.size() > 1)) out.append("   * ").append(why).append("\n");
    out.append("   */\n");
    out.append("  static CompletableFuture<ChatAnswer> ask(ChatRequest request");
    for (String m : models) out.append(", ChatModel ").append(m);
    if (seeded) out.append(", long seed, long requestNo");
    out.append(") {\n");
    String fallback = null;
    for (int i = chain.size() - 1; i >= 0; i--) {
      String policies = policies(set, fallback, i, breakers, seeded);
      String call = (policies.isEmpty() ? "Failsafe.<ChatAnswer>none()" : "Failsafe.with(" + policies + ")") + "\n"
          + "%s.getStageAsync(() -> " + models.get(i) + ".chat(request))";
      if (i == 0) {
        out.append("    return ").append(call.replace("%s", " ".repeat(8))).append(";\n");
      } else {
        call = call.replace("%s", " ".repeat(16));
        imports.add("dev.failsafe.Fallback");
        String name = "to" + Character.toUpperCase(models.get(i).charAt(0)) + models.get(i).substring(1);
        out.append("    Fallback<ChatAnswer> ").append(name).append(" = Fallback.<ChatAnswer>builderOfStage(e ->\n");
        out.append("            ").append(call).append(")\n");
        if (set.retry() != null && !set.retry().retryOnResult().isEmpty())
          out.append("        .handleResultIf(a -> a.defect().filter(RETRY_ON_RESULT::contains).isPresent())\n");
        out.append("        .build();\n");
        fallback = name;
      }
    }
    out.append("  }\n");
  }

  private static String policies(PolicySet set, String fallback, int model, List<String> breakers, boolean seeded) {
    List<String> p = new ArrayList<>();
    if (fallback != null) p.add(fallback);
    if (set.retry() != null) p.add(seeded ? "retry(seed, requestNo, " + model + ")" : "retry()");
    if (set.rateLimiter() != null) p.add("RATE_LIMITER");
    if (set.bulkhead() != null) p.add("BULKHEAD");
    if (set.breaker() != null) p.add(breakers.get(model));
    if (set.timeout() != null) p.add("TIMEOUT");
    return String.join(", ", p);
  }

  private static String order(PolicySet set, boolean fallback) {
    List<String> names = new ArrayList<>();
    if (fallback) names.add("Fallback (next model)");
    if (set.retry() != null) names.add("RetryPolicy");
    if (set.rateLimiter() != null) names.add("RateLimiter");
    if (set.bulkhead() != null) names.add("Bulkhead");
    if (set.breaker() != null) names.add("CircuitBreaker");
    if (set.timeout() != null) names.add("Timeout");
    names.add("call");
    return String.join(" ▸ ", names);
  }

  /** Why the order is what it is, for the policies present. */
  private static List<String> why(PolicySet set, boolean fallback) {
    List<String> lines = new ArrayList<>();
    if (fallback) lines.add("The fallback is outermost: a model is left only when all its policies gave up.");
    boolean limits = set.rateLimiter() != null || set.bulkhead() != null;
    if (set.retry() != null && (limits || set.breaker() != null))
      lines.add("The retry wraps the rest: each attempt takes its own " + (limits ? "permit and " : "")
          + (set.breaker() != null ? "breaker verdict, and an open breaker stops the retries at once." : "turn."));
    if (limits && set.breaker() != null)
      lines.add("The limits sit outside the breaker, so that it only counts calls really sent.");
    if (set.timeout() != null) lines.add("The timeout is innermost: it bounds one attempt, not the series.");
    return lines;
  }

  static String summary(BreakerSpec b) {
    String opens = b.isRateBased()
        ? "Opens when " + b.failureRate().percent() + " % of at least " + b.failureRate().minExecutions()
            + " calls in " + Java.human(b.failureRate().period()) + " failed"
        : "Opens when " + b.failureCount().failures() + " of the last " + b.failureCount().executions()
            + " calls failed";
    return opens + ", half-opens after " + Java.human(b.delay()) + ", closes when " + b.successCount().successes()
        + " of " + b.successCount().executions() + " trial calls succeed";
  }

  /** Java names for the chain's models, unique even when two keys sanitise alike. */
  private static List<String> uniqueNames(List<ModelRef> chain, boolean constant) {
    List<String> names = new ArrayList<>();
    for (ModelRef m : chain) {
      String base = constant ? Java.constant(m.key()) : Java.camel(m.key());
      String name = base;
      for (int k = 2; names.contains(name); k++) name = base + (constant ? "_" : "") + k;
      names.add(name);
    }
    return names;
  }
}
