package dev.playground.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lesson's Python for a pattern: every {@code python} code block under a heading of the lesson, up to the
 * next heading of the same or a higher level, read from the lesson itself (not copied per preset). Stateless.
 */
public final class LessonSnippets {
  private static final String LESSON = read();

  private LessonSnippets() {}

  /** The Python under the heading, blocks separated by a blank line; empty if the lesson has none there. */
  public static Optional<String> python(String heading) {
    if (heading == null) return Optional.empty();
    String[] lines = LESSON.split("\n", -1);
    int level = -1;
    boolean inCode = false;
    boolean python = false;
    List<String> blocks = new ArrayList<>();
    StringBuilder block = new StringBuilder();
    for (String line : lines) {
      if (!inCode && line.startsWith("#")) {
        int l = line.indexOf(' ');
        String title = line.substring(l + 1).strip();
        if (level < 0 && title.equals(heading)) {
          level = l;
          continue;
        }
        if (level >= 0 && l <= level) break;
      }
      if (level < 0) continue;
      if (line.strip().startsWith("```")) {
        if (!inCode) {
          inCode = true;
          python = line.strip().equals("```python");
        } else {
          inCode = false;
          if (python) blocks.add(block.toString().stripTrailing());
          block.setLength(0);
        }
        continue;
      }
      if (inCode && python) block.append(line).append('\n');
    }
    return blocks.isEmpty() ? Optional.empty() : Optional.of(String.join("\n\n", blocks));
  }

  private static String read() {
    try (InputStream in = LessonSnippets.class.getResourceAsStream("/dev/playground/engine/lesson.md")) {
      if (in == null) throw new IllegalStateException("the lesson is missing from the classpath");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
