package dev.playground.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playground.events.BreakerState;
import dev.playground.events.RunEvent;
import dev.playground.events.Rung;
import dev.playground.session.AnswerView;
import dev.playground.session.LoadProgress;
import dev.playground.session.PlaygroundActions;
import dev.playground.ui.OutcomeClass;
import dev.playground.ui.ScriptedRun;
import dev.playground.ui.charts.RetryTimelineModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class PlaygroundWindowTest {
  /** Answers every prompt on another thread, on rung full, as the engine will. */
  private static final class OtherThreadActions implements PlaygroundActions {
    final ExecutorService engine = Executors.newSingleThreadExecutor();
    final List<String> asked = new ArrayList<>();

    @Override
    public synchronized CompletableFuture<AnswerView> ask(String prompt) {
      asked.add(prompt);
      return CompletableFuture.supplyAsync(
          () -> new AnswerView(Rung.FULL, "sim", "gpt-4o-mini", 1, 412, "Backoff spreads retries out."), engine);
    }

    @Override
    public CompletableFuture<Void> startLoad(int count, int concurrency, LoadProgress progress) {
      return CompletableFuture.runAsync(() -> progress.update(count, count), engine);
    }

    @Override
    public void stop() {}
  }

  private final OtherThreadActions actions = new OtherThreadActions();
  private PlaygroundWindow window;
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    window = PlaygroundWindow.create(actions);
    stage.setTitle(PlaygroundWindow.TITLE);
    stage.setScene(window.createScene(1280, 800));
    stage.show();
  }

  @AfterEach
  void stopEngine() {
    actions.engine.shutdownNow();
    window.close();
  }

  @Test
  void theWindowOpensWithItsTitleAndEveryPart(FxRobot robot) throws Exception {
    assertThat(stage.getTitle()).isEqualTo("Resilience Playground");
    // the charts are built just after the first frame
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#latencyChart").tryQuery().isPresent());
    for (String id : List.of("#presetSlot", "#providerSlot", "#clockSlot", "#themeToggle", "#openRunButton",
        "#exportMenu", "#sideTabs", "#faultsPane", "#policiesPane", "#lessonPane", "#promptArea", "#sendButton",
        "#rungBadge", "#countSpinner", "#concurrencySpinner", "#startLoadButton", "#stopButton", "#loadProgress",
        "#timelineChart", "#breakerChart", "#ladderChart", "#ladderTotalChart", "#latencyChart", "#eventTable",
        "#typeFilter", "#requestFilter", "#outcomeFilter", "#drillDown", "#statusBar", "#countersLabel")) {
      assertThat(robot.lookup(id).tryQuery()).as(id).isPresent();
    }
  }

  @Test
  void everyControlHasATooltip(FxRobot robot) {
    List<String> missing = new ArrayList<>();
    collectWithoutTooltip(stage.getScene().getRoot(), missing);
    assertThat(missing).isEmpty();
  }

  @Test
  void ctrlEnterSendsThePromptAndTheAnswerCardShowsItsRung(FxRobot robot) throws Exception {
    robot.clickOn("#promptArea");
    robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> ((Label) robot.lookup("#rungBadge").query()).getText().equals("full"));
    assertThat(actions.asked).containsExactly("What is exponential backoff, and why add jitter?");
    assertThat(((Label) robot.lookup("#answerFacts").query()).getText()).isEqualTo("sim/gpt-4o-mini · 1 attempt · 412 ms");
    assertThat(robot.lookup("#rungBadge").query().getStyleClass()).contains("rung-full");
  }

  @Test
  void aRateLimitStormFillsTheTimelineTheBreakerChartTheLadderAndTheLog(FxRobot robot) throws Exception {
    // given a scripted 429 storm, fed from another thread as the engine would
    List<RunEvent> storm = ScriptedRun.stormRun(42, 70, 350, 12_000);
    robot.interact(() -> window.setBreakerDelay(ScriptedRun.PRIMARY, Duration.ofMillis(ScriptedRun.BREAKER_DELAY_MS)));
    Thread engine = new Thread(() -> storm.forEach(window.events()));
    engine.start();
    engine.join();
    TableView<?> table = robot.lookup("#eventTable").queryTableView();
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().size() == storm.size());
    WaitForAsyncUtils.waitForFxEvents();
    // then the charts' datasets hold what the storm did
    var charts = window.chartsModel();
    assertThat(charts.timeline().rowCount()).isEqualTo(70);
    assertThat(charts.timeline().following()).isTrue();
    robot.interact(() -> { // every lane in view: the retries before the breaker opened, the refusals after
      charts.timeline().setLanes(70);
      charts.timeline().scrollTo(0);
    });
    var bars = charts.timeline().bars();
    assertThat(bars.getItemCount(OutcomeClass.RETRYABLE.ordinal())).isPositive();
    assertThat(bars.getItemCount(RetryTimelineModel.WAIT_RETRY_AFTER)).isPositive();
    assertThat(bars.getItemCount(RetryTimelineModel.ASKED_RETRY_AFTER)).isPositive();
    assertThat(charts.breakers().state(ScriptedRun.PRIMARY)).contains(BreakerState.OPEN);
    var states = charts.breakers().states();
    boolean openStep = false;
    for (int i = 0; i < states.getItemCount(0); i++) openStep |= states.getYValue(0, i) == 2.0;
    assertThat(openStep).isTrue();
    assertThat(charts.breakers().countdowns()).isNotEmpty();
    assertThat(charts.ladder().total(Rung.CACHED)).isPositive();
    assertThat(charts.ladder().total(Rung.FULL)).isPositive();
    // the status bar's lamp is red and a notice said so
    Node lamp = robot.lookup("#lamp-sim_gpt-4o-mini .lamp").query();
    assertThat(lamp.getStyleClass()).contains("lamp-open");
    Label toast = robot.lookup("#toast").query();
    assertThat(toast.isVisible()).isTrue();
    assertThat(toast.getWidth()).as("the toast is laid out").isGreaterThan(100);
    assertThat(((Label) robot.lookup("#toast").query()).getText()).startsWith("Breaker sim/gpt-4o-mini opened");
    // filtering the log to one request says how many rows remain
    robot.interact(() -> ((TextField) robot.lookup("#requestFilter").query()).setText("#35"));
    assertThat(((Label) robot.lookup("#rowsInfo").query()).getText())
        .isEqualTo(table.getItems().size() + " of " + storm.size() + " events");
    assertThat(table.getItems().size()).isBetween(2, storm.size() - 1);
    // and the window draws: a snapshot taken on the FX thread
    WritableImage image = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
    assertThat(image.getWidth()).isEqualTo(1280);
  }

  @Test
  void exportWritesAPngPerChartAndAOneFileReport(FxRobot robot, @TempDir Path dir) throws Exception {
    ScriptedRun.stormRun(42, 30, 350, 5_000).forEach(window.events());
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#eventTable").queryTableView().getItems().size() > 0);
    List<Path> pngs = WaitForAsyncUtils.asyncFx(() -> window.exportChartPngs(dir.resolve("charts")))
        .get(10, TimeUnit.SECONDS).get(30, TimeUnit.SECONDS);
    assertThat(pngs).hasSize(4);
    for (Path p : pngs) {
      byte[] head = Arrays.copyOf(Files.readAllBytes(p), 4);
      assertThat(head).containsExactly(0x89, 'P', 'N', 'G');
    }
    Path report = WaitForAsyncUtils.asyncFx(() -> window.exportHtmlReport(dir.resolve("report.html")))
        .get(10, TimeUnit.SECONDS).get(30, TimeUnit.SECONDS);
    String html = Files.readString(report);
    assertThat(html).contains("data:image/png;base64,", "<th>requests</th><td class=\"n\">30</td>", "retry-timeline");
  }

  @Test
  void theThemeToggleSwitchesToTheDarkSheetAndBack(FxRobot robot) {
    robot.clickOn("#themeToggle");
    assertThat(stage.getScene().getRoot().getStylesheets()).anyMatch(s -> s.endsWith("/styles/dark.css"));
    robot.clickOn("#themeToggle");
    assertThat(stage.getScene().getRoot().getStylesheets()).noneMatch(s -> s.endsWith("/styles/dark.css"));
  }

  /**
   * Controls the user works with; the insides of other controls (skins), plain labels, separators and the scroll
   * bars of scroll panes are not counted.
   */
  private static void collectWithoutTooltip(Node node, List<String> missing) {
    boolean container = node instanceof SplitPane || node instanceof TabPane || node instanceof ScrollPane;
    boolean passive = node instanceof Label || node instanceof Separator
        || node instanceof ScrollBar;
    if (node instanceof Control c && !container && !passive) {
      if (c.getTooltip() == null) missing.add(c.getClass().getSimpleName() + "#" + c.getId());
      return; // its children belong to its skin
    }
    if (node instanceof Parent p) for (Node child : p.getChildrenUnmodifiable()) collectWithoutTooltip(child, missing);
  }
}
