package dev.playground.session;

import dev.playground.guard.OutputPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Chart pictures and the HTML report as files, written on the calling thread. Stateless. */
final class ReportFiles {
  /** The HTML report's title. */
  static final String REPORT_TITLE = "Resilience Playground run";

  private ReportFiles() {}

  /** One {@code NAME.png} per chart in {@code dir} (created if missing). */
  static List<Path> pngs(Map<String, byte[]> charts, Path dir) {
    checkDirectory(dir);
    try {
      Files.createDirectories(dir);
      List<Path> written = new ArrayList<>();
      for (Map.Entry<String, byte[]> e : charts.entrySet())
        written.add(Files.write(dir.resolve(e.getKey() + ".png"), e.getValue()));
      return written;
    } catch (IOException e) {
      throw new UncheckedIOException(dir.getFileName() + ": cannot write the charts (" + e.getMessage() + ")", e);
    }
  }

  /** The one-file report: {@code sections}, then {@code counters}, then {@code charts}. */
  static Path html(Path file, List<HtmlReport.Section> sections, Map<String, Number> counters,
      Map<String, byte[]> charts) {
    checkFile(file);
    HtmlReport.Builder report = HtmlReport.builder(REPORT_TITLE);
    sections.forEach(report::section);
    report.counters(counters);
    charts.forEach(report::chart);
    try {
      return Files.writeString(file, report.build().render(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(file.getFileName() + ": cannot be written (" + e.getMessage() + ")", e);
    }
  }

  /** A file that cannot be written is refused before anything is written, in one sentence. */
  static void checkFile(Path file) {
    String problem = OutputPaths.fileProblem(file);
    if (problem != null) throw new IllegalArgumentException(file.getFileName() + ": " + problem);
  }

  /** A folder that cannot be written into is refused before anything is written. */
  static void checkDirectory(Path dir) {
    String problem = OutputPaths.directoryProblem(dir);
    if (problem != null) throw new IllegalArgumentException(dir.getFileName() + ": " + problem);
  }
}
