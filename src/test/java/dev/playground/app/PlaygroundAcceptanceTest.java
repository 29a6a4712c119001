package dev.playground.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playground.cli.WindowOptions;
import dev.playground.events.BreakerState;
import dev.playground.events.RunLogReader;
import dev.playground.events.Rung;
import dev.playground.faults.FaultKind;
import dev.playground.session.SessionSettings;
import dev.playground.session.TestScenarios;
import dev.playground.ui.OutcomeClass;
import dev.playground.ui.charts.RetryTimelineModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
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

/**
 * The window wired to the real engine, headless: simulated providers on loopback, the real openai-java SDK, real
 * Failsafe policies, small delays so that it is quick. What issue 4's "How we will know" asks of the window.
 */
@ExtendWith(ApplicationExtension.class)
class PlaygroundAcceptanceTest {
  private static final long WAIT_S = 20;
  @TempDir static Path logs;
  @TempDir Path files;
  private Wiring wiring;

  @Start
  void start(Stage stage) {
    wiring = Wiring.create(WindowOptions.defaults(), SessionSettings.of(TestScenarios.healthy()), name -> null, logs);
    PlaygroundApp.show(stage, wiring);
    wiring.afterFirstFrame();
  }

  @AfterEach
  void closeTheRun() {
    wiring.close();
  }

  @Test
  void onAHealthyProviderAPromptIsAnsweredOnRungFull(FxRobot robot) throws Exception {
    waitForTheRun();
    // when the prompt is sent with Ctrl+Enter
    robot.clickOn("#promptArea");
    robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
    // then the answer card shows the full rung, the provider, the model, one attempt
    waitUntil(() -> text("#rungBadge").equals("full"));
    assertThat(text("#answerFacts")).startsWith("sim/gpt-4o-mini · 1 attempt · ");
    assertThat(fx(() -> ((TextArea) robot.lookup("#answerArea").query()).getText())).contains("[gpt-4o-mini]");
  }

  @Test
  void rateLimitingEveryCallPutsRetriesOnTheTimelineAndOpensTheBreaker(FxRobot robot) throws Exception {
    waitForTheRun();
    // given every call rate-limited, from the Faults panel: a rate_limit rule (probability 1), Retry-After 10 ms
    robot.interact(() -> wiring.window().selectTab("faultsTab"));
    waitUntil(() -> wiring.panels().faultsPanel() != null);
    Node faults = wiring.panels().faultsPanel().node();
    robot.interact(() -> robot.from(faults).lookup("#addKindPicker").<FaultKind>queryComboBox().setValue(FaultKind.RATE_LIMIT));
    robot.clickOn(robot.from(faults).lookup("#addButton").queryButton());
    robot.interact(() -> robot.from(faults).lookup("#retryAfterMsField").queryAs(TextField.class).setText("10"));
    robot.clickOn(robot.from(faults).lookup("#applyButton").queryButton());
    waitUntil(() -> wiring.session().runInfo() != null
        && !wiring.sessionModel().faults().get(TestScenarios.PROVIDER).rules().isEmpty());
    assertThat(wiring.sessionModel().faults().get(TestScenarios.PROVIDER).rules()).singleElement()
        .satisfies(r -> assertThat(r.kind()).isEqualTo(FaultKind.RATE_LIMIT))
        .satisfies(r -> assertThat(r.probability()).isEqualTo(1.0));
    robot.interact(() -> wiring.window().selectTab("promptTab"));
    // when a load of 3 requests runs, one at a time
    robot.interact(() -> {
      wiring.window().promptModel().loadCountProperty().set(3);
      wiring.window().promptModel().loadConcurrencyProperty().set(1);
    });
    robot.clickOn("#startLoadButton");
    waitUntil(() -> text("#loadStatus").endsWith("done"));
    // then the timeline shows failed attempts and Retry-After waits, and the breaker chart shows it open
    var charts = wiring.window().chartsModel();
    // (all three answers have reached the charts: the batcher hands events over once a frame)
    waitUntil(() -> charts.ladder().total(Rung.ERROR) == 3);
    assertThat(fx(() -> charts.breakers().state(TestScenarios.BREAKER).orElse(null))).isEqualTo(BreakerState.OPEN);
    fx(() -> {
      var bars = charts.timeline().bars();
      assertThat(bars.getItemCount(OutcomeClass.RETRYABLE.ordinal())).isGreaterThanOrEqualTo(3);
      assertThat(bars.getItemCount(RetryTimelineModel.WAIT_RETRY_AFTER)).isGreaterThanOrEqualTo(2);
      assertThat(charts.timeline().marks().getItemCount(RetryTimelineModel.MARK_REJECTED)).isPositive();
      var states = charts.breakers().states();
      boolean openStep = false;
      for (int i = 0; i < states.getItemCount(0); i++) openStep |= states.getYValue(0, i) == 2.0;
      assertThat(openStep).as("an open step on the breaker's line").isTrue();
      assertThat(charts.breakers().countdowns()).singleElement()
          .satisfies(c -> assertThat(c.halfOpenAtMs() - c.openedAtMs()).isEqualTo(TestScenarios.BREAKER_DELAY_MS));
      return null;
    });
    Node lamp = robot.lookup("#lamp-sim_gpt-4o-mini .lamp").query();
    waitUntil(() -> lamp.getStyleClass().contains("lamp-open"));
  }

