package dev.playground.ui.preview;

import dev.playground.policy.RetrySpec;
import dev.playground.scenario.Scenario;
import dev.playground.ui.Fxml;
import dev.playground.ui.charts.ChartPalette;
import java.util.Objects;
import javafx.scene.Parent;

/**
 * The "Schedule preview" view: for the current retry settings and seed, each attempt's wait and start time,
 * nominal and with the jitter band, as a table and a chart, before anything runs; beside it the lesson's backoff
 * table against what tenacity really computes and what Failsafe does, for the lesson's example and for the
 * current preset. Create and use on the FX thread.
 *
 * <pre>{@code
 * SchedulePreviewView preview = SchedulePreviewView.create();
 * tab.setContent(preview.root());
 * preview.setScenario(scenario);            // a preset was chosen: its seed, retry settings and lesson Python
 * preview.setRetrySpec(spec);               // the Policies panel's applied or edited retry; null = no retry
 * preview.setPalette(ChartPalette.DARK);    // the theme changed
 * }</pre>
 *
 * The preview is computed at once on the calling thread (microseconds: Failsafe's {@code Execution} API, no
 * waiting), so it follows every edit.
 */
public final class SchedulePreviewView {
  private final Parent root;
  private final SchedulePreviewViewModel model;
  private final SchedulePreviewController controller;

  private SchedulePreviewView() {
    model = new SchedulePreviewViewModel();
    SchedulePreviewChart chart = new SchedulePreviewChart();
    controller = new SchedulePreviewController(model, chart);
    root = Fxml.load("/dev/playground/ui/preview/SchedulePreviewView.fxml", controller);
    root.getStylesheets().add(Objects.requireNonNull(
        SchedulePreviewView.class.getResource("/styles/preview.css"), "/styles/preview.css").toExternalForm());
  }

  /** Builds the view, showing the default retry settings until told otherwise. FX thread. */
  public static SchedulePreviewView create() {
    return new SchedulePreviewView();
  }

  /** The view's node, for a tab or any pane. */
  public Parent root() {
    return root;
  }

  /** A scenario (preset) was chosen: takes its seed, its retry settings and its lesson Python's tenacity call. */
  public void setScenario(Scenario scenario) {
    model.setScenario(Objects.requireNonNull(scenario, "scenario"));
  }

  /** The retry settings to preview (applied or still being edited); null means no retry policy. */
  public void setRetrySpec(RetrySpec spec) {
    model.setRetrySpec(spec);
  }

  /** The run seed the jitter is drawn from (also set by {@link #setScenario}). */
  public void setSeed(long seed) {
    model.seedProperty().set(Long.toString(seed));
  }

  /** The charts' colours for the window's theme. */
  public void setPalette(ChartPalette palette) {
    controller.chart().setPalette(Objects.requireNonNull(palette, "palette"));
  }

  SchedulePreviewViewModel model() {
    return model;
  }

  SchedulePreviewChart chart() {
    return controller.chart();
  }
}
