package dev.playground.ui.lab;

import dev.playground.common.DaemonThreads;
import dev.playground.ui.Fxml;
import dev.playground.ui.charts.ChartPalette;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import javafx.application.Platform;
import javafx.scene.Parent;

/**
 * The "Herd lab" view: the thundering-herd experiment after Marc Brooker's "Exponential Backoff And Jitter". Client
 * counts, trials and seed as inputs; Run on a background thread with progress and Cancel; total calls and
 * completion time against the number of clients, one line per strategy, growing as points arrive; the numbers;
 * the published conclusions and whether this run reproduced them; the CSV. Create and use on the FX thread.
 *
 * <pre>{@code
 * HerdLabView lab = HerdLabView.create();     // or create(executor) to run the lab on your own thread
 * tab.setContent(lab.root());
 * lab.setPalette(ChartPalette.DARK);          // the theme changed
 * lab.close();                                // the window closes (stops the view's own thread)
 * }</pre>
 */
public final class HerdLabView {
  private final Parent root;
  private final HerdLabViewModel model;
  private final HerdLabController controller;
  private final ExecutorService own;

  private HerdLabView(Executor background, ExecutorService own) {
    this.own = own;
    model = new HerdLabViewModel(background, Platform::runLater);
    HerdCharts charts = new HerdCharts();
    controller = new HerdLabController(model, charts);
    root = Fxml.load("/dev/playground/ui/lab/HerdLabView.fxml", controller);
    root.getStylesheets().add(Objects.requireNonNull(
        HerdLabView.class.getResource("/styles/lab.css"), "/styles/lab.css").toExternalForm());
  }

  /** Builds the view with its own background thread for the lab (stop it with {@link #close()}). FX thread. */
  public static HerdLabView create() {
    ExecutorService own = DaemonThreads.single("playground-herd-lab");
    return new HerdLabView(own, own);
  }

  /** Builds the view running the lab and CSV writes on {@code background} (never the FX thread). FX thread. */
  public static HerdLabView create(Executor background) {
    return new HerdLabView(Objects.requireNonNull(background, "background"), null);
  }

  public Parent root() {
    return root;
  }

  /** The charts' colours for the window's theme. */
  public void setPalette(ChartPalette palette) {
    controller.charts().setPalette(Objects.requireNonNull(palette, "palette"));
  }

  /** Cancels a run in progress and stops the view's own background thread, if it has one. */
  public void close() {
    model.cancel();
    if (own != null) own.shutdownNow();
  }

  HerdLabViewModel model() {
    return model;
  }

  HerdCharts charts() {
    return controller.charts();
  }
}
