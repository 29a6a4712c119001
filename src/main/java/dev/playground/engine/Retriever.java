package dev.playground.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * The retriever of the {@code full} rung: BM25 over the passages of a small Markdown corpus (by default the
 * lesson this playground teaches), one passage per section. As a {@link ContextRetriever} it answers at once with
 * the {@value #CONTEXT_PASSAGES} best passages. Immutable after construction; thread-safe.
 */
public final class Retriever implements ContextRetriever {
  /** Passages sent as the {@code full} rung's context. */
  public static final int CONTEXT_PASSAGES = 3;
  private static final double K1 = 1.2;
  private static final double B = 0.75;
  private static final int MAX_PASSAGE_CHARS = 700;
  private static final Set<String> STOP_WORDS = Set.of(
      "a", "an", "and", "are", "as", "at", "be", "by", "do", "does", "for", "from", "how", "i", "if", "in",
      "is", "it", "of", "on", "or", "the", "to", "what", "when", "why", "with", "you", "your", "this", "that");

  /** One section of the corpus and how well it matched. */
  public record Passage(String title, String text, double score) {}

  private final List<Section> sections;
  private final Map<String, Integer> documentFrequency = new HashMap<>();
  private final double averageLength;

  private record Section(String title, String text, Map<String, Integer> termCounts, int length) {}

  public Retriever(String markdown) {
    this.sections = split(markdown);
    if (sections.isEmpty()) throw new IllegalArgumentException("the corpus has no sections to retrieve from");
    for (Section s : sections) for (String term : s.termCounts.keySet()) documentFrequency.merge(term, 1, Integer::sum);
    this.averageLength = sections.stream().mapToInt(Section::length).average().orElse(1);
  }

  /** The retriever over the built-in corpus: the lesson on error handling and resilience. */
  public static Retriever overLesson() {
    try (InputStream in = Retriever.class.getResourceAsStream("lesson.md")) {
      if (in == null) throw new IllegalStateException("the built-in corpus lesson.md is missing from the classpath");
      return new Retriever(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int size() {
    return sections.size();
  }

  /** The {@code k} best passages for the query, best first; only passages sharing a term with it. */
  public List<Passage> retrieve(String query, int k) {
    Map<String, Integer> queryTerms = terms(query);
    List<Passage> scored = new ArrayList<>();
    for (Section s : sections) {
      double score = 0;
      for (String term : queryTerms.keySet()) {
        Integer tf = s.termCounts.get(term);
        if (tf == null) continue;
        double idf = Math.log(1 + (sections.size() - documentFrequency.get(term) + 0.5) / (documentFrequency.get(term) + 0.5));
        score += idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * s.length / averageLength));
      }
      if (score > 0) scored.add(new Passage(s.title, s.text, score));
    }
    scored.sort(Comparator.comparingDouble(Passage::score).reversed().thenComparing(Passage::title));
    return List.copyOf(scored.subList(0, Math.min(k, scored.size())));
  }

  @Override
  public CompletableFuture<String> context(String prompt, Duration timeout) {
    return CompletableFuture.completedFuture(contextFor(prompt, CONTEXT_PASSAGES));
  }

  /** The context sent with the prompt: the best passages, each cut to a readable length. */
  public String contextFor(String query, int k) {
    return retrieve(query, k).stream()
        .map(p -> "## " + p.title() + "\n" + cut(p.text()))
        .collect(Collectors.joining("\n\n"));
  }

  private static String cut(String text) {
    return text.length() <= MAX_PASSAGE_CHARS ? text : text.substring(0, MAX_PASSAGE_CHARS) + " …";
  }

  private static List<Section> split(String markdown) {
    List<Section> out = new ArrayList<>();
    String title = "Introduction";
    StringBuilder body = new StringBuilder();
    boolean inFrontMatter = markdown.startsWith("---");
    boolean first = true;
    for (String line : markdown.split("\n", -1)) {
      if (inFrontMatter) {
        if (line.equals("---") && !first) inFrontMatter = false;
        first = false;
        continue;
      }
      if (line.startsWith("#") && line.replaceFirst("^#+", "").startsWith(" ")) {
        add(out, title, body);
        title = line.replaceFirst("^#+\\s*", "").trim();
        body.setLength(0);
      } else {
        body.append(line).append('\n');
      }
    }
    add(out, title, body);
    return out;
  }

  private static void add(List<Section> out, String title, StringBuilder body) {
    String text = body.toString().replaceAll("<!--(?s).*?-->", "").trim();
    if (text.isEmpty() || text.equals("---")) return;
    Map<String, Integer> counts = terms(title + " " + text);
    int length = counts.values().stream().mapToInt(Integer::intValue).sum();
    if (length > 0) out.add(new Section(title, text, Map.copyOf(counts), length));
  }

  private static Map<String, Integer> terms(String text) {
    Map<String, Integer> counts = new HashMap<>();
    for (String raw : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
      if (raw.length() < 2 || STOP_WORDS.contains(raw)) continue;
      counts.merge(stem(raw), 1, Integer::sum);
    }
    return counts;
  }

  /** A light plural/verb-ending stem so "retries" meets "retry" and "breakers" meets "breaker". */
  private static String stem(String w) {
    if (w.length() > 4 && w.endsWith("ies")) return w.substring(0, w.length() - 3) + "y";
    if (w.length() > 5 && w.endsWith("ing")) return w.substring(0, w.length() - 3);
    if (w.length() > 4 && w.endsWith("es") && !w.endsWith("ses")) return w.substring(0, w.length() - 1);
    if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) return w.substring(0, w.length() - 1);
    return w;
  }
}
