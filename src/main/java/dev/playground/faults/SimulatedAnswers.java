package dev.playground.faults;

import dev.playground.clock.Seeds;
import java.util.ArrayList;
import java.util.List;

/**
 * Deterministic fake answers: the same (model, prompt) always gives the same text, which names the model
 * that answered. Used by the simulated provider and the in-process simulated model. Thread-safe (stateless).
 */
public final class SimulatedAnswers {
  private static final String[] OPENERS = {
    "Here is what I can tell you.", "Good question.", "In short:", "Let me think about that.", "Briefly:",
  };
  private static final String[] WORDS = {
    "retries", "absorb", "transient", "failures", "while", "a", "circuit", "breaker", "stops", "calling", "a",
    "provider", "that", "keeps", "failing", "backoff", "with", "jitter", "spreads", "the", "load", "so",
    "clients", "do", "not", "return", "together", "fallbacks", "keep", "answers", "coming", "when", "the",
    "primary", "model", "is", "down", "and", "a", "cache", "serves", "earlier", "results", "timeouts", "bound",
    "how", "long", "each", "attempt", "may", "take", "every", "layer", "has", "its", "own", "budget",
  };
  private static final int PROMPT_EXCERPT = 60;

  private SimulatedAnswers() {}

  /** The answer {@code model} gives to {@code prompt}: 20 to 40 pieces, the first naming the model. */
  public static SimulatedAnswer answer(String model, String prompt) {
    String p = prompt == null ? "" : prompt;
    long h = Seeds.mix(Seeds.of(model), Seeds.of(p));
    List<String> pieces = new ArrayList<>();
    pieces.add("[" + model + "] ");
    pieces.add("(simulated) ");
    String excerpt = p.strip().replaceAll("\\s+", " ");
    if (excerpt.length() > PROMPT_EXCERPT) excerpt = excerpt.substring(0, PROMPT_EXCERPT - 1) + "…";
    if (!excerpt.isEmpty()) {
      pieces.add("You asked: ");
      pieces.add("\"" + excerpt + "\". ");
    }
    for (String w : OPENERS[(int) Math.floorMod(h, (long) OPENERS.length)].split(" ")) pieces.add(w + " ");
    int words = 14 + (int) Math.floorMod(Seeds.mix(h, 1), 17L);
    for (int i = 0; i < words; i++) {
      String w = WORDS[(int) Math.floorMod(Seeds.mix(h, 2, i), (long) WORDS.length)];
      boolean last = i == words - 1;
      pieces.add(last ? w + "." : w + " ");
    }
    return new SimulatedAnswer(model, pieces, tokens(p));
  }

  /** A rough token count: one per four characters, at least one for any non-empty text. */
  public static int tokens(String text) {
    if (text == null || text.isEmpty()) return 0;
    return Math.max(1, (text.length() + 3) / 4);
  }
}