  @Test
  void anInvalidPolicyValueIsRefusedWhereItIsTypedAndAValidOneAppliesLive(FxRobot robot) throws Exception {
    waitForTheRun();
    robot.interact(() -> wiring.window().selectTab("policiesTab"));
    waitUntil(() -> wiring.panels().policiesPanel() != null);
    Node policies = wiring.panels().policiesPanel().node();
    TextField maxAttempts = robot.from(policies).lookup("#maxAttemptsField").queryAs(TextField.class);
    waitUntil(() -> maxAttempts.getText().equals("3"));
    // when max attempts is set to 0 and applied
    robot.interact(() -> maxAttempts.setText("0"));
    robot.clickOn(robot.from(policies).lookup("#applyButton").queryButton());
    // then the panel says why, on the field and in its status, and the run keeps its policies
    assertThat(fx(() -> robot.from(policies).lookup("#statusLabel").queryAs(Label.class).getText()))
        .isEqualTo("Not applied: maxAttempts must be in [1, 100], was 0");
    assertThat(fx(() -> robot.from(policies).lookup("#retryProblemLabel").queryAs(Label.class).getText()))
        .contains("maxAttempts").contains("was 0");
    assertThat(wiring.session().settings().scenario().policies()).isEqualTo(TestScenarios.policies());
    // when a valid value is applied, it applies live: the log says so and the lesson's code follows
    robot.interact(() -> maxAttempts.setText("5"));
    robot.clickOn(robot.from(policies).lookup("#applyButton").queryButton());
    waitUntil(() -> wiring.session().settings().scenario().policies().retry().maxAttempts() == 5);
    TableView<?> table = robot.lookup("#eventTable").queryTableView();
    waitUntil(() -> table.getItems().stream().anyMatch(r -> r.toString().contains("policies_changed")));
    assertThat(wiring.lesson().javaCodeProperty().get()).contains("withMaxAttempts(5)");
  }

  @Test
  void duringAnOutageTheLadderFallsToCachedAndThenToError(FxRobot robot) throws Exception {
    waitForTheRun();
    send(robot, "What is a circuit breaker?");
    waitUntil(() -> text("#rungBadge").equals("full"));
    // when the provider goes down
    wiring.session().edits().applyFaults(TestScenarios.PROVIDER, TestScenarios.outage()).get(WAIT_S, TimeUnit.SECONDS);
    // then the same question comes from the cache, a new one gets the canned error
    send(robot, "What is a circuit breaker?");
    waitUntil(() -> text("#rungBadge").equals("cached"));
    send(robot, "A question never asked before");
    waitUntil(() -> text("#rungBadge").equals("error"));
    var ladder = wiring.window().chartsModel().ladder();
    waitUntil(() -> ladder.total(Rung.ERROR) == 1);
    assertThat(fx(() -> List.of(ladder.total(Rung.FULL), ladder.total(Rung.CACHED), ladder.total(Rung.ERROR))))
        .containsExactly(1L, 1L, 1L);
  }

