package dev.playground.faults;

import dev.playground.clock.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Deterministic fake answers: the same (model, prompt) always gives the same text, which names the model
 * that answered. Used by the simulated provider and the in-process simulated model. Thread-safe (stateless).
 */
public final class SimulatedAnswers {
  private static final String[] OPENERS = {
    "Here is what I can tell you.", "Good question.", "In short:", "Let me think about that.", "Briefly:",
  };
  private static final String[] SENTENCES = {
    "Retries absorb short, transient failures such as rate limits and brief outages.",
    "Exponential backoff with jitter spreads the retries out, so clients do not come back all at once.",
    "A circuit breaker stops calling a provider that keeps failing and tries again after a pause.",
    "A fallback model keeps answers coming while the primary one is down.",
    "A response cache can serve an earlier answer when every model fails.",
    "Each attempt needs its own timeout, and the whole request needs a budget.",
    "Errors such as a bad request or a wrong key will not go away by retrying.",
    "Honouring Retry-After is the polite way to wait out a rate limit.",
    "Graceful degradation means a worse answer is better than no answer.",
    "Every retry multiplies the load on a provider that is already struggling.",
    "An empty or truncated answer can be retried like an error, if the caller asks for it.",
    "Streaming answers can break off midway, so the last chunk matters.",
  };
  private static final int PROMPT_EXCERPT = 60;
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private SimulatedAnswers() {}

  /** The answer {@code model} gives to {@code prompt}: the first piece names the model. */
  public static SimulatedAnswer answer(String model, String prompt) {
    String p = prompt == null ? "" : prompt;
    long h = Seeds.mix(Seeds.of(model), Seeds.of(p));
    List<String> pieces = new ArrayList<>();
    pieces.add("[" + model + "] ");
    pieces.add("(simulated) ");
    String excerpt = SPACES.matcher(p.strip()).replaceAll(" ");
    if (excerpt.length() > PROMPT_EXCERPT) excerpt = excerpt.substring(0, PROMPT_EXCERPT - 1) + "…";
    if (!excerpt.isEmpty()) {
      pieces.add("You asked: ");
      pieces.add("\"" + excerpt + "\". ");
    }
    words(pieces, OPENERS[(int) Math.floorMod(h, (long) OPENERS.length)]);
    int sentences = 2 + (int) Math.floorMod(Seeds.mix(h, 1), 2L);
    int first = (int) Math.floorMod(Seeds.mix(h, 2), (long) SENTENCES.length);
    int step = 1 + (int) Math.floorMod(Seeds.mix(h, 3), 5L); // 1..5: three sentences never repeat one
    for (int i = 0; i < sentences; i++) words(pieces, SENTENCES[(first + i * step) % SENTENCES.length]);
    String last = pieces.remove(pieces.size() - 1);
    pieces.add(last.strip()); // no trailing space after the last word
    return new SimulatedAnswer(model, pieces, tokens(p));
  }

  private static void words(List<String> pieces, String text) {
    for (String w : text.split(" ")) pieces.add(w + " ");
  }

  /** A rough token count: one per four characters, at least one for any non-empty text. */
  public static int tokens(String text) {
    if (text == null || text.isEmpty()) return 0;
    return Math.max(1, (text.length() + 3) / 4);
  }
}
