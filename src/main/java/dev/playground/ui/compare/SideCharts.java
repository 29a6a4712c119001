package dev.playground.ui.compare;

import dev.playground.events.RunEvent;
import dev.playground.policy.ModelRef;
import dev.playground.policy.PolicySet;
import dev.playground.ui.Fxml;
import dev.playground.ui.charts.ChartPalette;
import dev.playground.ui.charts.ChartsController;
import dev.playground.ui.charts.ChartsModel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.layout.GridPane;

/**
 * One side's charts: the live window's four charts (the same FXML, controller and models), fed with a finished
 * run's events at once, and shown all four in a grid or one of them alone. Not thread-safe: FX thread.
 */
final class SideCharts {
  /** The chart names, as {@link ChartsController#chartNodes()} keys them. */
  static final List<String> CHARTS = List.of("retry-timeline", "breakers", "degradation-ladder", "latency-and-rates");
  /** Show all four. */
  static final String ALL = "all";

  private final ChartsModel model = new ChartsModel();
  private final ChartsController controller;
  private final Parent root;
  private final Map<String, Node> cells;
  private final Map<Node, int[]> homes = new HashMap<>();

  /** Loads the charts and feeds them the run's events; draws them with {@code palette}. */
  SideCharts(List<RunEvent> events, PolicySet policies, ChartPalette palette) {
    if (policies.breaker() != null) {
      for (ModelRef m : policies.chain().models()) model.setBreakerDelay(m.key(), policies.breaker().delay());
    }
    controller = new ChartsController(model);
    root = Fxml.load("/dev/playground/ui/charts/ChartsView.fxml", controller);
    model.apply(events);
    controller.buildCharts();
    controller.setPalette(palette); // draws what the models hold
    cells = controller.chartNodes();
    for (Node cell : cells.values()) {
      Integer col = GridPane.getColumnIndex(cell);
      Integer row = GridPane.getRowIndex(cell);
      homes.put(cell, new int[] {col == null ? 0 : col, row == null ? 0 : row});
    }
  }

  Parent root() {
    return root;
  }

  ChartsModel model() {
    return model;
  }

  /** Shows one chart over the whole area (its legend below it), or {@link #ALL} four without legends. */
  void show(String chart) {
    boolean all = ALL.equals(chart);
    for (Map.Entry<String, Node> e : cells.entrySet()) {
      Node cell = e.getValue();
      boolean shown = all || e.getKey().equals(chart);
      cell.setVisible(shown);
      cell.setManaged(shown);
      int[] home = homes.get(cell);
      if (all) GridPane.setConstraints(cell, home[0], home[1], 1, 1);
      else if (shown) GridPane.setConstraints(cell, 0, 0, 2, 2);
      Node legend = cell.lookup(".chart-legend");
      if (legend != null) {
        legend.setVisible(!all);
        legend.setManaged(!all);
      }
    }
  }

  void setPalette(ChartPalette palette) {
    controller.setPalette(palette);
  }
}
