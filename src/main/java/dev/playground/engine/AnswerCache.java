package dev.playground.engine;

import java.util.Optional;

/**
 * The response cache as the ladder uses it: good answers by prompt. The engine's own is {@link ResponseCache};
 * a scenario can put a broken one in front of it. Implementations are thread-safe.
 */
public interface AnswerCache {
  /** A stored answer and when it was stored (run-clock nanoseconds). */
  record Entry(String content, String provider, String model, long storedNanos) {}

  /** What a lookup found; {@code broken} names the fault when the cache could not be read. */
  record Lookup(Optional<Entry> entry, String broken) {
    public static Lookup broken(String why) {
      return new Lookup(Optional.empty(), why);
    }
  }

  /** The cached answer, empty on a miss. */
  Lookup lookup(String prompt);

  /** Keeps a good answer. */
  void store(String prompt, String content, String provider, String model);

  /** How old an entry is now, in milliseconds of run time. */
  double ageMs(Entry e);
}
