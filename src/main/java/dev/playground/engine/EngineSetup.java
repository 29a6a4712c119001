package dev.playground.engine;

import dev.playground.clock.RunClock;
import dev.playground.events.RunRecorder;
import dev.playground.faults.FaultInjector;

/**
 * What a {@link ResilientClient} is plugged into: the run's clock and recorder, its seed, where its models
 * are, the retriever of the {@code full} rung, and the fault plan that breaks the engine's own parts
 * (rules with {@code target: retriever} or {@code target: cache}; null = they never fail). Immutable.
 *
 * @param faultsByCall when true, every call tells the simulated provider which logical call it is (request,
 *     rung, model, attempt), so that its fault is decided by that and not by arrival order: two policy sets then
 *     meet the same faults (A/B comparison). Only in-process simulated models read it.
 */
public record EngineSetup(
    RunClock clock, RunRecorder recorder, long seed, ModelDirectory models, Retriever retriever,
    FaultInjector engineFaults, boolean faultsByCall) {
  public EngineSetup {
    if (clock == null) throw new IllegalArgumentException("clock must not be null");
    if (recorder == null) throw new IllegalArgumentException("recorder must not be null");
    if (models == null) throw new IllegalArgumentException("models must not be null");
    if (retriever == null) throw new IllegalArgumentException("retriever must not be null");
  }

  public EngineSetup(RunClock clock, RunRecorder recorder, long seed, ModelDirectory models, Retriever retriever,
      FaultInjector engineFaults) {
    this(clock, recorder, seed, models, retriever, engineFaults, false);
  }
}
