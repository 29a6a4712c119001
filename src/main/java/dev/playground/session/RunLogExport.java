package dev.playground.session;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Saves the run the window shows as files: its JSONL run log, its CSV, its charts (PNG bytes the window has
 * drawn) and the one-file HTML report. Implementations are thread-safe and write off the caller's thread.
 */
public interface RunLogExport {
  /** Writes the run log (every event so far) to {@code target}; completes with it. */
  CompletableFuture<Path> saveRunLog(Path target);

  /** Writes {@code attempts.csv} and {@code requests.csv} into {@code dir} (created if missing). */
  CompletableFuture<List<Path>> saveCsv(Path dir);

  /** Writes one {@code NAME.png} per chart into {@code dir} (created if missing). */
  CompletableFuture<List<Path>> savePngs(Map<String, byte[]> charts, Path dir);

  /** Writes the one-file HTML report: what ran and its summary, then {@code counters} and {@code charts}. */
  CompletableFuture<Path> saveHtmlReport(Path file, Map<String, Number> counters, Map<String, byte[]> charts);

  /** For a window with no run: the run log and CSV fail with one sentence; charts and report are still written. */
  static RunLogExport none() {
    return new RunLogExport() {
      private <T> CompletableFuture<T> nothing() {
        return CompletableFuture.failedFuture(new IllegalStateException("there is no run to save"));
      }

      @Override
      public CompletableFuture<Path> saveRunLog(Path target) {
        return nothing();
      }

      @Override
      public CompletableFuture<List<Path>> saveCsv(Path dir) {
        return nothing();
      }

      @Override
      public CompletableFuture<List<Path>> savePngs(Map<String, byte[]> charts, Path dir) {
        return CompletableFuture.supplyAsync(() -> ReportFiles.pngs(charts, dir));
      }

      @Override
      public CompletableFuture<Path> saveHtmlReport(Path file, Map<String, Number> counters, Map<String, byte[]> charts) {
        return CompletableFuture.supplyAsync(() -> ReportFiles.html(file, List.of(), counters, charts));
      }
    };
  }
}
