package dev.playground.events;

import java.io.IOException;

/**
 * A run log that cannot be read: the message names the source, the line and what is wrong with it, in words a
 * user can act on. Not thread-safe (an exception).
 */
public final class RunLogFormatException extends IOException {
  private final String source;
  private final long line;
  private final String problem;

  public RunLogFormatException(String source, long line, String problem, Throwable cause) {
    super(source + (line > 0 ? ", line " + line : "") + ": " + problem, cause);
    this.source = source;
    this.line = line;
    this.problem = problem;
  }

  /** What was read: a file name, or a description such as "the text". */
  public String source() {
    return source;
  }

  /** The 1-based line that is wrong, or 0 if the problem is not on one line. */
  public long line() {
    return line;
  }

  /** What is wrong, without the source and line. */
  public String problem() {
    return problem;
  }
}
