package dev.playground.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Moves items from any thread to the FX thread, with at most one drain pending: every item submitted before a
 * drain starts is handed over in that drain, as one list, in submission order. Thread-safe.
 *
 * <p>The executor decides when a drain runs: {@link PulseExecutor} (once per pulse) or {@code Platform::runLater}
 * in the app, {@code Runnable::run} or a manual queue in tests.
 */
public final class FxBatcher<T> {
  private final Queue<T> pending = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final Executor fxThread;
  private final Consumer<List<T>> onFxThread;

  public FxBatcher(Executor fxThread, Consumer<List<T>> onFxThread) {
    this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
    this.onFxThread = Objects.requireNonNull(onFxThread, "onFxThread");
  }

  /** Queues {@code item}; schedules a drain only if none is pending. Any thread. */
  public void submit(T item) {
    pending.add(Objects.requireNonNull(item, "item"));
    if (scheduled.compareAndSet(false, true)) fxThread.execute(this::drain);
  }

  /** Items waiting for the next drain (for tests and diagnostics). */
  public int pendingCount() {
    return pending.size();
  }

  private void drain() {
    // Clear the flag first: an item added while we poll either lands in this batch or schedules the next one.
    scheduled.set(false);
    List<T> batch = new ArrayList<>();
    for (T item; (item = pending.poll()) != null; ) batch.add(item);
    if (!batch.isEmpty()) onFxThread.accept(batch);
  }
}
