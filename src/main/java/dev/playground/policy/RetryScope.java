package dev.playground.policy;

import dev.playground.clock.RunClock;
import java.util.function.LongSupplier;

/**
 * Where one series of attempts sits in a run: the run's seed, the logical request's number and the model's
 * index in the chain (the coordinates of its seeded jitter), and the clock its time budget is measured on.
 * Immutable and thread-safe.
 *
 * @param nanoClock nanoseconds on the run clock ({@code clock::nowNanos})
 */
public record RetryScope(long runSeed, long request, int modelIndex, LongSupplier nanoClock) {
  public RetryScope {
    if (request < 0) throw Checks.fail("request must be ≥ 0, was " + request);
    if (modelIndex < 0) throw Checks.fail("modelIndex must be ≥ 0, was " + modelIndex);
    Checks.notNull("nanoClock", nanoClock);
  }

  public static RetryScope of(long runSeed, long request, int modelIndex, RunClock clock) {
    return new RetryScope(runSeed, request, modelIndex, clock::nowNanos);
  }
}
