package dev.playground.common;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class AsyncPoolTest {
  @Test
  void testsRunWithTheCommonPoolTheAppSetsSoAsyncHopsReuseThreads() {
    AsyncPool.atLeastTwoThreads(); // too late to matter here; the build's argLine chose the size first
    assertTrue(ForkJoinPool.getCommonPoolParallelism() >= 2,
        "common pool parallelism " + ForkJoinPool.getCommonPoolParallelism());
    assertSame(ForkJoinPool.commonPool(), new CompletableFuture<Void>().defaultExecutor());
  }

  @Test
  void aSizeSomebodyChoseIsKept() {
    String chosen = System.getProperty(AsyncPool.PARALLELISM);
    AsyncPool.atLeastTwoThreads();
    assertSame(chosen, System.getProperty(AsyncPool.PARALLELISM));
  }
}
