package dev.playground;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One section of the README (the user manual), so that tests can check its examples against the code. */
public final class ReadmeSection {
  private ReadmeSection() {}

  /** The text from the {@code ## heading} line to the next {@code ## } heading (or the end). */
  public static String of(String heading) throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    String start = "\n## " + heading;
    int from = readme.indexOf(start);
    if (from < 0) throw new AssertionError("README.md has no section \"## " + heading + "\"");
    int to = nextHeading(readme, from + start.length());
    return readme.substring(from + 1, to);
  }

  /** The next level-two heading outside a fenced code block. */
  private static int nextHeading(String text, int from) {
    boolean fenced = false;
    int lineStart = text.indexOf('\n', from) + 1;
    while (lineStart > 0 && lineStart < text.length()) {
      int lineEnd = text.indexOf('\n', lineStart);
      String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd);
      if (line.startsWith("```")) fenced = !fenced;
      else if (!fenced && line.startsWith("## ")) return lineStart;
      if (lineEnd < 0) break;
      lineStart = lineEnd + 1;
    }
    return text.length();
  }
}
