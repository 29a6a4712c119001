package dev.playground.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playground.cli.WindowOptions;
import dev.playground.clock.VirtualClock;
import dev.playground.engine.Answer;
import dev.playground.events.Rung;
import dev.playground.scenario.Presets;
import dev.playground.scenario.Scenario;
import dev.playground.scenario.ScenarioRun;
import dev.playground.session.AnswerView;
import dev.playground.session.ClockMode;
import dev.playground.session.SessionSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
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
 * The window in Live mode on the "retry on an empty result" preset (simulated provider on loopback, the real
 * SDK, real Failsafe, the real clock): prompts whose first answers are empty are retried at once and answered
 * on the full rung, exactly as the same prompts are in virtual time.
 */
@ExtendWith(ApplicationExtension.class)
class LiveRetryWindowTest {
  private static final long WAIT_S = 30;
  private static final int PROMPTS = 12;
  @TempDir static Path logs;
  private final Scenario preset = Presets.get("retry-on-empty-result");
  private Wiring wiring;

  @Start
  void start(Stage stage) {
    wiring = Wiring.create(WindowOptions.defaults(), SessionSettings.of(preset), name -> null, logs);
    PlaygroundApp.show(stage, wiring);
    wiring.afterFirstFrame();
  }

  @AfterEach
  void closeTheRun() {
    wiring.close();
  }

  @Test
  void emptyAnswersAreRetriedLiveAndTheRequestsEndOnTheRungsVirtualTimeGives(FxRobot robot) throws Exception {
    waitUntil(() -> wiring.sessionModel().runProperty().get() != null);
    assertThat(wiring.session().settings().clock()).isEqualTo(ClockMode.LIVE);
    List<String> expected = inVirtualTime();
    List<String> seen = new ArrayList<>();
    var prompt = wiring.window().promptModel();
    for (int i = 0; i < PROMPTS; i++) {
      AnswerView before = fx(() -> prompt.answerProperty().get());
      String text = "Question " + i + ": why retry an empty answer?";
      robot.interact(() -> prompt.promptProperty().set(text));
      waitUntil(() -> !robot.lookup("#sendButton").queryAs(Button.class).isDisabled());
      robot.clickOn("#sendButton");
      waitUntil(() -> prompt.answerProperty().get() != before && !prompt.sendingProperty().get());
      AnswerView a = fx(() -> prompt.answerProperty().get());
      assertThat(fx(() -> ((Label) robot.lookup("#rungBadge").query()).getText())).isEqualTo(a.rung().wireName());
      seen.add(a.rung().wireName() + " after " + a.attempts());
    }

    assertThat(seen).isEqualTo(expected);
    assertThat(seen).as("some answers came on full after retries").anyMatch(s -> s.startsWith("full after ")
        && !s.equals("full after 1"));
  }

  /** The same prompts, one at a time, through the same preset in virtual time: rung and attempts of each. */
  private List<String> inVirtualTime() {
    VirtualClock clock = new VirtualClock();
    List<String> out = new ArrayList<>();
    try (ScenarioRun run = ScenarioRun.virtual(preset, clock, null, null)) {
      for (int i = 0; i < PROMPTS; i++) {
        var f = run.client().ask("Question " + i + ": why retry an empty answer?");
        clock.runUntilIdle();
        Answer a = f.join();
        out.add(a.rung().wireName() + " after " + a.attempts());
      }
    }
    assertThat(out).anyMatch(s -> s.startsWith(Rung.FULL.wireName()));
    return out;
  }

  private static void waitUntil(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS, () -> fx(condition));
  }

  private static <T> T fx(Callable<T> onFxThread) throws Exception {
    return WaitForAsyncUtils.asyncFx(onFxThread).get(WAIT_S, TimeUnit.SECONDS);
  }
}
