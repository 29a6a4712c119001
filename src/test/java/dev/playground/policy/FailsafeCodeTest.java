package dev.playground.policy;

import static dev.playground.llm.FailureKind.EMPTY_ANSWER;
import static dev.playground.llm.FailureKind.SERVER_ERROR;
import static dev.playground.policy.Fixtures.failure;
import static dev.playground.policy.Fixtures.rateLimited;
import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.failsafe.RetryPolicy;
import dev.playground.llm.ChatAnswer;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailsafeCodeTest {
  private static final ChainSpec ONE = ChainSpec.of(new ModelRef("openai", "gpt-4o-mini"));
  private static final ChainSpec THREE = ChainSpec.of(new ModelRef("openai", "gpt-4o"),
      new ModelRef("anthropic", "claude-3-haiku-20240307"), new ModelRef("local", "llama3.1:8b"));
  private static final RetrySpec LESSON = RetrySpec.defaults().withRetryAfter(false, ofSeconds(60))
      .withBackoff(ofSeconds(2), ofSeconds(30), 2);

  /** Every set's code, compiled once in one javac run (javac reads the whole class path each run). */
  private static Path classes;

  @BeforeAll
  static void compileEverySet(@TempDir Path dir) throws IOException {
    List<PolicySet> sets = sets();
    List<Path> files = new ArrayList<>();
    StringBuilder all = new StringBuilder();
    for (int i = 0; i < sets.size(); i++) {
      String source = FailsafeCode.of(sets.get(i), "Set" + i);
      files.add(Files.writeString(dir.resolve("Set" + i + ".java"), source));
      all.append(source);
    }
    var javac = ToolProvider.getSystemJavaCompiler();
    var errors = new StringWriter();
    boolean ok;
    try (var fm = javac.getStandardFileManager(null, null, null)) {
      ok = javac.getTask(errors, fm, null,
          List.of("-classpath", System.getProperty("java.class.path"), "-d", dir.toString(), "-Xlint:none"),
          null, fm.getJavaFileObjectsFromPaths(files)).call();
    }
    assertThat(ok).as(errors + "\n" + all).isTrue();
    classes = dir;
  }

  static List<PolicySet> sets() {
    var base = RetrySpec.defaults().withMaxAttempts(5).withBackoff(ofMillis(500), ofSeconds(20), 2);
    return List.of(
        PolicySet.of(ONE),
        PolicySet.of(ONE).withRetry(RetrySpec.defaults().withRetryAfter(false, ofSeconds(1))),
        PolicySet.of(THREE).withRetry(LESSON).withBreaker(BreakerSpec.defaults()),
        PolicySet.of(THREE).withRetry(base.withJitter(Jitter.FULL, 0).withRetryOnResult(Set.of(EMPTY_ANSWER)))
            .withBreaker(BreakerSpec.rateBased(50, 10, ofSeconds(60), ofSeconds(30)).withCountOn(Set.of(SERVER_ERROR, EMPTY_ANSWER)))
            .withTimeout(TimeoutSpec.of(ofSeconds(20))).withBulkhead(new BulkheadSpec(4, ofMillis(100)))
            .withRateLimiter(new RateLimiterSpec(RateLimiterSpec.Mode.BURSTY, 5, ofSeconds(1), ofMillis(0)))
            .withCache(CacheSpec.defaults().withCheckFirst(true)).withLadder(LadderSpec.defaults()),
        PolicySet.of(ONE).withRetry(base.withJitter(Jitter.EQUAL, 0).withMaxTotalDuration(ofSeconds(30))),
        PolicySet.of(ONE).withRetry(base.withJitter(Jitter.PROPORTIONAL, 0.25)),
        PolicySet.of(ONE).withRetry(base.withJitter(Jitter.DECORRELATED, 0).withRetryAfter(true, ofSeconds(10))),
        PolicySet.of(ONE).withRetry(RetrySpec.defaults().withDelay(ofMillis(1500)).withJitter(Jitter.FULL, 0))
            .withCache(CacheSpec.defaults())
            .withLadder(new LadderSpec(true, true, true, true, "Say \"sorry\" \\u0041\n", false)),
        PolicySet.of(THREE),
        PolicySet.of(ChainSpec.of(new ModelRef("odd", "a*/b\\u0022"), new ModelRef("odd", "a-b")))
            .withBreaker(BreakerSpec.defaults()).withTimeout(TimeoutSpec.of(ofSeconds(5))));
  }

  @Test
  void theGeneratedCodeCompilesForEverySet() throws Exception {
    try (var loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      for (int i = 0; i < sets().size(); i++)
        assertThat(loader.loadClass("Set" + i).getDeclaredMethods()).extracting(Method::getName).contains("ask");
    }
  }

  @Test
  void theGeneratedRetryWaitsExactlyAsThePlaygroundsPolicy() throws Exception {
    List<PolicySet> sets = sets();
    for (int i = 0; i < sets.size(); i++) {
      PolicySet set = sets.get(i);
      if (set.retry() == null || !set.retry().maxTotalDuration().isZero()) continue;
      RetryPolicy<ChatAnswer> generated = generatedRetry("Set" + i, 7, 3, 1);
      RetryPolicy<ChatAnswer> ours = RetryPoliciesTest.policy(set.retry(), 7, 3, 1, null);

      for (Throwable f : List.of(failure(SERVER_ERROR), rateLimited(ofSeconds(4)), rateLimited(ofSeconds(400))))
        assertThat(RetryPoliciesTest.delaysMs(generated, f)).as(FailsafeCode.of(set))
            .isEqualTo(RetryPoliciesTest.delaysMs(ours, f));
    }
  }

  @Test
  void aPlainBackoffIsFailsafesOneLiner() {
    String code = FailsafeCode.of(PolicySet.of(ONE).withRetry(LESSON).withBreaker(BreakerSpec.defaults()));

    assertThat(code).contains("RetryPolicy.<ChatAnswer>builder()\n        .withMaxAttempts(3)")
        .contains(".withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(30))")
        .contains(".withFailureThreshold(5, 5)").contains(".withDelay(Duration.ofSeconds(30))")
        .doesNotContain("withDelayFn").doesNotContain("withJitter");
  }

  @Test
  void jitterAndRetryAfterShowTheDelayFunctionThatDoesThem() {
    String code = FailsafeCode.of(PolicySet.of(ONE).withRetry(LESSON.withJitter(Jitter.FULL, 0)
        .withRetryAfter(true, ofSeconds(60))));

    assertThat(code).contains(".withDelayFn(ctx -> delay(ctx.getAttemptCount(), ctx.getLastException(), seed, request, model))")
        .contains("static final Duration RETRY_AFTER_CAP = Duration.ofSeconds(60);")
        .contains("Seeds.unit(seed, JITTER, request, model, n)")
        .doesNotContain(".withJitter(");
  }

  @Test
  void theChainIsNestedFallbacksInTheDocumentedOrder() {
    String code = FailsafeCode.of(sets().get(3));

    assertThat(code)
        .contains("Outermost first: Fallback (next model) ▸ RetryPolicy ▸ RateLimiter ▸ Bulkhead ▸ CircuitBreaker ▸ Timeout ▸ call")
        .contains("Failsafe.with(toAnthropicClaude3Haiku20240307, retry(seed, requestNo, 0), RATE_LIMITER, BULKHEAD, OPENAI_GPT_4O, TIMEOUT)")
        .contains("Failsafe.with(retry(seed, requestNo, 2), RATE_LIMITER, BULKHEAD, LOCAL_LLAMA3_1_8B, TIMEOUT)")
        .contains("static final CircuitBreaker<ChatAnswer> ANTHROPIC_CLAUDE_3_HAIKU_20240307 = breaker();");
  }

  @SuppressWarnings("unchecked")
  private static RetryPolicy<ChatAnswer> generatedRetry(String className, long seed, long request, int model)
      throws Exception {
    var loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, FailsafeCodeTest.class.getClassLoader());
    Class<?> type = loader.loadClass(className);
    Method retry = Arrays.stream(type.getDeclaredMethods()).filter(m -> m.getName().equals("retry"))
        .findFirst().orElseThrow();
    retry.setAccessible(true);
    Object policy = retry.getParameterCount() == 0 ? retry.invoke(null) : retry.invoke(null, seed, request, model);
    return (RetryPolicy<ChatAnswer>) policy;
  }
}
