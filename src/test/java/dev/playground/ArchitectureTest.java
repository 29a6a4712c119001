package dev.playground;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The import rules of the rooms (docs/dev/architecture.md), checked on the sources: which of the project's
 * packages each may use, and where the big libraries may appear. The rules form a DAG, so no cycle can hide.
 */
class ArchitectureTest {
  private static final Path MAIN = Path.of("src/main/java/dev/playground");

  /** Package → the project's packages it may use (besides itself). */
  private static final Map<String, Set<String>> MAY_USE = Map.ofEntries(
      Map.entry("guard", Set.of()),
      Map.entry("common", Set.of("guard")),
      Map.entry("clock", Set.of("common")),
      Map.entry("faults", Set.of("guard", "common", "clock")),
      Map.entry("events", Set.of("guard", "common", "clock")),
      Map.entry("lab", Set.of("guard", "common", "clock")),
      Map.entry("provider", Set.of("guard", "common", "clock", "faults")),
      Map.entry("llm", Set.of("guard", "common", "clock", "faults")),
      Map.entry("policy", Set.of("guard", "common", "clock", "llm", "events")),
      Map.entry("engine", Set.of("guard", "common", "clock", "llm", "events", "policy")),
      Map.entry("scenario", Set.of("guard", "common", "clock", "faults", "events", "llm", "policy", "engine", "provider")),
      Map.entry("session", Set.of("guard", "common", "clock", "faults", "events", "llm", "policy", "engine", "provider",
          "scenario")),
      Map.entry("ui", Set.of("guard", "common", "clock", "faults", "events", "llm", "policy", "scenario", "session", "lab")),
      Map.entry("cli", Set.of("guard", "common", "clock", "faults", "events", "llm", "policy", "engine", "provider",
          "scenario", "session", "lab")),
      Map.entry("app", Set.of("guard", "common", "clock", "faults", "events", "llm", "policy", "engine", "provider",
          "scenario", "session", "lab", "ui", "cli")));

  /** Library package → the only rooms that may import it. */
  private static final Map<String, Set<String>> LIBRARY_ONLY_IN = Map.of(
      "javafx.", Set.of("ui", "app"),
      "org.jfree.", Set.of("ui"),
      "org.controlsfx.", Set.of("ui"),
      "com.openai.", Set.of("llm"),
      "okhttp3.", Set.of("llm"),
      "dev.failsafe.", Set.of("policy", "engine"),
      "picocli.", Set.of("cli"),
      "com.sun.net.httpserver.", Set.of("provider"));

  private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+);", Pattern.MULTILINE);
  private static final Pattern OWN = Pattern.compile("\\bdev\\.playground\\.(\\w+)\\.");

  @Test
  void everyRoomUsesOnlyTheRoomsBelowItAndTheLibrariesItOwns() throws IOException {
    List<String> broken = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String room = MAIN.relativize(file).getName(0).toString();
        if (!MAY_USE.containsKey(room)) {
          broken.add(file + ": package " + room + " has no rule");
          continue;
        }
        String source = Files.readString(file);
        Matcher own = OWN.matcher(source);
        while (own.find()) {
          String used = own.group(1);
          if (!used.equals(room) && !MAY_USE.get(room).contains(used))
            broken.add(MAIN.relativize(file) + " uses " + used);
        }
        Matcher imports = IMPORT.matcher(source);
        while (imports.find()) {
          String name = imports.group(1);
          LIBRARY_ONLY_IN.forEach((library, rooms) -> {
            if (name.startsWith(library) && !rooms.contains(room))
              broken.add(MAIN.relativize(file) + " imports " + name);
          });
        }
      }
    }
    assertThat(broken).isEmpty();
  }

  @Test
  void theEngineKnowsNothingOfFaultSimulation() throws IOException {
    try (Stream<Path> files = Files.walk(MAIN.resolve("engine"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList())
        assertThat(Files.readString(file)).as(file.toString())
            .doesNotContain("dev.playground.faults").doesNotContain("SimulatedChatModel");
    }
  }
}
