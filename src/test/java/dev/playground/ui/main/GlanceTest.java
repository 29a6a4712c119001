package dev.playground.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playground.events.Rung;
import dev.playground.session.AnswerView;
import dev.playground.session.LoadProgress;
import dev.playground.session.PlaygroundActions;
import dev.playground.ui.ScriptedRun;
import dev.playground.ui.charts.RetryTimelineModel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TextArea;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window at 1280×800 read at a glance: the rung badge never cut however long the answer's facts, the retry
 * timeline's lanes readable and scrollable with 150 requests, a lane picked and shown in the event log.
 */
@ExtendWith(ApplicationExtension.class)
class GlanceTest {
  private PlaygroundWindow window;

  /** Answers on the limited rung after four attempts at a model with a long name. */
  private static final class LongAnswers implements PlaygroundActions {
    @Override
    public CompletableFuture<AnswerView> ask(String prompt) {
      return CompletableFuture.completedFuture(new AnswerView(Rung.LIMITED, "openai-compatible-gateway",
          "gpt-4o-mini-2024-07-18-long-deployment-name", 4, 1978, "An answer."));
    }

    @Override
    public CompletableFuture<Void> startLoad(int count, int concurrency, LoadProgress progress) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void stop() {}
  }

  @Start
  void start(Stage stage) {
    window = PlaygroundWindow.create(new LongAnswers());
    stage.setScene(window.createScene(1280, 800));
    stage.show();
  }

  @AfterEach
  void close() {
    window.close();
  }

  @Test
  void theRungBadgeShowsItsWholeWordUnderALongWrappedHeader(FxRobot robot) throws Exception {
    robot.clickOn("#sendButton");
    Label badge = robot.lookup("#rungBadge").queryAs(Label.class);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> badge.getText().equals("limited"));
    WaitForAsyncUtils.waitForFxEvents();

    Label facts = robot.lookup("#answerFacts").queryAs(Label.class);
    assertThat(facts.getText()).contains("4 attempts");
    assertThat(facts.getHeight()).as("the facts wrap onto more lines").isGreaterThan(badge.getHeight() * 1.5);
    Text shown = (Text) badge.lookup(".text");
    assertThat(shown.getText()).as("no ellipsis").isEqualTo("limited");
    assertThat(badge.getWidth()).isGreaterThanOrEqualTo(badge.prefWidth(-1) - 0.5);
  }

  @Test
  void oneHundredFiftyRequestsGetReadableLanesThatScrollAndALanePickedShowsItsRequest(FxRobot robot)
      throws Exception {
    var storm = ScriptedRun.stormRun(7, 150, 200, 40_000);
    storm.forEach(window.events());
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#timelineChart").tryQuery().isPresent()
        && window.chartsModel().timeline().rowCount() == 150);
    WaitForAsyncUtils.waitForFxEvents();
    RetryTimelineModel lanes = window.chartsModel().timeline();
    ChartViewer chart = robot.lookup("#timelineChart").queryAs(ChartViewer.class);
    ScrollBar scroll = robot.lookup("#timelineScroll").queryAs(ScrollBar.class);

    // readable lanes: at least three, each at least 16 px of the plot, the newest in view
    double plot = chart.getHeight() - 40;
    assertThat(lanes.lanes()).isGreaterThanOrEqualTo(RetryTimelineModel.MIN_LANES);
    assertThat(plot / lanes.lanes()).isGreaterThanOrEqualTo(16.0);
    assertThat(lanes.rowLabels()).endsWith("#150");
    assertThat(scroll.getMax()).isEqualTo(150 - lanes.lanes());
    assertThat(scroll.getValue()).isEqualTo(scroll.getMax());

    // scrolling back shows the oldest requests and stops following
    robot.interact(() -> scroll.setValue(0));
    assertThat(lanes.rowLabels()[0]).isEqualTo("#1");
    assertThat(robot.lookup("#timelineFollow").queryAs(CheckBox.class).isSelected()).isFalse();

    // a request picked (as a click on its lane does) is shown in its lane and in the log's drill-down
    robot.interact(() -> window.chartsModel().selectedRequestProperty().set(57));
    assertThat(lanes.requestAt(lanes.highlightedLane())).isEqualTo(57);
    assertThat(robot.lookup("#timelineSelected").queryAs(Label.class).getText()).isEqualTo("#57");
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#drillDown").tryQuery().isPresent());
    TextArea drill = robot.lookup("#drillDown").queryAs(TextArea.class);
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> drill.getText().startsWith("Request #57"));

    // a click on a lane picks that lane's request
    robot.interact(() -> scroll.setValue(0));
    var area = chart.getRenderingInfo().getPlotInfo().getDataArea();
    var onScreen = chart.localToScreen(area.getCenterX(), area.getMinY() + area.getHeight() / lanes.lanes() / 2);
    robot.clickOn(onScreen);
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> window.chartsModel().selectedRequestProperty().get() == 1);
  }
}
