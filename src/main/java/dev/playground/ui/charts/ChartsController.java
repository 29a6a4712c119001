package dev.playground.ui.charts;

import dev.playground.events.RunEvent;
import java.awt.geom.Rectangle2D;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.AnimationTimer;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.jfree.chart.ui.RectangleEdge;

/**
 * The chart area's controller: puts the four charts into their slots and redraws them as batches arrive.
 * The charts are built by {@link #buildCharts()}, which the window calls just after its first frame, so the
 * window shows without waiting for five cold chart draws; their models take events from the start. FX thread.
 */
public final class ChartsController {
  @FXML private StackPane timelineSlot;
  @FXML private StackPane breakerSlot;
  @FXML private StackPane ladderSlot;
  @FXML private StackPane ladderTotalSlot;
  @FXML private StackPane latencySlot;
  @FXML private FlowPane timelineLegend;
  @FXML private FlowPane breakerLegend;
  @FXML private FlowPane ladderLegend;
  @FXML private FlowPane latencyLegend;
  @FXML private Node timelineCell;
  @FXML private Node breakerCell;
  @FXML private Node ladderCell;
  @FXML private Node latencyCell;
  @FXML private CheckBox timelineFollow;
  @FXML private Button timelineFit;
  @FXML private ScrollBar timelineScroll;
  @FXML private Label timelineSelected;
  @FXML private Label latencyQuiet;

  /** The lowest a lane of the retry timeline is drawn, in pixels: its bars stay readable. */
  static final double MIN_LANE_PX = 16;
  /** The timeline slot's height taken by the time axis and the plot's insets. */
  private static final double TIMELINE_CHROME_PX = 40;

  private final ChartsModel model;
  private RetryTimelineChart timeline;
  private boolean scrolling; // the scroll bar is being set from the model
  private BreakerChart breakers;
  private LadderChart ladder;
  private LatencyChart latency;
  private List<ChartView> views = List.of();
  private ChartPalette palette = ChartPalette.LIGHT;
  /** How often one chart redraws at most. */
  static final long REDRAW_INTERVAL_NANOS = 200_000_000L;
  private final boolean[] dirty = new boolean[4];
  private final long[] lastRedraw = new long[4];
  private final AnimationTimer redrawLater = new AnimationTimer() {
    @Override
    public void handle(long now) {
      if (!redrawOne(System.nanoTime())) stop();
    }
  };

  public ChartsController(ChartsModel model) {
    this.model = model;
  }

  @FXML
  private void initialize() {
    // the legends come with the charts, just after the first frame (building them loads the chart classes)
    RetryTimelineModel lanes = model.timeline();
    timelineSlot.heightProperty().addListener((o, a, h) -> {
      lanes.setLanes((int) Math.floor((h.doubleValue() - TIMELINE_CHROME_PX) / MIN_LANE_PX));
      timelineChanged();
    });
    timelineFollow.selectedProperty().addListener((o, a, on) -> {
      lanes.setFollow(on);
      timelineChanged();
    });
    timelineScroll.valueProperty().addListener((o, a, v) -> {
      if (scrolling) return;
      lanes.scrollTo((int) Math.round(v.doubleValue()));
      timelineChanged();
    });
    timelineFit.setOnAction(e -> {
      if (timeline != null) timeline.fitTime();
      timelineChanged();
    });
    model.selectedRequestProperty().addListener((o, a, req) -> {
      lanes.highlight(req.longValue());
      timelineChanged();
    });
    showScroll();
  }

  /** The timeline's window moved (lanes, scroll, follow, highlight): bar, labels and chart follow now. */
  private void timelineChanged() {
    showScroll();
    if (timeline != null) redraw(0);
  }

  private void showScroll() {
    RetryTimelineModel lanes = model.timeline();
    scrolling = true;
    int hidden = Math.max(0, lanes.rowCount() - lanes.lanes());
    timelineScroll.setMax(hidden);
    timelineScroll.setVisibleAmount(hidden == 0 ? 1 : Math.max(1, hidden * lanes.lanes() / (double) lanes.rowCount()));
    timelineScroll.setValue(lanes.firstRow());
    timelineScroll.setDisable(hidden == 0);
    scrolling = false;
    if (timelineFollow.isSelected() != lanes.following()) timelineFollow.setSelected(lanes.following());
    long req = lanes.highlighted();
    timelineSelected.setText(req < 0 ? "" : "#" + req);
  }

  /** True once the charts are built and in their slots. */
  public boolean chartsBuilt() {
    return !views.isEmpty();
  }

