package dev.playground.events;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** The writer thread's buffer of complete lines, handed to the file in one write. Not thread-safe. */
final class LineBuffer extends ByteArrayOutputStream {
  private int lines;

  LineBuffer(int size) {
    super(size);
  }

  /** Ends the line that was just written. */
  void endLine() {
    write('\n');
    lines++;
  }

  /** Forgets everything after {@code size} bytes: a line that failed half-way is never written. */
  void truncate(int size) {
    count = size;
  }

  int lines() {
    return lines;
  }

  /** Writes every buffered line to {@code out} with one call and empties the buffer; returns the line count. */
  int drainTo(OutputStream out) throws IOException {
    int written = lines;
    if (count > 0) out.write(buf, 0, count);
    count = 0;
    lines = 0;
    return written;
  }
}
