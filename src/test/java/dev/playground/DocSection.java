package dev.playground;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One section of a documentation page (README.md or a page under docs/), so that tests can check its examples
 * against the code. Paths are relative to the project's root, where the tests run. Stateless.
 */
public final class DocSection {
  private DocSection() {}

  /**
   * The text of {@code page} from the heading line whose text is {@code heading} ({@code # heading},
   * {@code ## heading} …) to the next heading of the same or a higher level outside a fenced code block, or
   * to the end of the page. A page's {@code # title} thus gives the whole page.
   */
  public static String of(String page, String heading) {
    List<String> lines = lines(page);
    int from = -1;
    int level = 0;
    boolean fenced = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("```")) fenced = !fenced;
      else if (!fenced && from < 0 && level(line) > 0 && line.substring(level(line) + 1).strip().equals(heading)) {
        from = i;
        level = level(line);
      } else if (!fenced && from >= 0 && level(line) > 0 && level(line) <= level) {
        return String.join("\n", lines.subList(from, i)) + "\n";
      }
    }
    if (from < 0) throw new AssertionError(page + " has no heading \"" + heading + "\"");
    return String.join("\n", lines.subList(from, lines.size())) + "\n";
  }

  /** The whole page. */
  public static String page(String page) {
    return String.join("\n", lines(page)) + "\n";
  }

  /** 1 for {@code # }, 2 for {@code ## } …, 0 if the line is not a heading. */
  private static int level(String line) {
    int n = 0;
    while (n < line.length() && n < 6 && line.charAt(n) == '#') n++;
    return n > 0 && n < line.length() && line.charAt(n) == ' ' ? n : 0;
  }

  private static List<String> lines(String page) {
    try {
      return Files.readString(Path.of(page)).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + page, e);
    }
  }
}
