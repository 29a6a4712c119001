package dev.playground.session;

import dev.playground.session.HtmlReport.Section;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A session's run shown (open or replayed) as files, written on the session's file thread. Thread-safe.
 */
public final class Exports implements RunLogExport {
  private final Session session;
  private final Executor files;

  Exports(Session session, Executor files) {
    this.session = session;
    this.files = files;
  }

  /** Copies the run log shown (the open run's, up to now, or the replayed file) to {@code target}. */
  @Override
  public CompletableFuture<Path> saveRunLog(Path target) {
    return source().thenApplyAsync(src -> RunExports.copyLog(src, target), files);
  }

  /** Writes attempts.csv and requests.csv of the run shown into {@code dir}. */
  @Override
  public CompletableFuture<List<Path>> saveCsv(Path dir) {
    return source().thenApplyAsync(src -> RunExports.csv(src, dir), files);
  }

  @Override
  public CompletableFuture<List<Path>> savePngs(Map<String, byte[]> charts, Path dir) {
    return CompletableFuture.supplyAsync(() -> ReportFiles.pngs(charts, dir), files);
  }

  @Override
  public CompletableFuture<Path> saveHtmlReport(Path file, Map<String, Number> counters, Map<String, byte[]> charts) {
    List<Section> sections = reportSections();
    return CompletableFuture.supplyAsync(() -> ReportFiles.html(file, sections, counters, charts), files);
  }

  /** The HTML report's opening sections for the run shown: what ran, and its summary. */
  public List<Section> reportSections() {
    Replay r = session.replay();
    if (r != null) return RunExports.sections(r);
    RunHandle h = session.openRun();
    return h == null ? List.of() : RunExports.sections(h);
  }

  private CompletableFuture<RunExports.Source> source() {
    Replay r = session.replay();
    if (r != null) return CompletableFuture.completedFuture(RunExports.Source.of(r));
    return session.current().thenApply(RunExports.Source::of);
  }
}
