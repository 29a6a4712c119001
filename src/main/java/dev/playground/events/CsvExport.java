package dev.playground.events;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Writes a run's events as two CSV tables (RFC 4180: comma-separated, CRLF line ends, fields with a comma, a
 * quote or a line break in double quotes, quotes doubled; UTF-8; a header row): one row per call in
 * {@code attempts.csv}, one row per logical request in {@code requests.csv}. Rows are in the order the attempt or
 * request first appears in the log; empty cells are values the log does not have (no HTTP status, or a request
 * that never finished because the run was cut). Stateless and thread-safe.
 */
public final class CsvExport {
  /** The columns of {@code attempts.csv}, in order. */
  public static final List<String> ATTEMPT_COLUMNS = List.of("req", "attempt", "model_attempt", "provider",
      "model", "rung", "outcome", "status", "started_ms", "finished_ms", "latency_ms", "retry_after_ms",
      "waited_before_ms", "request_id");

  /** The columns of {@code requests.csv}, in order. */
  public static final List<String> REQUEST_COLUMNS = List.of("req", "started_ms", "finished_ms", "rung",
      "provider", "model", "outcome", "latency_ms", "attempts");

  private CsvExport() {}

  /** Writes {@code attempts.csv} and {@code requests.csv} into {@code directory} (created if missing). */
  public static List<Path> write(Iterable<? extends RunEvent> events, Path directory) throws IOException {
    Files.createDirectories(directory);
    Path attempts = directory.resolve("attempts.csv");
    Path requests = directory.resolve("requests.csv");
    try (Writer out = Files.newBufferedWriter(attempts, StandardCharsets.UTF_8)) {
      writeAttempts(events, out);
    }
    try (Writer out = Files.newBufferedWriter(requests, StandardCharsets.UTF_8)) {
      writeRequests(events, out);
    }
    return List.of(attempts, requests);
  }

  /**
   * One row per call: the {@code attempt_started} and {@code attempt_finished} of the same {@code req} and
   * {@code attempt}. {@code waited_before_ms} is the delay of the {@code retry_scheduled} that came before this
   * call in the same request (empty if the call was not a scheduled retry).
   */
  public static void writeAttempts(Iterable<? extends RunEvent> events, Appendable out) throws IOException {
    record Key(long req, int attempt) {}
    var rows = new LinkedHashMap<Key, AttemptRow>();
    var pendingWait = new HashMap<Long, Long>();
    for (RunEvent event : events) {
      if (event instanceof RunEvent.RetryScheduled r) {
        pendingWait.put(r.req(), r.delayMs());
      } else if (event instanceof RunEvent.AttemptStarted s) {
        AttemptRow row = rows.computeIfAbsent(new Key(s.req(), s.attempt()), k -> new AttemptRow());
        row.started = s;
        row.waitedBeforeMs = pendingWait.remove(s.req());
      } else if (event instanceof RunEvent.AttemptFinished f) {
        rows.computeIfAbsent(new Key(f.req(), f.attempt()), k -> new AttemptRow()).finished = f;
      }
    }
    writeTable(ATTEMPT_COLUMNS, rows.values().stream().map(AttemptRow::cells).toList(), out);
  }

  /** One row per logical request: its {@code request_started} and {@code request_finished}. */
  public static void writeRequests(Iterable<? extends RunEvent> events, Appendable out) throws IOException {
    var rows = new LinkedHashMap<Long, RequestRow>();
    for (RunEvent event : events) {
      if (event instanceof RunEvent.RequestStarted s) rows.computeIfAbsent(s.req(), k -> new RequestRow()).started = s;
      else if (event instanceof RunEvent.RequestFinished f)
        rows.computeIfAbsent(f.req(), k -> new RequestRow()).finished = f;
    }
    writeTable(REQUEST_COLUMNS, rows.values().stream().map(RequestRow::cells).toList(), out);
  }

  /** {@code value} as one RFC 4180 field: quoted when it holds a comma, a quote, CR or LF. */
  static String field(String value) {
    boolean quote = false;
    for (int i = 0; i < value.length() && !quote; i++) {
      char c = value.charAt(i);
      quote = c == ',' || c == '"' || c == '\r' || c == '\n';
    }
    return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }

  /** One call; either half may be missing in a log that was cut. */
  private static final class AttemptRow {
    RunEvent.AttemptStarted started;
    RunEvent.AttemptFinished finished;
    Long waitedBeforeMs;

    List<Object> cells() {
      var s = started;
      var f = finished;
      return Arrays.asList( // in ATTEMPT_COLUMNS order
          s != null ? s.req() : f.req(),
          s != null ? s.attempt() : f.attempt(),
          s != null ? s.modelAttempt() : f.modelAttempt(),
          s != null ? s.provider() : f.provider(),
          s != null ? s.model() : f.model(),
          s != null ? s.rung() : f.rung(),
          f == null ? null : f.outcome(),
          f == null ? null : f.status(),
          s == null ? null : s.tMs(),
          f == null ? null : f.tMs(),
          f == null ? null : f.latencyMs(),
          f == null ? null : f.retryAfterMs(),
          waitedBeforeMs,
          f == null ? null : f.requestId());
    }
  }

  /** One logical request; it has no finish if the run was cut. */
  private static final class RequestRow {
    RunEvent.RequestStarted started;
    RunEvent.RequestFinished finished;

    List<Object> cells() {
      var s = started;
      var f = finished;
      return Arrays.asList( // in REQUEST_COLUMNS order
          s != null ? s.req() : f.req(),
          s == null ? null : s.tMs(),
          f == null ? null : f.tMs(),
          f == null ? null : f.rung(),
          f == null ? null : f.provider(),
          f == null ? null : f.model(),
          f == null ? null : f.outcome(),
          f == null ? null : f.latencyMs(),
          f == null ? null : f.attempts());
    }
  }

  private static void writeTable(List<String> columns, List<List<Object>> rows, Appendable out) throws IOException {
    Redaction redaction = Redaction.environment();
    out.append(String.join(",", columns)).append("\r\n");
    var cells = new ArrayList<String>(columns.size());
    for (List<Object> row : rows) {
      cells.clear();
      for (Object value : row) cells.add(field(redaction.apply(text(value))));
      out.append(String.join(",", cells)).append("\r\n");
    }
  }

  private static String text(Object value) {
    if (value == null) return "";
    if (value instanceof Double d) return Numbers.format(d);
    if (value instanceof Rung r) return r.wireName();
    return value.toString();
  }
}
