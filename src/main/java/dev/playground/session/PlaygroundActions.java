package dev.playground.session;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What the window asks of the rest of the app: send a prompt, run a load, stop, open a saved run. The
 * integrator implements it with the engine. Implementations must be thread-safe and must not block the
 * caller (the FX thread): every method returns at once and completes its future on any thread.
 *
 * <p>The events each action causes reach the window separately, through {@code PlaygroundWindow.events()}.
 */
public interface PlaygroundActions {
  /** Sends one prompt through the resilient client; completes with the answer (on whatever rung answered). */
  CompletableFuture<AnswerView> ask(String prompt);

  /**
   * Sends {@code count} requests with at most {@code concurrency} in flight; reports progress as they finish.
   * Completes when all are done or {@link #stop()} was called.
   */
  CompletableFuture<Void> startLoad(int count, int concurrency, LoadProgress progress);

  /**
   * Runs the scenario's own load (its count, rate or concurrency and prompts) from scenario time 0; reports
   * progress as requests finish. Completes when all are done or {@link #stop()} was called.
   */
  default CompletableFuture<Void> startScenarioLoad(LoadProgress progress) {
    return CompletableFuture.failedFuture(new UnsupportedOperationException("no scenario is loaded"));
  }

  /** Stops the running load: nothing new is sent; requests in flight may still finish. */
  void stop();

  /**
   * Re-opens a saved run log: its events are fed to the window. Completes with the reader's warnings (a last
   * line cut off); fails with a one-sentence message when the file is not a run log.
   */
  default CompletableFuture<List<String>> openRun(Path runLog) {
    return CompletableFuture.failedFuture(new UnsupportedOperationException("opening a run log is not available yet"));
  }

  /** Actions for a window without an engine: every action fails with one clear message. */
  static PlaygroundActions unavailable() {
    return new PlaygroundActions() {
      private <T> CompletableFuture<T> notConnected() {
        return CompletableFuture.failedFuture(new IllegalStateException("no engine is connected to this window"));
      }

      @Override
      public CompletableFuture<AnswerView> ask(String prompt) {
        return notConnected();
      }

      @Override
      public CompletableFuture<Void> startLoad(int count, int concurrency, LoadProgress progress) {
        return notConnected();
      }

      @Override
      public void stop() {}
    };
  }
}
