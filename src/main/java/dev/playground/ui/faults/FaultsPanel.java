package dev.playground.ui.faults;

import dev.playground.events.RunEvent;
import dev.playground.faults.FaultPlan;
import dev.playground.faults.FaultPlanException;
import dev.playground.faults.FaultPlans;
import dev.playground.ui.Fxml;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import javafx.scene.Parent;

/**
 * The Faults tab: edits the fault plan of each breakable provider of the run (and of the engine's retriever
 * and cache), and applies it live through a callback. Create and use on the FX thread.
 *
 * <pre>{@code
 * FaultsPanel faults = FaultsPanel.create();
 * window.setFaultsPanel(faults.node());
 * // at each run start: the breakable providers with their plans in force, and the engine
 * faults.setTargets(List.of(
 *     FaultTarget.provider("openai", "simulated", run.providers().faults("openai")),
 *     FaultTarget.engine(scenario.engineFaults())));
 * faults.onApply((target, plan) -> run.providers().applyFaults(target, plan)); // a throw is shown, nothing applied
 * // for each faults_changed event, on the FX thread (our own applies come back too and are recognised):
 * faults.faultsChanged(event);
 * }</pre>
 *
 * <p>The callback runs on the FX thread and should return quickly (applying a plan only swaps it in). A
 * {@link RuntimeException} it throws is shown as "Not applied: message" and the edits stay.
 */
public final class FaultsPanel {
  private final Parent root;
  private final FaultsViewModel model;

  private FaultsPanel(FaultsViewModel model) {
    this.model = model;
    root = Fxml.load("/dev/playground/ui/faults/FaultsView.fxml", new FaultsController(model));
  }

  /** A new panel with no targets until {@link #setTargets}. FX thread. */
  public static FaultsPanel create() {
    return new FaultsPanel(new FaultsViewModel());
  }

  /** The panel, for {@code PlaygroundWindow.setFaultsPanel}. It scrolls vertically and carries its own sheet. */
  public Parent node() {
    return root;
  }

  /** The targets of a new run with their plans in force; any edits of the previous run are dropped. */
  public void setTargets(List<FaultTarget> targets) {
    model.setTargets(List.copyOf(targets));
  }

  /** Called with (target name, plan) when the user applies a plan; {@link FaultTarget#ENGINE} for the engine. */
  public void onApply(BiConsumer<String, FaultPlan> callback) {
    model.onApply(Objects.requireNonNull(callback, "callback"));
  }

  /** A plan now in force on {@code target}, wherever it came from (see {@link FaultsViewModel#planChanged}). */
  public void planChanged(String target, FaultPlan plan) {
    model.planChanged(target, plan);
  }

  /** A {@code faults_changed} event of the run, as the event stream carries it. A plan that cannot be read is ignored. */
  public void faultsChanged(RunEvent.FaultsChanged event) {
    FaultPlan plan;
    try {
      plan = FaultPlans.fromTree(event.faults(), "faults");
    } catch (FaultPlanException e) {
      return; // the provider accepted it, so this cannot happen short of a foreign log; nothing to show
    }
    model.planChanged(event.provider(), plan);
  }

  /** The logic behind the panel (for tests and for wiring that needs more than the above). */
  public FaultsViewModel model() {
    return model;
  }
}
