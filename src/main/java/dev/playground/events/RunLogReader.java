package dev.playground.events;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.playground.guard.BoundedRead;
import dev.playground.guard.Quote;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JSONL run log back into {@link RunEvent} records. Stateless and thread-safe.
 *
 * <p>A last line that was cut off while being written (the process was killed) is skipped and reported in
 * {@link RunLog#warnings()}; any other bad line stops the reading with a {@link RunLogFormatException} that names
 * the line and what is wrong. A file that is not a run log at all (a picture, a scenario file) gets one
 * sentence saying so. Blank lines are ignored; gaps in {@code seq} are reported as warnings.
 */
public final class RunLogReader {
  /** Longer lines are refused: no run event comes near it, and it keeps a stray huge file from eating memory. */
  public static final int MAX_LINE_CHARS = 16 * 1024 * 1024;
  /**
   * Larger files are refused: every event is held in memory, and a log this size holds millions. The bound is
   * on the bytes read, so it holds for a pipe or a device too.
   */
  public static final long MAX_LOG_BYTES = 1024L * 1024 * 1024;
  private static final int MAX_GAP_WARNINGS = 10;

  private RunLogReader() {}

  /** Reads the run log in {@code file}. */
  public static RunLog read(Path file) throws IOException {
    String source = Quote.plain(String.valueOf(file.getFileName()));
    try (InputStream in = BoundedRead.limit(Files.newInputStream(file), MAX_LOG_BYTES)) {
      return read(in, source);
    } catch (BoundedRead.TooLarge e) {
      throw new RunLogFormatException(source, 0, "a run log must be at most " + BoundedRead.size(MAX_LOG_BYTES)
          + "; this one is larger", e);
    }
  }

  /** Reads a run log from {@code in} (UTF-8); {@code source} names it in messages. Does not close {@code in}. */
  public static RunLog read(InputStream in, String source) throws IOException {
    // InputStreamReader replaces malformed bytes, so a binary file fails as "not JSON", not as a decoder error
    return read(new InputStreamReader(in, StandardCharsets.UTF_8), source);
  }

  /** Reads a run log held in a string. */
  public static RunLog parse(String text) throws RunLogFormatException {
    try {
      return read(new StringReader(text), "the text");
    } catch (RunLogFormatException e) {
      throw e;
    } catch (IOException e) {
      throw new IllegalStateException("a StringReader does not fail", e);
    }
  }

  /** Reads a run log from {@code reader}; {@code source} names it in messages. Does not close {@code reader}. */
  public static RunLog read(Reader reader, String source) throws IOException {
    var lines = new Lines(reader instanceof BufferedReader ? reader : new BufferedReader(reader, 64 * 1024));
    var events = new ArrayList<RunEvent>();
    var warnings = new ArrayList<String>();
    boolean truncated = false;
    int gaps = 0;
    long lineNumber = 0;
    String text;
    while ((text = lines.next()) != null) {
      lineNumber++;
      if (lines.lastWasTooLong())
        throw problem(source, lineNumber, events, "the line is longer than " + MAX_LINE_CHARS + " characters", null);
      if (lineNumber == 1 && text.startsWith("\uFEFF")) text = text.substring(1);
      if (text.endsWith("\r")) text = text.substring(0, text.length() - 1);
      if (text.isBlank()) continue;
      RunEvent event;
      try {
        event = RunEventJson.fromJson(text);
      } catch (IllegalArgumentException e) {
        if (!lines.lastWasTerminated() && endsTooEarly(e, text)) {
          truncated = true;
          warnings.add("line " + lineNumber + " was cut off (the run stopped while writing it) and was skipped");
          break;
        }
        throw problem(source, lineNumber, events, e.getMessage(), e);
      }
      if (!events.isEmpty() || event.seq() != 0) {
        long expected = events.isEmpty() ? 0 : events.get(events.size() - 1).seq() + 1;
        if (event.seq() != expected && gaps++ < MAX_GAP_WARNINGS)
          warnings.add("line " + lineNumber + ": seq " + event.seq() + " where " + expected + " was expected");
      }
      events.add(event);
    }
    if (gaps > MAX_GAP_WARNINGS) warnings.add((gaps - MAX_GAP_WARNINGS) + " more seq gaps not listed");
    if (events.isEmpty() && !truncated) warnings.add(source + " holds no events");
    return new RunLog(events, truncated, warnings);
  }

  /** True if {@code text} is JSON that stops before it is complete: its only syntax error is where it ends. */
  private static boolean endsTooEarly(IllegalArgumentException e, String text) {
    if (!(e.getCause() instanceof JsonProcessingException syntax) || !text.startsWith("{")) return false;
    JsonLocation where = syntax.getLocation();
    // Jackson places the error past the end, or on the last character when a number stops at "12."
    return where != null && where.getCharOffset() >= text.length() - 1;
  }

  private static RunLogFormatException problem(
      String source, long line, List<RunEvent> events, String what, Throwable cause) {
    // nothing read yet: most likely the user picked some other file
    if (events.isEmpty())
      return new RunLogFormatException(source, 0, "not a run log (line " + line + ": " + what + ")", cause);
    return new RunLogFormatException(source, line, what, cause);
  }

  /** Splits on '\n' and remembers whether the last line had one. */
  private static final class Lines {
    private final Reader in;
    private final char[] chunk = new char[8192];
    private int position;
    private int limit;
    private boolean terminated = true;
    private boolean tooLong;

    Lines(Reader in) {
      this.in = in;
    }

    /**
     * The next line without its '\n', or null at the end. A line past the length cap is returned at once, cut, and
     * {@link #lastWasTooLong()} says so: a stream without line breaks (/dev/zero) is not read to its end.
     */
    String next() throws IOException {
      StringBuilder line = null;
      tooLong = false;
      while (true) {
        if (position == limit) {
          limit = in.read(chunk);
          position = 0;
          if (limit <= 0) {
            limit = 0;
            if (line == null) return null;
            terminated = false;
            return line.toString();
          }
        }
        int start = position;
        while (position < limit && chunk[position] != '\n') position++;
        if (line == null) line = new StringBuilder(position - start + 16);
        line.append(chunk, start, position - start);
        if (line.length() > MAX_LINE_CHARS) {
          tooLong = true;
          return line.substring(0, MAX_LINE_CHARS);
        }
        if (position < limit) {
          position++;
          terminated = true;
          return line.toString();
        }
      }
    }

    boolean lastWasTerminated() {
      return terminated;
    }

    boolean lastWasTooLong() {
      return tooLong;
    }
  }
}
