package dev.playground.ui.charts;

import java.awt.Color;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.shape.Rectangle;

/**
 * A chart's legend as JavaFX labels under the chart: built when its entries change, not measured and drawn
 * again at every redraw as JFreeChart's own legend is (its text measuring was most of a redraw's cost).
 * Not thread-safe: FX thread.
 */
final class ChartLegend {
  /** One entry: a name and its colour; {@code thin} draws a line-like swatch (waits, lines). */
  record Entry(String name, Color color, boolean thin) {}

  private ChartLegend() {}

  static void fill(FlowPane pane, List<Entry> entries) {
    pane.getChildren().clear();
    for (Entry e : entries) {
      Rectangle swatch = new Rectangle(12, e.thin() ? 3 : 9, fx(e.color()));
      Label label = new Label(e.name(), swatch);
      label.getStyleClass().add("chart-legend-item");
      pane.getChildren().add(label);
    }
  }

  private static javafx.scene.paint.Color fx(Color c) {
    return javafx.scene.paint.Color.rgb(c.getRed(), c.getGreen(), c.getBlue(), c.getAlpha() / 255.0);
  }
}
