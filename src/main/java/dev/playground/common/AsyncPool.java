package dev.playground.common;

import java.util.concurrent.CompletableFuture;

/**
 * Keeps {@link CompletableFuture}'s default async executor a pool. openai-java's async services hop through
 * {@code thenComposeAsync} without an executor; when the common pool's parallelism is 1 (the JDK's default on
 * a machine with 2 cores or fewer) the JDK runs each such task on a new thread, so every SDK call would start
 * a thread. Thread-safe; effective only before the common pool is first used, so call it first in {@code main}.
 */
public final class AsyncPool {
  /** The JDK's switch for the common pool's size. */
  public static final String PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

  private AsyncPool() {}

  /** Sets the common pool to 2 threads if nobody chose a size and the JDK's default would be 1. */
  public static void atLeastTwoThreads() {
    if (System.getProperty(PARALLELISM) == null && Runtime.getRuntime().availableProcessors() <= 2) {
      System.setProperty(PARALLELISM, "2");
    }
  }
}
