package dev.playground.engine;

import dev.playground.clock.RunClock;
import dev.playground.events.RunRecorder;
import dev.playground.faults.FaultInjector;

/**
 * What a {@link ResilientClient} is plugged into: the run's clock and recorder, its seed, where its models
 * are, the retriever of the {@code full} rung, and the fault plan that breaks the engine's own parts
 * (rules with {@code target: retriever} or {@code target: cache}; null = they never fail). Immutable.
 */
public record EngineSetup(
    RunClock clock, RunRecorder recorder, long seed, ModelDirectory models, Retriever retriever,
    FaultInjector engineFaults) {
  public EngineSetup {
    if (clock == null) throw new IllegalArgumentException("clock must not be null");
    if (recorder == null) throw new IllegalArgumentException("recorder must not be null");
    if (models == null) throw new IllegalArgumentException("models must not be null");
    if (retriever == null) throw new IllegalArgumentException("retriever must not be null");
  }
}
