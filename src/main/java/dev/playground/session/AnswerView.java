package dev.playground.session;

import dev.playground.events.RunEvent.RequestFinished;
import dev.playground.events.Rung;
import java.util.Objects;

/**
 * The answer to one prompt as the answer card shows it. Immutable and thread-safe.
 *
 * @param latencyMs the whole request, all attempts and waits included
 */
public record AnswerView(Rung rung, String provider, String model, int attempts, double latencyMs, String text) {
  public AnswerView {
    Objects.requireNonNull(rung, "rung");
    if (attempts < 0) throw new IllegalArgumentException("attempts must be ≥ 0, was " + attempts);
    if (latencyMs < 0) throw new IllegalArgumentException("latencyMs must be ≥ 0, was " + latencyMs);
    provider = provider == null ? "" : provider;
    model = model == null ? "" : model;
    text = text == null ? "" : text;
  }

  /** The answer a {@code request_finished} event describes. */
  public static AnswerView of(RequestFinished finished) {
    return new AnswerView(finished.rung(), finished.provider(), finished.model(), finished.attempts(),
        finished.latencyMs(), finished.answer());
  }
}
