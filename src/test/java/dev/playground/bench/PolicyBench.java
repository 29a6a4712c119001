package dev.playground.bench;

import dev.failsafe.Failsafe;
import dev.failsafe.spi.DefaultScheduledFuture;
import dev.failsafe.spi.Scheduler;
import dev.playground.llm.ChatAnswer;
import dev.playground.policy.BreakerSpec;
import dev.playground.policy.Jitter;
import dev.playground.policy.ManagedBreaker;
import dev.playground.policy.Policies;
import dev.playground.policy.PolicyListener;
import dev.playground.policy.RetryPolicies;
import dev.playground.policy.RetryScope;
import dev.playground.policy.RetrySpec;
import dev.playground.policy.SchedulePreview;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the policies cost in-process, without I/O: a call that answers at once, bare and through a retry built
 * for the call plus a shared breaker (the engine's per-model stack), and the pieces (building the retry, a
 * 10-attempt schedule preview). Scheduled on the calling thread, so only the policies' own work is measured.
 * Run: {@code ./mvnw -q -Pbench test-compile exec:exec -Dbench=PolicyBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PolicyBench {
  /** Runs each task at once on the calling thread: no thread hop, no waiting. */
  private static final Scheduler INLINE = (task, delay, unit) -> {
    try {
      task.call();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return new DefaultScheduledFuture<>();
  };

  private final ChatAnswer answer = new ChatAnswer("Paris.", "gpt-4o-mini", "stop", 9, 2, "req", false, 1);
  private final RetrySpec retry = RetrySpec.defaults().withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 2)
      .withJitter(Jitter.FULL, 0);
  private final RetrySpec tenAttempts = retry.withMaxAttempts(10);
  private final ManagedBreaker breaker =
      ManagedBreaker.failsafeTimed(BreakerSpec.defaults(), "sim/gpt-4o-mini", PolicyListener.NONE);
  private long request;

  @Benchmark
  public ChatAnswer bareCall() {
    return CompletableFuture.completedFuture(answer).join();
  }

  @Benchmark
  public ChatAnswer retryAndBreaker() {
    var policy = RetryPolicies.build(retry, new RetryScope(1, request++, 0, System::nanoTime), PolicyListener.NONE);
    return Failsafe.with(Policies.compose(policy, null, null, breaker.policy())).with(INLINE)
        .getStageAsync(() -> CompletableFuture.completedFuture(answer)).join();
  }

  @Benchmark
  public Object buildRetry() {
    return RetryPolicies.build(retry, new RetryScope(1, request++, 0, System::nanoTime), PolicyListener.NONE);
  }

  @Benchmark
  public Object previewTenAttempts() {
    return SchedulePreview.of(tenAttempts, 1, request++, 0);
  }
}
