package dev.playground.ui.faults;

import dev.playground.faults.FaultPlan;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One target of the Faults panel: its draft, the plan last known in force, a plan changed elsewhere that waits
 * for Reload or Keep mine, and the plans we applied whose {@code faults_changed} has not come back yet (so that
 * our own applies are not taken for changes made elsewhere). Not thread-safe: FX thread.
 */
final class TargetState {
  /** Applies remembered at most, for targets whose changes never come back (the engine). */
  private static final int ECHOES_KEPT = 8;

  final FaultTarget target;
  final PlanDraft draft;
  FaultPlan applied;
  FaultPlan outside;
  private final Deque<FaultPlan> echoes = new ArrayDeque<>();

  TargetState(FaultTarget target) {
    this.target = target;
    this.applied = target.plan() == null ? FaultPlan.healthy(0) : target.plan();
    this.draft = PlanDraft.of(applied);
  }

  /** We are about to apply {@code plan}: its echo is expected. */
  void expectEcho(FaultPlan plan) {
    echoes.addLast(plan);
    while (echoes.size() > ECHOES_KEPT) echoes.pollFirst();
  }

  /** The apply failed: no echo will come. */
  void dropEcho(FaultPlan plan) {
    echoes.removeLastOccurrence(plan);
  }

  /** True (and forgotten, with any older ones) if {@code plan} is the echo of one of our applies. */
  boolean consumeEcho(FaultPlan plan) {
    if (!echoes.contains(plan)) return false;
    while (!echoes.isEmpty() && !echoes.pollFirst().equals(plan)) { /* older echoes are spent too */ }
    return true;
  }

  /** True when the draft differs from the plan in force, or cannot be built. */
  boolean edited() {
    return draft.validate() != null || !draft.build().equals(applied);
  }
}
