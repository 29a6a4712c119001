package dev.playground.faults;

import dev.playground.clock.RunClock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The fault plan in force for one provider (or one engine part): numbers the requests (per target, and per
 * model for the models the plan names) and decides each one. Thread-safe: {@link #decide} is lock-free;
 * {@link #apply} swaps the plan, its start time and fresh numbering in one step, so a request is numbered and
 * decided under exactly one plan.
 */
public final class FaultInjector {
  private static final System.Logger LOG = System.getLogger(FaultInjector.class.getName());

  private final LongSupplier millis;
  private final AtomicReference<State> state;
  private final List<Consumer<FaultPlan>> listeners = new CopyOnWriteArrayList<>();
  private final Object applyLock = new Object();
  /** When a held plan was "applied": never, so its windows have not begun. */
  private static final long HELD = Long.MIN_VALUE;

  /** @param millis the clock the plan's time windows are measured on (any origin; only differences count) */
  public FaultInjector(FaultPlan initial, LongSupplier millis) {
    if (initial == null) throw new IllegalArgumentException("initial plan must not be null");
    if (millis == null) throw new IllegalArgumentException("millis must not be null");
    this.millis = millis;
    this.state = new AtomicReference<>(State.of(initial, millis.getAsLong()));
  }

  /** Measures time windows on the run clock. */
  public FaultInjector(FaultPlan initial, RunClock clock) {
    this(initial, clock::nowMillis);
  }

  public FaultPlan plan() {
    return state.get().plan;
  }

  /** Time since the plan in force was applied (or restarted), in milliseconds; -1 while it is held. */
  public long elapsedMs() {
    return elapsed(state.get());
  }

  /** True while the plan's timed rules wait for {@link #restart()}. */
  public boolean held() {
    return state.get().appliedAtMs == HELD;
  }

  private long elapsed(State s) {
    return s.appliedAtMs == HELD ? -1 : millis.getAsLong() - s.appliedAtMs;
  }

  /** Puts {@code plan} in force now: its windows start now and request numbers start again at 0. */
  public void apply(FaultPlan plan) {
    if (plan == null) throw new IllegalArgumentException("plan must not be null");
    synchronized (applyLock) { // listeners hear the changes in the order they happened
      state.set(State.of(plan, millis.getAsLong()));
      for (Consumer<FaultPlan> listener : listeners) {
        try {
          listener.accept(plan);
        } catch (RuntimeException e) {
          LOG.log(System.Logger.Level.WARNING, "fault plan listener failed: " + e);
        }
      }
    }
  }

  /**
   * Holds the plan's timed rules (those with a window) until {@link #restart()}: until then they never apply,
   * while the rules without a window do. Quiet, like restart. For a run whose story starts on cue.
   */
  public void hold() {
    synchronized (applyLock) {
      state.set(State.of(plan(), HELD));
    }
  }

  /**
   * Starts the plan in force again now, quietly: its windows count from now and its numbering from 0, and no
   * listener hears of it (the plan did not change). For a live run whose story starts after its setup.
   */
  public void restart() {
    synchronized (applyLock) {
      state.set(State.of(plan(), millis.getAsLong()));
    }
  }

  /**
   * Parses {@code json} and puts it in force. A bad plan throws {@link FaultPlanException} and the plan in
   * force stays as it was.
   */
  public FaultPlan apply(String json) {
    FaultPlan plan = FaultPlans.parse(json); // parse first: nothing is half-applied
    apply(plan);
    return plan;
  }

  /** Healthy again (no rules, no base latency), keeping the seed. */
  public void clear() {
    apply(FaultPlan.healthy(plan().seed()));
  }

  /** Numbers the request and decides its fault under the plan in force. */
  public FaultDecision decide(String model, Target target) {
    State s = state.get();
    long number = s.counters[target.ordinal()].getAndIncrement();
    AtomicLong perModel = s.modelCounters.isEmpty() ? null : s.modelCounters.get(key(target, model));
    long numberForModel = perModel == null ? -1 : perModel.getAndIncrement();
    return s.plan.decide(number, numberForModel, elapsed(s), model, target);
  }

  /**
   * Decides the fault of one logical call (see {@link FaultPlan#decideCall}); the arrival counters are not
   * used, so the decision does not depend on what other calls happened before.
   */
  public FaultDecision decideCall(String model, Target target, long callKey, long position) {
    State s = state.get();
    s.counters[target.ordinal()].getAndIncrement();
    return s.plan.decideCall(callKey, position, elapsed(s), model, target);
  }

  /**
   * Numbers the request like {@link #decide} but answers with {@code kind} and its default parameters (the
   * {@code X-Playground-Fault} header).
   */
  public FaultDecision force(FaultKind kind, String model, Target target) {
    State s = state.get();
    long number = s.counters[target.ordinal()].getAndIncrement();
    AtomicLong perModel = s.modelCounters.isEmpty() ? null : s.modelCounters.get(key(target, model));
    if (perModel != null) perModel.getAndIncrement();
    return s.plan.forced(kind, number);
  }

  /** Calls {@code listener} with every plan applied from now on; close the result to stop. */
  public AutoCloseable onChange(Consumer<FaultPlan> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  private static String key(Target target, String model) {
    return target.ordinal() + ":" + model;
  }

  /** One applied plan with its own numbering; counters exist only for the models the plan names. */
  private static final class State {
    final FaultPlan plan;
    final long appliedAtMs;
    final AtomicLong[] counters;
    final Map<String, AtomicLong> modelCounters;

    private State(FaultPlan plan, long appliedAtMs, Map<String, AtomicLong> modelCounters) {
      this.plan = plan;
      this.appliedAtMs = appliedAtMs;
      this.counters = new AtomicLong[Target.values().length];
      for (int i = 0; i < counters.length; i++) counters[i] = new AtomicLong();
      this.modelCounters = modelCounters;
    }

    static State of(FaultPlan plan, long now) {
      Map<String, AtomicLong> perModel = new HashMap<>();
      for (FaultRule rule : plan.rules())
        for (String model : rule.models()) perModel.putIfAbsent(key(rule.target(), model), new AtomicLong());
      return new State(plan, now, Map.copyOf(perModel));
    }
  }
}
