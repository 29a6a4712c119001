package dev.playground.session;

import dev.playground.events.RunEvent;
import dev.playground.events.RunLogWriter;
import java.util.function.Consumer;

/**
 * Passes one run's events to its log and, while attached, to the window, up to and including
 * {@code run_finished}: a request that ends after its run was closed reaches neither, so it cannot leak into the
 * next run's charts. The recorder calls it under its lock, one event at a time; {@link #detach} from any thread.
 */
final class RunGate implements Consumer<RunEvent> {
  private final RunLogWriter log;
  private final Consumer<? super RunEvent> window;
  private volatile boolean attached = true;
  private volatile boolean finished;

  RunGate(RunLogWriter log, Consumer<? super RunEvent> window) {
    this.log = log;
    this.window = window;
  }

  @Override
  public void accept(RunEvent event) {
    if (finished) return;
    log.accept(event);
    if (attached) window.accept(event);
    if (event instanceof RunEvent.RunFinished) finished = true;
  }

  /** From now on the window hears nothing of this run (the log still does). */
  void detach() {
    attached = false;
  }
}
