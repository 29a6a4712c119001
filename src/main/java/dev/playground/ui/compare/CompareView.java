package dev.playground.ui.compare;

import dev.playground.common.DaemonThreads;
import dev.playground.policy.PolicySet;
import dev.playground.scenario.Scenario;
import dev.playground.ui.Fxml;
import dev.playground.ui.charts.ChartPalette;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import javafx.application.Platform;
import javafx.scene.Parent;

/**
 * The "A/B compare" view: two policy sets on the same scenario and seed, the same fault for each call. Side A is
 * the current policies, side B a copy the user edits as JSON (or loads from a preset); Run compares them in
 * virtual time off the FX thread, then shows both sides' charts side by side and the table of differences,
 * B's gains in green and losses in red. Create and use on the FX thread.
 *
 * <pre>{@code
 * CompareView compare = CompareView.create();   // or create(executor) to run comparisons on your own thread
 * tab.setContent(compare.root());
 * compare.setScenario(scenario);                // a preset was chosen: A = its policies, B = a fresh copy
 * compare.setPolicies(policySet);               // the Policies panel applied new policies: A (B follows if unedited)
 * compare.setPalette(ChartPalette.DARK);        // the theme changed
 * compare.close();                              // the window closes (stops the view's own thread)
 * }</pre>
 */
public final class CompareView {
  private final Parent root;
  private final CompareViewModel model;
  private final CompareController controller;
  private final ExecutorService own;

  private CompareView(Executor background, ExecutorService own) {
    this.own = own;
    model = new CompareViewModel(background, Platform::runLater);
    controller = new CompareController(model);
    root = Fxml.load("/dev/playground/ui/compare/CompareView.fxml", controller);
    root.getStylesheets().add(Objects.requireNonNull(
        CompareView.class.getResource("/styles/compare.css"), "/styles/compare.css").toExternalForm());
  }

  /** Builds the view with its own background thread for comparisons (stop it with {@link #close()}). FX thread. */
  public static CompareView create() {
    ExecutorService own = DaemonThreads.single("playground-compare");
    return new CompareView(own, own);
  }

  /** Builds the view running comparisons on {@code background} (never the FX thread). FX thread. */
  public static CompareView create(Executor background) {
    return new CompareView(Objects.requireNonNull(background, "background"), null);
  }

  public Parent root() {
    return root;
  }

  /** The scenario both sides run: A becomes its policies, the seed its seed, B a fresh copy of A. */
  public void setScenario(Scenario scenario) {
    model.setScenario(scenario);
  }

  /** The open run's faults changed: the next comparison replays them (seed and policies stay). */
  public void setFaults(Scenario withFaults) {
    model.setFaults(withFaults);
  }

  /** The current policies (side A) changed; B follows while the user has not edited it. */
  public void setPolicies(PolicySet policies) {
    model.setPolicies(policies);
  }

  /** The charts' colours for the window's theme. */
  public void setPalette(ChartPalette palette) {
    controller.setPalette(Objects.requireNonNull(palette, "palette"));
  }

  /** Stops the view's own background thread, if it has one. */
  public void close() {
    if (own != null) own.shutdownNow();
  }

  CompareViewModel model() {
    return model;
  }

  CompareController controller() {
    return controller;
  }
}