  /** Builds the charts, puts them into their slots and draws what the models hold. Does nothing the second time. */
  public void buildCharts() {
    if (chartsBuilt()) return;
    timeline = new RetryTimelineChart(model.timeline());
    breakers = new BreakerChart(model.breakers());
    ladder = new LadderChart(model.ladder());
    latency = new LatencyChart(model.latency());
    views = List.of(timeline, breakers, ladder, latency);
    ChartLegend.fill(ladderLegend, LadderChart.legend());
    ChartLegend.fill(latencyLegend, LatencyChart.legend());
    for (ChartView v : views) for (JFreeChart c : v.charts()) c.setNotify(false); // styling below draws nothing
    Arrays.fill(lastRedraw, System.nanoTime() - REDRAW_INTERVAL_NANOS);
    timelineSlot.getChildren().add(timelineViewer());
    breakerSlot.getChildren().add(viewer(breakers.charts().get(0), "breakerChart"));
    ladderSlot.getChildren().add(viewer(ladder.overTimeChart(), "ladderChart"));
    ladderTotalSlot.getChildren().add(viewer(ladder.totalChart(), "ladderTotalChart"));
    latencySlot.getChildren().add(0, viewer(latency.charts().get(0), "latencyChart")); // under its note
    ChartLegend.fill(breakerLegend, breakers.legend());
    setPalette(palette);
  }

  /**
   * Feeds a batch to the models (every drain, cheap) and redraws the charts round-robin: at most one chart per
   * pulse, each at most every {@link #REDRAW_INTERVAL_NANOS}. A full redraw of all five charts costs more than a
   * frame under a flood of events; one at a time, the window keeps its frame rate and each chart still moves
   * several times a second.
   */
  public void apply(List<? extends RunEvent> batch) {
    model.apply(batch); // charts have notify off between redraws: no redraw happens here
    showScroll();
    latencyQuiet.setVisible(model.latency().quiet());
    if (!chartsBuilt()) return; // built later, they draw what the models hold then
    if (model.breakers().breakers().size() != breakerLegend.getChildren().size()) {
      ChartLegend.fill(breakerLegend, breakers.legend()); // a new breaker (or a new run)
    }
    Arrays.fill(dirty, true);
    redrawLater.start(); // from the next pulse on, one chart per pulse, even if no further batch comes
  }

  /** Redraws the chart that has waited longest, if its interval has passed; true if any chart is still dirty. */
  private boolean redrawOne(long now) {
    int pick = -1;
    boolean anyDirty = false;
    for (int i = 0; i < views.size(); i++) {
      if (!dirty[i]) continue;
      anyDirty = true;
      if (now - lastRedraw[i] >= REDRAW_INTERVAL_NANOS && (pick < 0 || lastRedraw[i] < lastRedraw[pick])) pick = i;
    }
    if (pick >= 0) {
      lastRedraw[pick] = now;
      redraw(pick);
    }
    return anyDirty;
  }

  private void redraw(int i) {
    dirty[i] = false;
    ChartView v = views.get(i);
    v.refresh();
    for (JFreeChart c : v.charts()) c.setNotify(true); // one change event → one redraw
    for (JFreeChart c : v.charts()) c.setNotify(false);
  }

  /**
   * The timeline's viewer: the mouse wheel and a drag zoom the time axis only (the lanes keep their height), and
   * a click on a lane picks its request.
   */
  private ChartViewer timelineViewer() {
    ChartViewer viewer = viewer(timeline.charts().get(0), "timelineChart");
    viewer.getCanvas().setRangeZoomable(false);
    viewer.addEventFilter(ScrollEvent.SCROLL, e -> timeline.zoomedByUser());
    viewer.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> timeline.zoomedByUser());
    viewer.addChartMouseListener(new ChartMouseListenerFX() {
      @Override
      public void chartMouseClicked(ChartMouseEventFX event) {
        var info = viewer.getRenderingInfo();
        if (info == null || event.getTrigger().getClickCount() != 1) return;
        Rectangle2D area = info.getPlotInfo().getDataArea();
        double y = event.getTrigger().getY();
        if (!area.contains(event.getTrigger().getX(), y)) return;
        double value = timeline.rowAxis().java2DToValue(y, area, RectangleEdge.LEFT);
        long req = model.timeline().requestAt(timeline.laneAt(value));
        if (req >= 0) model.selectedRequestProperty().set(req);
      }

      @Override
      public void chartMouseMoved(ChartMouseEventFX event) {}
    });
    return viewer;
  }

  /** Draws every chart now (before a snapshot), building them first if need be. */
  public void redrawAll() {
    buildCharts();
    for (int i = 0; i < views.size(); i++) redraw(i);
  }

  public void setPalette(ChartPalette palette) {
    this.palette = palette;
    if (!chartsBuilt()) return;
    ChartLegend.fill(timelineLegend, RetryTimelineChart.legend(palette));
    timeline.setPalette(palette);
    breakers.setPalette(palette);
    ladder.setPalette(palette);
    for (ChartView v : views) for (JFreeChart c : v.charts()) palette.style(c);
    redrawAll();
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
    return breakers == null ? 0 : breakers.countdownCount();
  }

  private static ChartViewer viewer(JFreeChart chart, String id) {
    ChartViewer viewer = new ChartViewer(chart);
    viewer.setId(id);
    viewer.setMinSize(80, 60);
    return viewer;
  }
}
