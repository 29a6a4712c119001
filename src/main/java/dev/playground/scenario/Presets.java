package dev.playground.scenario;

import dev.playground.guard.Quote;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The shipped presets: one scenario per pattern of the lesson, plus demos, in the lesson's order. Loaded once
 * from the classpath ({@code presets/index.txt} lists the files). Immutable and thread-safe.
 */
public final class Presets {
  private static final String DIR = "presets/";
  private static final List<Scenario> ALL = load();

  private Presets() {}

  public static List<Scenario> all() {
    return ALL;
  }

  public static Optional<Scenario> find(String name) {
    return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** The preset, or a {@link ScenarioException} that lists the names there are. */
  public static Scenario get(String name) {
    return find(name).orElseThrow(() -> new ScenarioException("no preset named " + Quote.text(name) + "; the presets are: "
        + String.join(", ", ALL.stream().map(Scenario::name).toList())));
  }

  private static List<Scenario> load() {
    List<Scenario> out = new ArrayList<>();
    for (String file : read(DIR + "index.txt").split("\\R")) {
      if (file.isBlank()) continue;
      out.add(ScenarioJson.parse(read(DIR + file.strip()), "preset " + file.strip()));
    }
    return List.copyOf(out);
  }

  private static String read(String resource) {
    try (InputStream in = Presets.class.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("missing preset resource " + resource);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
