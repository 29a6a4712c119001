package dev.playground.lab;

/**
 * Hears how a lab run goes, on the thread that runs it (a UI must hand the calls to its own thread).
 * Implementations decide their own thread-safety; both methods must return quickly.
 */
public interface HerdListener {
  /** Hears nothing. */
  HerdListener NONE = new HerdListener() {};

  /** After each trial: {@code done} of {@code total} trials (strategies × client counts × trials). */
  default void onProgress(long done, long total) {}

  /** When a strategy and client count has all its trials: a new point for the chart. */
  default void onRow(HerdRow row) {}
}
