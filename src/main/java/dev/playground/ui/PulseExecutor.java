package dev.playground.ui;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Runs tasks on the FX thread at the start of the scene's next pulse (before CSS and layout), so a batcher
 * behind it drains at most once a frame however fast items arrive. Thread-safe: {@link #execute} from any thread.
 */
public final class PulseExecutor implements Executor {
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final Scene scene;

  /** Hooks into {@code scene}'s pulses; call on the FX thread. */
  public PulseExecutor(Scene scene) {
    this.scene = scene;
    scene.addPreLayoutPulseListener(this::runQueued);
  }

  @Override
  public void execute(Runnable task) {
    // a scene outside a showing window gets no pulses: then the task must not wait for one
    // (the window's state read off the FX thread may be stale; either way the task runs on the FX thread)
    var window = scene.getWindow();
    if (window == null || !window.isShowing()) {
      Platform.runLater(task);
      return;
    }
    tasks.add(task);
    Platform.requestNextPulse(); // a pulse runs only when something asks for one
  }

  private void runQueued() {
    for (int n = tasks.size(); n > 0; n--) {
      Runnable task = tasks.poll();
      if (task == null) return;
      task.run();
    }
  }
}
