package dev.playground.session;

import dev.playground.events.CsvExport;
import dev.playground.events.RunLogReader;
import dev.playground.session.HtmlReport.Section;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** Writes the run shown (open or replayed) as files: its JSONL log, its CSV, its report sections. Stateless. */
final class RunExports {
  private RunExports() {}

  /** Where the run's log is, and how to get every event so far into it first. */
  record Source(Path file, Flush flush) {
    interface Flush {
      void run() throws IOException;
    }

    static Source of(RunHandle h) {
      return new Source(h.logFile, h::flushLog);
    }

    static Source of(Replay r) {
      return new Source(r.file(), () -> {});
    }
  }

  static Path copyLog(Source source, Path target) {
    ReportFiles.checkFile(target);
    try {
      source.flush().run();
      if (target.toAbsolutePath().getParent() != null) Files.createDirectories(target.toAbsolutePath().getParent());
      return Files.copy(source.file(), target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(target.getFileName() + ": cannot be written (" + e.getMessage() + ")", e);
    }
  }

  static List<Path> csv(Source source, Path dir) {
    ReportFiles.checkDirectory(dir);
    try {
      source.flush().run();
      Files.createDirectories(dir);
      return CsvExport.write(RunLogReader.read(source.file()).events(), dir);
    } catch (IOException e) {
      throw new UncheckedIOException(dir.getFileName() + ": cannot write the CSV files (" + e.getMessage() + ")", e);
    }
  }

  static List<Section> sections(RunHandle h) {
    var s = h.settings;
    String clock = s.clock() == ClockMode.LIVE ? "live (real time)" : "fast-forward (virtual time, " + s.speed().label() + ")";
    String run = table(
        "scenario", h.scenario.name() + " — " + h.scenario.title(),
        "clock", clock,
        "provider", s.provider().label(),
        "seed", Long.toString(h.scenario.seed()),
        "run log", String.valueOf(h.logFile.getFileName()));
    return List.of(new Section("Run", run), summary(h.run.summary().toText()));
  }

  static List<Section> sections(Replay r) {
    String run = table(
        "replayed from", r.name(),
        "scenario", r.scenario(),
        "clock", r.clock(),
        "warnings", r.log().warnings().isEmpty() ? "none" : String.join("; ", r.log().warnings()));
    return List.of(new Section("Run", run), summary(r.summary().toText()));
  }

  private static Section summary(String text) {
    return new Section("Summary", "<pre>" + HtmlReport.escape(text) + "</pre>");
  }

  private static String table(String... keysAndValues) {
    StringBuilder t = new StringBuilder("<table>\n");
    for (int i = 0; i < keysAndValues.length; i += 2) {
      t.append("<tr><th>").append(HtmlReport.escape(keysAndValues[i])).append("</th><td>")
          .append(HtmlReport.escape(keysAndValues[i + 1])).append("</td></tr>\n");
    }
    return t.append("</table>").toString();
  }
}