  @Test
  void anExportedLogReopensIntoTheSameChartsWithSendingOffUntilBackToLive(FxRobot robot) throws Exception {
    waitForTheRun();
    send(robot, "What is a circuit breaker?");
    waitUntil(() -> text("#rungBadge").equals("full"));
    wiring.session().edits().applyFaults(TestScenarios.PROVIDER, TestScenarios.rateLimitEverything()).get(WAIT_S, TimeUnit.SECONDS);
    send(robot, "Another question");
    waitUntil(() -> text("#rungBadge").equals("error"));
    TableView<?> table = robot.lookup("#eventTable").queryTableView();
    waitForTheCharts();
    // when the run log is exported and opened again
    Path log = fx(() -> wiring.window().exportRunLog(files.resolve("run.jsonl"))).get(WAIT_S, TimeUnit.SECONDS);
    List<String> live = fx(() -> ChartContents.of(wiring.window().chartsModel()));
    assertThat(String.join("\n", live)).contains("timeline.bars[retryable failure] (", "breakers.states[sim/gpt-4o-mini] (");
    int logged = RunLogReader.read(log).events().size();
    waitUntil(() -> table.getItems().size() == logged); // the log shows every event of the run
    List<String> warnings = fx(() -> wiring.window().openRunLog(log)).get(WAIT_S, TimeUnit.SECONDS);
    // then the charts hold exactly what they held, the badge says so, and sending is off
    assertThat(warnings).isEmpty();
    waitUntil(() -> robot.lookup("#replayBadge").queryAs(Label.class).isVisible());
    waitForTheCharts();
    assertThat(text("#replayBadge")).isEqualTo("replayed: run.jsonl");
    assertThat(fx(() -> ChartContents.of(wiring.window().chartsModel()))).isEqualTo(live);
    waitUntil(() -> table.getItems().size() == logged);
    assertThat(robot.lookup("#sendButton").queryAs(Button.class).isDisabled()).isTrue();
    // and Back to live starts a fresh run that answers again
    robot.clickOn("#backToLiveButton");
    waitUntil(() -> wiring.sessionModel().runProperty().get() != null && !robot.lookup("#replayBox").query().isVisible());
    assertThat(robot.lookup("#sendButton").queryAs(Button.class).isDisabled()).isFalse();
  }

  @Test
  void aFileThatIsNotARunLogIsRefusedWithTheReadersSentence(FxRobot robot) throws Exception {
    waitForTheRun();
    Path notes = Files.writeString(files.resolve("notes.txt"), "my notes, not a run log\n");
    var opening = fx(() -> wiring.window().openRunLog(notes));
    WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS, () -> opening.isDone());
    waitUntil(() -> text("#statusMessage").startsWith("Could not open notes.txt: not a run log (line 1:"));
    assertThat(text("#statusMessage")).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(robot.lookup("#replayBox").query().isVisible()).isFalse();
  }

  private void waitForTheRun() throws Exception {
    waitUntil(() -> wiring.sessionModel().runProperty().get() != null);
  }

  /** The events so far have reached the charts (the batcher drains once a pulse). */
  private static void waitForTheCharts() throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    WaitForAsyncUtils.waitForFxEvents();
  }

  private void send(FxRobot robot, String prompt) throws Exception {
    robot.interact(() -> wiring.window().promptModel().promptProperty().set(prompt));
    waitUntil(() -> !robot.lookup("#sendButton").queryAs(Button.class).isDisabled());
    robot.clickOn("#sendButton");
  }

  private String text(String id) throws Exception {
    return fx(() -> ((Label) wiring.window().root().getScene().lookup(id)).getText());
  }

  private static void waitUntil(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS, () -> fx(condition));
  }

  private static <T> T fx(Callable<T> onFxThread) throws Exception {
    return WaitForAsyncUtils.asyncFx(onFxThread).get(WAIT_S, TimeUnit.SECONDS);
  }
}
