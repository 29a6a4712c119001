package dev.playground.session;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Saves the run the window shows as files: its JSONL run log and its CSV. Implementations are thread-safe and
 * do the writing off the caller's thread.
 */
public interface RunLogExport {
  /** Writes the run log (every event so far) to {@code target}; completes with it. */
  CompletableFuture<Path> saveRunLog(Path target);

  /** Writes {@code attempts.csv} and {@code requests.csv} into {@code dir} (created if missing). */
  CompletableFuture<List<Path>> saveCsv(Path dir);

  /** For a window with no run: both fail with one sentence. */
  static RunLogExport none() {
    return new RunLogExport() {
      @Override
      public CompletableFuture<Path> saveRunLog(Path target) {
        return CompletableFuture.failedFuture(new IllegalStateException("there is no run to save"));
      }

      @Override
      public CompletableFuture<List<Path>> saveCsv(Path dir) {
        return CompletableFuture.failedFuture(new IllegalStateException("there is no run to save"));
      }
    };
  }
}
