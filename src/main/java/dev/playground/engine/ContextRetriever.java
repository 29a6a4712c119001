package dev.playground.engine;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Where the {@code full} rung's context comes from. The lesson's {@link Retriever} answers at once; a scenario
 * can put a slow or broken one in front of it. Implementations are thread-safe and never block the caller.
 */
@FunctionalInterface
public interface ContextRetriever {
  /**
   * The context for {@code prompt}; fails when there is none to be had. It completes within {@code timeout}
   * on the run clock (failing with a timeout then).
   */
  CompletableFuture<String> context(String prompt, Duration timeout);
}
