package dev.playground.engine;

import dev.playground.clock.RunClock;
import dev.playground.events.RunRecorder;
import java.util.function.UnaryOperator;

/**
 * What a {@link ResilientClient} is plugged into: the run's clock and recorder, its seed, where its models
 * are, where the {@code full} rung's context comes from, and what wraps each response cache the client builds
 * (a scenario breaks it there; identity otherwise). Immutable.
 */
public record EngineSetup(
    RunClock clock, RunRecorder recorder, long seed, ModelDirectory models, ContextRetriever retriever,
    UnaryOperator<AnswerCache> cacheLayer) {
  public EngineSetup {
    if (clock == null) throw new IllegalArgumentException("clock must not be null");
    if (recorder == null) throw new IllegalArgumentException("recorder must not be null");
    if (models == null) throw new IllegalArgumentException("models must not be null");
    if (retriever == null) throw new IllegalArgumentException("retriever must not be null");
    cacheLayer = cacheLayer == null ? UnaryOperator.identity() : cacheLayer;
  }

  public EngineSetup(RunClock clock, RunRecorder recorder, long seed, ModelDirectory models, ContextRetriever retriever) {
    this(clock, recorder, seed, models, retriever, null);
  }
}
