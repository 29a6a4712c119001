package dev.playground.app;

import dev.playground.session.AnswerView;
import dev.playground.session.LoadProgress;
import dev.playground.session.PlaygroundActions;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The window's actions before the session exists (it is made while the window's FXML loads, once the presets
 * are read): each call waits for the session, without blocking the caller. Thread-safe.
 */
final class LateActions implements PlaygroundActions {
  private final CompletableFuture<PlaygroundActions> target = new CompletableFuture<>();

  void set(PlaygroundActions actions) {
    target.complete(actions);
  }

  @Override
  public CompletableFuture<AnswerView> ask(String prompt) {
    return target.thenCompose(a -> a.ask(prompt));
  }

  @Override
  public CompletableFuture<Void> startLoad(int count, int concurrency, LoadProgress progress) {
    return target.thenCompose(a -> a.startLoad(count, concurrency, progress));
  }

  @Override
  public CompletableFuture<Void> startScenarioLoad(LoadProgress progress) {
    return target.thenCompose(a -> a.startScenarioLoad(progress));
  }

  @Override
  public void stop() {
    target.thenAccept(PlaygroundActions::stop);
  }

  @Override
  public CompletableFuture<List<String>> openRun(Path runLog) {
    return target.thenCompose(a -> a.openRun(runLog));
  }
}
