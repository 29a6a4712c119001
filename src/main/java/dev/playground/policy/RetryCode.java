package dev.playground.policy;

import java.util.SortedSet;

/**
 * Writes the retry part of the code view: the {@code retry(...)} factory and, where the behaviour is not a
 * Failsafe one-liner (seeded jitter, Retry-After), the {@code withDelayFn} and the methods that compute the
 * wait exactly as {@link RetryDelays} does. Stateless, thread-safe.
 */
final class RetryCode {
  private RetryCode() {}

  /** True when the retry needs the seed coordinates (seeded jitter). */
  static boolean seeded(RetrySpec spec) {
    return spec.jitter() != Jitter.NONE;
  }

  /** True when Failsafe's {@code withBackoff}/{@code withDelay} alone reproduce the waits. */
  static boolean oneLiner(RetrySpec spec) {
    return spec.jitter() == Jitter.NONE && !spec.honourRetryAfter();
  }

  static void constants(RetrySpec spec, StringBuilder out, SortedSet<String> imports) {
    imports.add("java.util.EnumSet");
    imports.add("java.util.Set");
    out.append("  static final Set<FailureKind> RETRY_ON = ").append(Java.kinds(spec.retryOn())).append(";\n");
    out.append("  static final Set<FailureKind> ABORT_ON = ").append(Java.kinds(spec.abortOn())).append(";\n");
    if (!spec.retryOnResult().isEmpty())
      out.append("  static final Set<FailureKind> RETRY_ON_RESULT = ")
          .append(Java.kinds(spec.retryOnResult())).append(";\n");
    if (spec.honourRetryAfter())
      out.append("  static final Duration RETRY_AFTER_CAP = ").append(Java.duration(spec.retryAfterCap()))
          .append(";\n");
    if (seeded(spec)) {
      imports.add("dev.playground.clock.Seeds");
      out.append("  static final long JITTER = Seeds.of(\"retry.jitter\"); // jitter's own random stream\n");
    }
  }

  static void factory(RetrySpec spec, boolean breaker, StringBuilder out, SortedSet<String> imports) {
    imports.add("dev.failsafe.RetryPolicy");
    imports.add("java.time.Duration");
    String params = seeded(spec) ? "long seed, long request, int model" : "";
    out.append("\n  /** A new one for each request and model: ").append(summary(spec)).append(". */\n");
    out.append("  static RetryPolicy<ChatAnswer> retry(").append(params).append(") {\n");
    out.append("    return RetryPolicy.<ChatAnswer>builder()\n");
    out.append("        .withMaxAttempts(").append(spec.maxAttempts()).append(")\n");
    out.append("        .handleIf(e -> RETRY_ON.contains(kindOf(e)) || stops(e))\n");
    out.append("        .abortOn(e -> stops(e))\n");
    if (!spec.retryOnResult().isEmpty())
      out.append("        .handleResultIf(a -> a.defect().filter(RETRY_ON_RESULT::contains).isPresent())\n");
    if (oneLiner(spec)) {
      if (spec.backoff() != null && spec.backoff().maxDelay().compareTo(spec.delay()) > 0) {
        out.append("        .withBackoff(").append(Java.duration(spec.delay())).append(", ")
            .append(Java.duration(spec.backoff().maxDelay()));
        if (spec.backoff().factor() != 2) out.append(", ").append(Java.number(spec.backoff().factor()));
        out.append(")\n");
      } else if (!spec.delay().isZero()) {
        out.append("        .withDelay(").append(Java.duration(spec.delay())).append(")\n");
      }
    } else {
      out.append("        // the whole wait is computed here; withJitter is never used (unseeded Math.random())\n");
      out.append("        .withDelayFn(ctx -> delay(ctx.getAttemptCount(), ctx.getLastException()")
          .append(seeded(spec) ? ", seed, request, model" : "").append("))\n");
    }
    if (!spec.maxTotalDuration().isZero())
      out.append("        .withMaxDuration(").append(Java.duration(spec.maxTotalDuration()))
          .append(") // the playground measures it on its run clock\n");
    out.append("        .build();\n  }\n");

    out.append("\n  /** Retrying cannot help").append(breaker ? ", or the model's breaker is open" : "")
        .append(": stop at once. */\n");
    out.append("  static boolean stops(Throwable e) {\n");
    out.append("    return ABORT_ON.contains(kindOf(e))");
    if (breaker) {
      imports.add("dev.failsafe.CircuitBreakerOpenException");
      out.append(" || e instanceof CircuitBreakerOpenException");
    }
    out.append(";\n  }\n");
    if (!oneLiner(spec)) delay(spec, out, imports);
  }

