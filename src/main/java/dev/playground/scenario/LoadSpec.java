package dev.playground.scenario;

import java.util.List;

/**
 * How a scenario sends its prompts: {@code requests} in all, either {@code concurrency} at a time (each new
 * one as soon as one finishes) or at {@code ratePerSecond} regardless of answers; prompts are used in turn.
 * Immutable.
 *
 * @param ratePerSecond 0 = send by concurrency
 */
public record LoadSpec(int requests, int concurrency, double ratePerSecond, List<String> prompts, boolean stream) {
  public static final int MAX_REQUESTS = 1_000_000;
  public static final int MAX_CONCURRENCY = 1_000;
  public static final double MAX_RATE = 10_000;
  public static final int MAX_PROMPT_CHARS = 100_000;
  /** Questions about the lesson itself, so that the retriever finds context for them. */
  public static final List<String> DEFAULT_PROMPTS = List.of(
      "What is a circuit breaker and when does it open?",
      "Why use exponential backoff with jitter when retrying?",
      "Which API errors should be retried and which not?",
      "How does graceful degradation keep answering during an outage?",
      "When should a client fall back to another model?");

  public LoadSpec {
    if (requests < 1 || requests > MAX_REQUESTS)
      throw new ScenarioException("load.requests must be in [1, " + MAX_REQUESTS + "], was " + requests);
    if (concurrency < 1 || concurrency > MAX_CONCURRENCY)
      throw new ScenarioException("load.concurrency must be in [1, " + MAX_CONCURRENCY + "], was " + concurrency);
    if (!(ratePerSecond >= 0 && ratePerSecond <= MAX_RATE))
      throw new ScenarioException("load.rate_per_s must be in (0, " + (int) MAX_RATE + "] or absent, was " + ratePerSecond);
    prompts = prompts == null || prompts.isEmpty() ? DEFAULT_PROMPTS : List.copyOf(prompts);
    for (int i = 0; i < prompts.size(); i++) {
      String p = prompts.get(i);
      if (p == null || p.isBlank()) throw new ScenarioException("load.prompts[" + i + "] must not be empty");
      if (p.length() > MAX_PROMPT_CHARS)
        throw new ScenarioException("load.prompts[" + i + "] must be at most " + MAX_PROMPT_CHARS + " characters, was " + p.length());
    }
  }

  public static LoadSpec of(int requests, int concurrency) {
    return new LoadSpec(requests, concurrency, 0, List.of(), false);
  }

  public boolean byRate() {
    return ratePerSecond > 0;
  }

  /** The prompt of request {@code i} (0-based): the prompts in turn. */
  public String prompt(long i) {
    return prompts.get((int) (i % prompts.size()));
  }

  public LoadSpec withRequests(int n) {
    return new LoadSpec(n, concurrency, ratePerSecond, prompts, stream);
  }
}
