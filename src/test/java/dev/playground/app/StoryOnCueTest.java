package dev.playground.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playground.cli.WindowOptions;
import dev.playground.events.Rung;
import dev.playground.scenario.Scenario;
import dev.playground.scenario.ScenarioJson;
import dev.playground.session.AnswerView;
import dev.playground.session.SessionSettings;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
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
 * The story starts on cue, live: a preset whose provider is down from its first second answers healthy until
 * "Run scenario", because its timed faults wait for it; the strip under the top bar says which it is, and the
 * top bar reads the run's clock.
 */
@ExtendWith(ApplicationExtension.class)
class StoryOnCueTest {
  private static final long WAIT_S = 30;
  @TempDir static Path logs;
  private final Scenario downFromTheStart = ScenarioJson.parse("""
      {"name": "down-from-the-start", "seed": 5,
       "providers": [{"name": "sim", "faults": {"base_latency": {"fixed_ms": 20},
          "rules": [{"kind": "service_unavailable", "window": {"from_ms": 0, "to_ms": 600000}}]}}],
       "policies": {"chain": [{"provider": "sim", "model": "gpt-4o-mini"}], "retry": {"max_attempts": 2, "delay_ms": 10},
          "timeout": {"per_attempt_ms": 3000}},
       "load": {"requests": 3, "concurrency": 1}}
      """, "down.json");
  private Wiring wiring;

  @Start
  void start(Stage stage) {
    wiring = Wiring.create(WindowOptions.defaults(), SessionSettings.of(downFromTheStart), name -> null, logs);
    PlaygroundApp.show(stage, wiring);
    wiring.afterFirstFrame();
  }

  @AfterEach
  void closeTheRun() {
    wiring.close();
  }

  @Test
  void promptsBeforeRunScenarioMeetAHealthyProviderAndTheOutageStartsWithIt(FxRobot robot) throws Exception {
    waitUntil(() -> wiring.sessionModel().runProperty().get() != null);
    assertThat(text("#storyNote")).startsWith("waits for Run scenario");
    waitUntil(() -> text("#scenarioTime").startsWith("scenario "));

    // before the cue: healthy, although the plan says "down from 0 s"
    var prompt = wiring.window().promptModel();
    robot.interact(() -> prompt.promptProperty().set("Is the provider up?"));
    robot.clickOn("#sendButton");
    waitUntil(() -> prompt.answerProperty().get() != null && !prompt.sendingProperty().get());
    AnswerView before = fx(() -> prompt.answerProperty().get());
    assertThat(before.rung()).isEqualTo(Rung.FULL);
    assertThat(before.attempts()).isEqualTo(1);

    // the cue: Run scenario starts a fresh run whose story runs from its first request
    robot.clickOn("#scenarioLoadButton");
    waitUntil(() -> text("#storyNote").startsWith("story "));
    waitUntil(() -> text("#loadStatus").endsWith("done"));
    var ladder = wiring.window().chartsModel().ladder();
    waitUntil(() -> ladder.total(Rung.ERROR) == 3);
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
