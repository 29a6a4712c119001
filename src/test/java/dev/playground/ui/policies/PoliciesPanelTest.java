package dev.playground.ui.policies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playground.clock.VirtualClock;
import dev.playground.events.BreakerState;
import dev.playground.policy.BreakerSpec;
import dev.playground.policy.ChainSpec;
import dev.playground.policy.ManagedBreaker;
import dev.playground.policy.ModelRef;
import dev.playground.policy.PolicyListener;
import dev.playground.policy.PolicySet;
import dev.playground.policy.RetrySpec;
import dev.playground.ui.faults.Tooltips;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class PoliciesPanelTest {
  private static final PolicySet SET = PolicySet.of(ChainSpec.of(new ModelRef("openai", "gpt-4o-mini")))
      .withRetry(RetrySpec.defaults().withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 2));

  private final VirtualClock clock = new VirtualClock();
  private final ManagedBreaker breaker = ManagedBreaker.onRunClock(
      BreakerSpec.countBased(5, 5, Duration.ofSeconds(30)), "openai/gpt-4o-mini", clock, PolicyListener.NONE);
  private final List<PolicySet> applied = new ArrayList<>();
  private PoliciesPanel panel;

  @Start
  void start(Stage stage) {
    panel = PoliciesPanel.create();
    panel.setProviders(Map.of("openai", List.of("gpt-4o-mini")));
    panel.setPolicies(SET);
    panel.onApply(applied::add);
    panel.setBreakers(() -> List.of(breaker));
    StackPane root = new StackPane(panel.node());
    root.getStyleClass().add("playground");
    root.getStylesheets().add(PoliciesPanelTest.class.getResource("/styles/base.css").toExternalForm());
    stage.setScene(new Scene(root, 340, 800));
    stage.show();
  }

  @Test
  void aMaxDelayBelowTheDelayIsMarkedWithTheSpecsMessageAndNotAppliedUntilFixed(FxRobot robot) {
    // when a max delay below the delay is typed
    TextField delay = robot.lookup("#delayField").queryAs(TextField.class);
    TextField maxDelay = robot.lookup("#maxDelayField").queryAs(TextField.class);
    robot.interact(() -> delay.setText(""));
    robot.clickOn(delay).write("5000");
    robot.interact(() -> maxDelay.setText(""));
    robot.clickOn(maxDelay).write("2000");
    WaitForAsyncUtils.waitForFxEvents();

    // then the field is marked, the spec's message is under the retry settings, and Apply does nothing
    assertThat(maxDelay.getPseudoClassStates()).extracting(Object::toString).contains("invalid");
    assertThat(delay.getPseudoClassStates()).extracting(Object::toString).doesNotContain("invalid");
    Label message = robot.lookup("#retryProblemLabel").queryAs(Label.class);
    assertThat(message.getText()).isEqualTo("Max delay (2000 ms) must be ≥ delay (5000 ms)");
    var box = message.getParent().getChildrenUnmodifiable();
    assertThat(box.indexOf(message)).isEqualTo(box.indexOf(robot.lookup("#maxDelayRow").query()) + 1); // just below
    robot.clickOn("#applyButton");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(applied).isEmpty();
    assertThat(robot.lookup("#statusLabel").queryAs(Label.class).getText())
        .isEqualTo("Not applied: maxDelay (2000 ms) must be ≥ delay (5000 ms)");

    // when it is fixed, Apply hands over the set as typed
    robot.interact(() -> maxDelay.setText(""));
    robot.clickOn(maxDelay).write("8000");
    robot.clickOn("#applyButton");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(maxDelay.getPseudoClassStates()).extracting(Object::toString).doesNotContain("invalid");
    assertThat(applied).containsExactly(
        SET.withRetry(RetrySpec.defaults().withBackoff(Duration.ofSeconds(5), Duration.ofSeconds(8), 2)));
  }

  @Test
  void aBreakerIsOpenedHalfOpenedAndClosedByHandFromItsRow(FxRobot robot) {
    Label badge = robot.lookup(".breaker-badge").queryAs(Label.class);
    assertThat(badge.getText()).isEqualTo("closed");

    robot.clickOn(robot.lookup(".breaker-row .button").match(n -> "Open".equals(((Button) n).getText())).queryButton());
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
    assertThat(badge.getText()).isEqualTo("open");
    assertThat(badge.getStyleClass()).contains("breaker-state-open");

    robot.clickOn(robot.lookup(".breaker-row .button").match(n -> "Half-open".equals(((Button) n).getText())).queryButton());
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(breaker.state()).isEqualTo(BreakerState.HALF_OPEN);

    robot.clickOn(robot.lookup(".breaker-row .button").match(n -> "Close".equals(((Button) n).getText())).queryButton());
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
    assertThat(badge.getText()).isEqualTo("closed");
  }

  @Test
  void switchingAPolicyOnShowsItsFieldsAndPutsItInTheSet(FxRobot robot) {
    assertThat(robot.lookup("#timeoutBox").query().isVisible()).isFalse();

    scrollTo(robot, "#timeoutOnCheck");
    robot.clickOn("#timeoutOnCheck");
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(robot.lookup("#timeoutBox").query().isVisible()).isTrue();
    assertThat(robot.lookup("#timeoutOnCheck").queryAs(CheckBox.class).isSelected()).isTrue();
    assertThat(panel.model().currentProperty().get().timeout()).isNotNull();
  }

  @Test
  void everyControlHasATooltip(FxRobot robot) {
    robot.interact(() -> {
      robot.lookup("#jsonPane").queryAs(TitledPane.class).setExpanded(true);
      for (String on : List.of("#breakerOnCheck", "#timeoutOnCheck", "#bulkheadOnCheck", "#rateLimiterOnCheck",
          "#cacheOnCheck", "#ladderOnCheck"))
        robot.lookup(on).queryAs(CheckBox.class).setSelected(true);
    });
    assertThat(Tooltips.missing(panel.node())).isEmpty();
    assertThat(robot.lookup(".kind-checks .check-box").queryAll()).hasSizeGreaterThan(30);
  }

  /** Scrolls the panel so that the node is in view, as a person would with the wheel. */
  private static void scrollTo(FxRobot robot, String query) {
    Node node = robot.lookup(query).query();
    ScrollPane scroll = robot.lookup("#policiesScroll").queryAs(ScrollPane.class);
    robot.interact(() -> {
      double y = scroll.getContent().sceneToLocal(node.localToScene(0, 0)).getY();
      double range = scroll.getContent().getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
      scroll.setVvalue(Math.min(1, Math.max(0, (y - 40) / range)));
    });
    WaitForAsyncUtils.waitForFxEvents();
  }
}