  private static void delay(RetrySpec spec, StringBuilder out, SortedSet<String> imports) {
    imports.add("java.time.Duration");
    out.append("\n  /** The wait after failed attempt n (1, 2 …), in whole milliseconds. */\n");
    out.append("  static Duration delay(int n, Throwable failure").append(seeded(spec) ? ", long seed, long request, int model" : "")
        .append(") {\n");
    if (spec.honourRetryAfter()) {
      imports.add("dev.playground.llm.LlmFailure");
      out.append("    if (failure instanceof LlmFailure f && f.retryAfter().isPresent()) {\n");
      out.append("      // the provider said how long: wait that (not less than 0), at most the cap\n");
      out.append("      Duration asked = f.retryAfter().get().isNegative() ? Duration.ZERO : f.retryAfter().get();\n");
      out.append("      return Duration.ofMillis((asked.compareTo(RETRY_AFTER_CAP) > 0 ? RETRY_AFTER_CAP : asked).toMillis());\n");
      out.append("    }\n");
    }
    if (spec.jitter() == Jitter.DECORRELATED) {
      long base = spec.delay().toMillis();
      long cap = spec.backoff().maxDelay().toMillis();
      out.append("    // decorrelated jitter (Brooker): each wait in [").append(base).append(" ms, 3 × the previous one), at most ")
          .append(cap).append(" ms\n");
      out.append("    long sleep = ").append(base).append(";\n");
      out.append("    for (int i = 1; i <= n; i++)\n");
      out.append("      sleep = Math.min(").append(cap).append(", ").append(base)
          .append(" + (long) (Seeds.unit(seed, JITTER, request, model, i) * (3 * sleep - ").append(base).append(")));\n");
      out.append("    return Duration.ofMillis(sleep);\n  }\n");
      return;
    }
    out.append("    long b = ").append(spec.backoff() == null ? spec.delay().toMillis() + "; // fixed delay" : "backoffMillis(n);")
        .append("\n");
    switch (spec.jitter()) {
      case NONE -> out.append("    return Duration.ofMillis(b);\n");
      case PROPORTIONAL -> {
        out.append("    double u = Seeds.unit(seed, JITTER, request, model, n);\n");
        out.append("    return Duration.ofMillis((long) (b * (1 + ").append(Java.number(spec.jitterFactor()))
            .append(" * (2 * u - 1)))); // proportional jitter: within ±").append(Java.number(spec.jitterFactor()))
            .append(" of b\n");
      }
      case FULL -> {
        out.append("    double u = Seeds.unit(seed, JITTER, request, model, n);\n");
        out.append("    return Duration.ofMillis((long) (u * b)); // full jitter: anywhere in [0, b)\n");
      }
      case EQUAL -> {
        out.append("    double u = Seeds.unit(seed, JITTER, request, model, n);\n");
        out.append("    return Duration.ofMillis(b / 2 + (long) (u * (b - b / 2))); // equal jitter: in [b/2, b)\n");
      }
      default -> throw new IllegalStateException("handled above: " + spec.jitter());
    }
    out.append("  }\n");
    if (spec.backoff() != null) {
      out.append("\n  /** ").append(Java.human(spec.delay())).append(", then × ").append(Java.humanNumber(spec.backoff().factor()))
          .append(" after each failed attempt, at most ").append(Java.human(spec.backoff().maxDelay()))
          .append(" (Failsafe's withBackoff arithmetic). */\n");
      out.append("  static long backoffMillis(int n) {\n");
      out.append("    long nanos = ").append(Java.duration(spec.delay())).append(".toNanos();\n");
      out.append("    for (int i = 2; i <= n; i++)\n");
      out.append("      nanos = (long) Math.min(nanos * ").append(Java.number(spec.backoff().factor())).append(", ")
          .append(Java.duration(spec.backoff().maxDelay())).append(".toNanos());\n");
      out.append("    return nanos / 1_000_000;\n  }\n");
    }
  }

  /** One line on what the policy does, for its Javadoc. */
  static String summary(RetrySpec spec) {
    StringBuilder s = new StringBuilder().append(spec.maxAttempts()).append(spec.maxAttempts() == 1 ? " attempt" : " attempts");
    if (spec.backoff() == null) s.append(", ").append(Java.human(spec.delay())).append(" apart");
    else s.append(", waits from ").append(Java.human(spec.delay())).append(" × ")
        .append(Java.humanNumber(spec.backoff().factor())).append(" up to ").append(Java.human(spec.backoff().maxDelay()));
    if (spec.jitter() != Jitter.NONE) s.append(", ").append(spec.jitter().wireName()).append(" jitter");
    if (spec.honourRetryAfter()) s.append(", Retry-After up to ").append(Java.human(spec.retryAfterCap()));
    return s.toString();
  }
}
