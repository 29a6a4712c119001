package dev.playground;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playground.faults.FaultKind;
import dev.playground.llm.FailureKind;
import dev.playground.scenario.Presets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The documentation holds together: a short README, links that lead somewhere, every name in its reference. */
class DocsTest {
  /** [text](target) and ![alt](target), with an optional "title". */
  private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
  private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");

  @Test
  void theReadmeFitsInTenKilobytes() throws IOException {
    assertThat(Files.size(Path.of("README.md"))).isLessThanOrEqualTo(10_240);
  }

  @Test
  void everyRelativeLinkPointsToAFileThatExists() throws IOException {
    List<String> broken = new ArrayList<>();
    for (Path page : pages()) {
      for (String target : links(page)) {
        if (target.matches("^[a-z][a-z0-9+.-]*:.*") || target.startsWith("#")) continue; // a URL, or this page
        String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
        Path resolved = page.resolveSibling(file).normalize();
        if (!Files.exists(resolved)) broken.add(page + ": " + target);
      }
    }
    assertThat(broken).as("links to files that do not exist").isEmpty();
  }

  @Test
  void everyPageIsLinkedFromTheReadmeOrAnotherPage() throws IOException {
    List<Path> linked = new ArrayList<>();
    for (Path page : pages())
      for (String target : links(page))
        if (!target.contains(":") && !target.startsWith("#"))
          linked.add(page.resolveSibling(target.replaceAll("#.*", "")).normalize());
    for (Path page : pages())
      if (!page.equals(Path.of("README.md"))) assertThat(linked).as("links to " + page).contains(page);
  }

  @Test
  void everyFaultKindHasARowInTheFaultKindTableAndInTheTaxonomy() {
    String kinds = DocSection.of("docs/reference/fault-plans.md", "The fault kinds");
    String taxonomy = DocSection.page("docs/reference/failure-taxonomy.md");
    for (FaultKind kind : FaultKind.values()) {
      assertThat(kinds).as("a row for " + kind.wireName()).contains("| `" + kind.wireName() + "` |");
      assertThat(taxonomy).as("the taxonomy of " + kind.wireName()).contains("`" + kind.wireName() + "`");
    }
  }

  @Test
  void everyFailureKindIsNamedInTheTaxonomy() {
    String taxonomy = DocSection.page("docs/reference/failure-taxonomy.md");
    for (FailureKind kind : FailureKind.values()) {
      assertThat(taxonomy).as(kind.name()).contains("`" + kind.name() + "`");
      assertThat(taxonomy).as(kind.wireName()).contains("`" + kind.wireName() + "`");
    }
  }

  @Test
  void thePresetListIsWhatThePresetsCommandPrints() {
    String doc = DocSection.of("docs/reference/scenarios.md", "The presets");
    int width = Presets.all().stream().mapToInt(s -> s.name().length()).max().orElse(0);
    String printed = Presets.all().stream().map(s -> String.format("%-" + width + "s  %s", s.name(), s.title()))
        .collect(Collectors.joining("\n", "$ java -jar target/resilience-playground.jar presets\n", "\n"));
    assertThat(doc).contains("```text\n" + printed + "```");
  }

  /** README.md and every page under docs/. */
  private static List<Path> pages() throws IOException {
    List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
    try (Stream<Path> files = Files.walk(Path.of("docs"))) {
      files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    return pages;
  }

  /** The link targets of a page, outside fenced code blocks and inline code; a link's text may wrap. */
  private static List<String> links(Path page) throws IOException {
    StringBuilder prose = new StringBuilder();
    boolean fenced = false;
    for (String line : Files.readAllLines(page)) {
      if (line.startsWith("```")) fenced = !fenced;
      else if (!fenced) prose.append(line).append('\n');
    }
    List<String> targets = new ArrayList<>();
    Matcher m = LINK.matcher(INLINE_CODE.matcher(prose).replaceAll(""));
    while (m.find()) targets.add(m.group(1));
    return targets;
  }
}
