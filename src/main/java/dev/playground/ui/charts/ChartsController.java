package dev.playground.ui.charts;

import dev.playground.events.RunEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

/**
 * The chart area's controller: puts the four charts into their slots and redraws each once per batch. FX thread.
 */
public final class ChartsController {
  @FXML private StackPane timelineSlot;
  @FXML private StackPane breakerSlot;
  @FXML private StackPane ladderSlot;
  @FXML private StackPane ladderTotalSlot;
  @FXML private StackPane latencySlot;
  @FXML private Node timelineCell;
  @FXML private Node breakerCell;
  @FXML private Node ladderCell;
  @FXML private Node latencyCell;

  private final ChartsModel model;
  private RetryTimelineChart timeline;
  private BreakerChart breakers;
  private LadderChart ladder;
  private LatencyChart latency;
  private List<ChartView> views;

  public ChartsController(ChartsModel model) {
    this.model = model;
  }

  @FXML
  private void initialize() {
    timeline = new RetryTimelineChart(model.timeline());
    breakers = new BreakerChart(model.breakers());
    ladder = new LadderChart(model.ladder());
    latency = new LatencyChart(model.latency());
    views = List.of(timeline, breakers, ladder, latency);
    timelineSlot.getChildren().add(viewer(timeline.charts().get(0), "timelineChart"));
    breakerSlot.getChildren().add(viewer(breakers.charts().get(0), "breakerChart"));
    ladderSlot.getChildren().add(viewer(ladder.overTimeChart(), "ladderChart"));
    ladderTotalSlot.getChildren().add(viewer(ladder.totalChart(), "ladderTotalChart"));
    latencySlot.getChildren().add(viewer(latency.charts().get(0), "latencyChart"));
    setPalette(ChartPalette.LIGHT);
  }

  /** Feeds a batch to the models and redraws each chart once. */
  public void apply(List<? extends RunEvent> batch) {
    for (ChartView v : views) for (JFreeChart c : v.charts()) c.setNotify(false);
    model.apply(batch);
    for (ChartView v : views) {
      v.refresh();
      for (JFreeChart c : v.charts()) c.setNotify(true); // one change event → one redraw per chart
    }
  }

  public void setPalette(ChartPalette palette) {
    timeline.setPalette(palette);
    breakers.setPalette(palette);
    ladder.setPalette(palette);
    for (ChartView v : views) for (JFreeChart c : v.charts()) palette.style(c);
  }

  /** Each chart's cell (title and plot), by file name, for PNG export. */
  public Map<String, Node> chartNodes() {
    Map<String, Node> nodes = new LinkedHashMap<>();
    nodes.put("retry-timeline", timelineCell);
    nodes.put("breakers", breakerCell);
    nodes.put("degradation-ladder", ladderCell);
    nodes.put("latency-and-rates", latencyCell);
    return nodes;
  }

  /** The breaker chart's countdown markers now drawn (for tests). */
  int countdownMarkers() {
    return breakers.countdownCount();
  }

  private static ChartViewer viewer(JFreeChart chart, String id) {
    ChartViewer viewer = new ChartViewer(chart);
    viewer.setId(id);
    viewer.setMinSize(80, 60);
    return viewer;
  }
}
