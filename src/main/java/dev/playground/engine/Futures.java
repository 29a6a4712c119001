package dev.playground.engine;

import dev.playground.common.Causes;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/** Small helpers for futures that complete with the real failure, never a wrapper. Stateless. */
final class Futures {
  private Futures() {}

  static Throwable unwrap(Throwable t) {
    return Causes.unwrap(t);
  }

  static <T> CompletableFuture<T> failed(Throwable t) {
    return CompletableFuture.failedFuture(unwrap(t));
  }

  /**
   * Continues {@code source} with {@code next}, which sees the value or the unwrapped failure, and completes
   * the result with exactly what {@code next}'s future gives (no CompletionException layers).
   */
  static <T, U> CompletableFuture<U> then(
      CompletableFuture<T> source, Function<Outcome<T>, CompletableFuture<U>> next) {
    CompletableFuture<U> result = new CompletableFuture<>();
    source.whenComplete((value, error) -> {
      CompletableFuture<U> continued;
      try {
        continued = next.apply(new Outcome<>(value, error == null ? null : unwrap(error)));
      } catch (Throwable t) {
        result.completeExceptionally(unwrap(t));
        return;
      }
      continued.whenComplete((v, e) -> {
        if (e != null) result.completeExceptionally(unwrap(e));
        else result.complete(v);
      });
    });
    return result;
  }

  /** A value or a failure. */
  record Outcome<T>(T value, Throwable failure) {
    boolean failed() {
      return failure != null;
    }
  }
}
