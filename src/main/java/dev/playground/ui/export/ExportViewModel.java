package dev.playground.ui.export;

import dev.playground.common.Causes;
import dev.playground.session.RunLogExport;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.scene.image.Image;

/**
 * What the Export menu does and what the window says afterwards: the run log, the CSV, the charts as PNG files
 * and the HTML report, written by the run's exports off the FX thread. Chart pictures are taken by the window
 * on the FX thread and encoded here on {@code background}. Each export ends with one line for the status bar,
 * handed over on {@code fxThread}. Not thread-safe: FX thread.
 */
public final class ExportViewModel {
  private final Executor background;
  private final Executor fxThread;
  private final Consumer<String> say;
  private RunLogExport export = RunLogExport.none();

  /** @param say shows one line in the status bar; called on {@code fxThread} */
  public ExportViewModel(Executor background, Executor fxThread, Consumer<String> say) {
    this.background = Objects.requireNonNull(background, "background");
    this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
    this.say = Objects.requireNonNull(say, "say");
  }

  /** Where the files come from: the session's exports (none until one is wired). */
  public void setExport(RunLogExport export) {
    this.export = Objects.requireNonNull(export, "export");
  }

  public CompletableFuture<Path> runLog(Path file) {
    return report(export.saveRunLog(file), path -> "Saved the run log to " + path.getFileName());
  }

  public CompletableFuture<List<Path>> csv(Path dir) {
    return report(export.saveCsv(dir), paths -> "Saved " + paths.size() + " CSV files to " + dir.getFileName());
  }

  /** Writes one PNG per picture into {@code dir}. */
  public CompletableFuture<List<Path>> pngs(Map<String, ? extends Image> pictures, Path dir) {
    RunLogExport target = export;
    var written = encode(pictures).thenCompose(bytes -> target.savePngs(bytes, dir));
    return report(written, paths -> "Saved " + paths.size() + " charts to " + dir.getFileName());
  }

  /** Writes the one-file report with these counters and pictures. */
  public CompletableFuture<Path> html(Path file, Map<String, Number> counters, Map<String, ? extends Image> pictures) {
    RunLogExport target = export;
    Map<String, Number> values = new LinkedHashMap<>(counters);
    var written = encode(pictures).thenCompose(bytes -> target.saveHtmlReport(file, values, bytes));
    return report(written, path -> "Saved the report to " + path.getFileName());
  }

  private CompletableFuture<Map<String, byte[]>> encode(Map<String, ? extends Image> pictures) {
    Map<String, Image> taken = new LinkedHashMap<>(pictures);
    return CompletableFuture.supplyAsync(() -> {
      Map<String, byte[]> bytes = new LinkedHashMap<>();
      taken.forEach((name, image) -> bytes.put(name, ChartImages.png(image)));
      return bytes;
    }, background);
  }

  private <T> CompletableFuture<T> report(CompletableFuture<T> work, Function<T, String> done) {
    return work.whenComplete((v, error) -> fxThread.execute(() ->
        say.accept(error == null ? done.apply(v) : "Export failed: " + Causes.message(error))));
  }
}
