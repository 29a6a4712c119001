package dev.playground.llm;

/**
 * Which logical call a request is: {@code key} names the call (the same request, rung and model get the same
 * key, whatever the policies), {@code attempt} counts the tries at it from 0. The engine names every call; a
 * model may ignore it (the HTTP adapter does), and A/B comparisons use it to meet the same faults on both
 * sides. Immutable.
 */
public record CallRef(long key, int attempt) {
  public CallRef {
    if (attempt < 0) throw new IllegalArgumentException("attempt must be ≥ 0, was " + attempt);
  }
}
