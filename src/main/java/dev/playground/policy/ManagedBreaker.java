package dev.playground.policy;

import dev.failsafe.CircuitBreaker;
import dev.failsafe.CircuitBreakerBuilder;
import dev.playground.clock.RunClock;
import dev.playground.events.BreakerState;
import dev.playground.llm.ChatAnswer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One provider + model's circuit breaker: the Failsafe policy built from a {@link BreakerSpec}, manual
 * control, and how it leaves the open state. Thread-safe; build one per model and share it between requests.
 *
 * <p>Failsafe's breaker measures its open delay with {@code System.nanoTime()} and half-opens only when the
 * next call asks for a permit. {@link #onRunClock} builds it instead with a delay that never ends and
 * schedules {@link CircuitBreaker#halfOpen()} on the run clock {@code delay} after each opening: the breaker
 * then half-opens at exactly its delay, live or in virtual time, and the change is reported when it happens
 * rather than at the next call. {@link #failsafeTimed} keeps Failsafe's own timing.
 */
public final class ManagedBreaker {
  /** Long enough never to end, short enough for Failsafe's nanosecond arithmetic. */
  static final Duration NEVER = Duration.ofDays(365L * 100);

  private final String name;
  private final BreakerSpec spec;
  private final RunClock clock;
  private final PolicyListener listener;
  private final CircuitBreaker<ChatAnswer> breaker;
  private final AtomicLong openings = new AtomicLong();
  private final ThreadLocal<Boolean> manual = ThreadLocal.withInitial(() -> false);
  private volatile long openedAtNanos;

  private ManagedBreaker(BreakerSpec spec, String name, RunClock clock, PolicyListener listener) {
    this.name = Checks.notNull("name", name);
    this.spec = Checks.notNull("spec", spec);
    this.clock = clock;
    this.listener = listener == null ? PolicyListener.NONE : listener;
    this.breaker = build();
  }

  /** Half-opens on the run clock, exactly {@code delay} after each opening (live or virtual). */
  public static ManagedBreaker onRunClock(BreakerSpec spec, String name, RunClock clock, PolicyListener listener) {
    return new ManagedBreaker(spec, name, Checks.notNull("clock", clock), listener);
  }

  /** Failsafe's own timing: wall clock, half-open when a call asks for a permit after {@code delay}. */
  public static ManagedBreaker failsafeTimed(BreakerSpec spec, String name, PolicyListener listener) {
    return new ManagedBreaker(spec, name, null, listener);
  }

  private CircuitBreaker<ChatAnswer> build() {
    CircuitBreakerBuilder<ChatAnswer> b = CircuitBreaker.<ChatAnswer>builder()
        .handleIf(e -> Failures.isAny(e, spec.countOn()))
        .withSuccessThreshold(spec.successCount().successes(), spec.successCount().executions())
        .withDelay(clock == null ? spec.delay() : NEVER)
        .onOpen(ev -> changed(ev.getPreviousState(), BreakerState.OPEN))
        .onHalfOpen(ev -> changed(ev.getPreviousState(), BreakerState.HALF_OPEN))
        .onClose(ev -> changed(ev.getPreviousState(), BreakerState.CLOSED));
    if (spec.isRateBased())
      b.withFailureRateThreshold(spec.failureRate().percent(), spec.failureRate().minExecutions(),
          spec.failureRate().period());
    else b.withFailureThreshold(spec.failureCount().failures(), spec.failureCount().executions());
    if (spec.countOn().stream().anyMatch(k -> k.isAnswerDefect()))
      b.handleResultIf(answer -> Failures.hasDefect(answer, spec.countOn()));
    return b.build();
  }

  private void changed(CircuitBreaker.State from, BreakerState to) {
    if (to == BreakerState.OPEN) {
      long opening = openings.incrementAndGet();
      if (clock != null) {
        openedAtNanos = clock.nowNanos();
        clock.schedule(() -> {
          if (openings.get() == opening && breaker.isOpen()) breaker.halfOpen();
          return null;
        }, spec.delay().toMillis(), TimeUnit.MILLISECONDS);
      }
    }
    listener.onBreakerStateChanged(state(from), to, manual.get());
  }

  /** The Failsafe policy to compose ({@link Policies#compose}). */
  public CircuitBreaker<ChatAnswer> policy() {
    return breaker;
  }

  /** "provider/model". */
  public String name() {
    return name;
  }

  public BreakerSpec spec() {
    return spec;
  }

  /** The spec's open → half-open delay (not the one Failsafe was given in {@link #onRunClock} mode). */
  public Duration delay() {
    return spec.delay();
  }

  public BreakerState state() {
    return state(breaker.getState());
  }

  /** How long until the open breaker half-opens; zero when it is not open. */
  public Duration remainingDelay() {
    if (!breaker.isOpen()) return Duration.ZERO;
    if (clock == null) return breaker.getRemainingDelay();
    long left = spec.delay().toNanos() - (clock.nowNanos() - openedAtNanos);
    return Duration.ofNanos(Math.max(0, left));
  }

  /** Failed share of the executions in the current window, 0..1. */
  public double failureRate() {
    return breaker.getFailureRate() / 100.0;
  }

  public long failureCount() {
    return breaker.getFailureCount();
  }

  public int executionCount() {
    return breaker.getExecutionCount();
  }

  /** Opens now (reported as manual); it half-opens after its delay as after any opening. */
  public void open() {
    manually(breaker::open);
  }

  /** Closes now (reported as manual). */
  public void close() {
    manually(breaker::close);
  }

  /** Half-opens now (reported as manual). */
  public void halfOpen() {
    manually(breaker::halfOpen);
  }

  private void manually(Runnable action) {
    manual.set(true);
    try {
      action.run();
    } finally {
      manual.remove();
    }
  }

  static BreakerState state(CircuitBreaker.State s) {
    return switch (s) {
      case CLOSED -> BreakerState.CLOSED;
      case OPEN -> BreakerState.OPEN;
      case HALF_OPEN -> BreakerState.HALF_OPEN;
    };
  }

  @Override
  public String toString() {
    return name + " " + state().wireName();
  }
}
