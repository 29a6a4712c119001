package dev.playground.events;

import dev.playground.clock.RunClock;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The one place a run's events get their {@code seq} and {@code t_ms}, and the bus that hands them on.
 * Thread-safe: any thread may publish.
 *
 * <p>{@link #publish} numbers events 0, 1, 2 … without gaps, stamps them from the {@link RunClock} (never going
 * back in time in {@code seq} order, even if the clock does), and calls every subscriber with them in
 * {@code seq} order, on the publishing thread, one event at a time. Subscribers must be quick and must not
 * publish: the run log and the UI batcher only enqueue.
 *
 * <pre>{@code
 * var recorder = new RunRecorder(clock);
 * recorder.subscribe(runLogWriter);
 * recorder.publish((seq, t) -> new RunEvent.RequestStarted(seq, t, req, prompt));
 * // the last line: counts taken inside the factory, so no event slips in between
 * recorder.publish((seq, t) -> new RunEvent.RunFinished(seq, t, summary.toJson()));
 * }</pre>
 */
public final class RunRecorder {
  private static final System.Logger LOG = System.getLogger(RunRecorder.class.getName());

  /** Builds one event from the {@code seq} and {@code tMs} it is given. */
  @FunctionalInterface
  public interface EventFactory<E extends RunEvent> {
    E create(long seq, long tMs);
  }

  /** Stops the subscriber that {@link #subscribe} returned it for. */
  public interface Subscription extends AutoCloseable {
    @Override
    void close();
  }

  private final RunClock clock;
  private final Object lock = new Object();
  private final CopyOnWriteArrayList<Consumer<? super RunEvent>> subscribers = new CopyOnWriteArrayList<>();
  private final AtomicLong subscriberFailures = new AtomicLong();
  private long nextSeq; // guarded by lock
  private long lastTMs; // guarded by lock
  private boolean publishing; // guarded by lock

  public RunRecorder(RunClock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Numbers, stamps and dispatches one event. The factory runs while the recorder holds its lock, so keep it to
   * building the record. If the factory throws, no number is used up.
   *
   * @return the event as published
   * @throws IllegalArgumentException if the factory ignored the {@code seq} or {@code tMs} it was given
   */
  public <E extends RunEvent> E publish(EventFactory<E> factory) {
    Objects.requireNonNull(factory, "factory");
    synchronized (lock) {
      // the lock is reentrant: a nested publish would reach the remaining subscribers before this event
      if (publishing) throw new IllegalStateException(
          "publish was called from an event factory or a subscriber; publish from the engine's own code instead");
      publishing = true;
      try {
        return numberAndDispatch(factory);
      } finally {
        publishing = false;
      }
    }
  }

  private <E extends RunEvent> E numberAndDispatch(EventFactory<E> factory) {
    long seq = nextSeq;
    long tMs = Math.max(lastTMs, clock.nowMillis());
    E event = factory.create(seq, tMs);
    if (event == null) throw new NullPointerException("the event factory returned null");
    if (event.seq() != seq || event.tMs() != tMs)
      throw new IllegalArgumentException("the event factory must use the seq and tMs it is given: was given ("
          + seq + ", " + tMs + "), built (" + event.seq() + ", " + event.tMs() + ") for " + event.type());
    nextSeq = seq + 1;
    lastTMs = tMs;
    for (Consumer<? super RunEvent> subscriber : subscribers) {
      try {
        subscriber.accept(event);
      } catch (RuntimeException e) {
        // one broken consumer must not stop the run nor the others; the writer reports its own failures
        subscriberFailures.incrementAndGet();
        LOG.log(System.Logger.Level.WARNING, "a run event subscriber failed on seq " + seq, e);
      }
    }
    return event;
  }

  /**
   * Adds a subscriber; it receives every event published after this call returns, and none before.
   *
   * @return a handle that removes it again
   */
  public Subscription subscribe(Consumer<? super RunEvent> subscriber) {
    Objects.requireNonNull(subscriber, "subscriber");
    synchronized (lock) {
      subscribers.add(subscriber);
    }
    return () -> {
      synchronized (lock) {
        subscribers.remove(subscriber);
      }
    };
  }

  /** How many events have been published (the next {@code seq}). */
  public long published() {
    synchronized (lock) {
      return nextSeq;
    }
  }

  /** How many times a subscriber threw; each was logged and skipped. */
  public long subscriberFailures() {
    return subscriberFailures.get();
  }
}
