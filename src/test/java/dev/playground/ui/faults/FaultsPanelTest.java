package dev.playground.ui.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playground.events.RunEvent;
import dev.playground.faults.FaultKind;
import dev.playground.faults.FaultPlan;
import dev.playground.faults.FaultPlans;
import dev.playground.faults.FaultRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
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
class FaultsPanelTest {
  private static final FaultPlan PLAN = FaultPlan.of(42, FaultRule.of(FaultKind.RATE_LIMIT).withRetryAfterSeconds(1L));

  private final List<Map.Entry<String, FaultPlan>> applied = new ArrayList<>();
  private FaultsPanel panel;

  @Start
  void start(Stage stage) {
    panel = FaultsPanel.create();
    panel.setTargets(List.of(FaultTarget.provider("openai", "simulated", PLAN), FaultTarget.engine(null)));
    panel.onApply((target, plan) -> applied.add(Map.entry(target, plan)));
    StackPane root = new StackPane(panel.node());
    root.getStyleClass().add("playground");
    root.getStylesheets().add(FaultsPanelTest.class.getResource("/styles/base.css").toExternalForm());
    stage.setScene(new Scene(root, 340, 800));
    stage.show();
  }

  @Test
  void aProbabilityOfOnePointFiveIsMarkedWithThePlansMessageAndNotAppliedUntilFixed(FxRobot robot) {
    // when 1.5 is typed as the first rule's probability
    TextField probability = robot.lookup("#probabilityField").queryAs(TextField.class);
    robot.interact(() -> probability.setText(""));
    robot.clickOn(probability).write("1.5");
    WaitForAsyncUtils.waitForFxEvents();

    // then the field is marked with the plan's message, and Apply calls nothing
    assertThat(invalid(probability)).isTrue();
    assertThat(robot.lookup("#ruleProblemLabel").queryAs(Label.class).getText())
        .isEqualTo("Probability (rules[0].probability) must be in [0, 1], was 1.5");
    robot.clickOn("#applyButton");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(applied).isEmpty();
    assertThat(robot.lookup("#statusLabel").queryAs(Label.class).getText())
        .isEqualTo("Not applied: rules[0].probability must be in [0, 1], was 1.5");
    assertThat(robot.lookup("#dirtyLabel").queryAs(Label.class).isVisible()).isTrue();

    // when it is fixed, Apply hands the plan to the run
    robot.interact(() -> probability.setText(""));
    robot.clickOn(probability).write("0.5");
    robot.clickOn("#applyButton");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(invalid(probability)).isFalse();
    assertThat(applied).containsExactly(Map.entry("openai",
        FaultPlan.of(42, FaultRule.of(FaultKind.RATE_LIMIT).withRetryAfterSeconds(1L).withProbability(0.5))));
    assertThat(robot.lookup("#dirtyLabel").queryAs(Label.class).isVisible()).isFalse();
  }

  @Test
  void theOutageButtonAppliesAnOutageRuleThatTheListThenShowsFirst(FxRobot robot) {
    TextField seconds = robot.lookup("#quickSecondsField").queryAs(TextField.class);
    robot.interact(() -> seconds.setText(""));
    robot.clickOn(seconds).write("20");

    robot.clickOn("#outageButton");
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(applied).hasSize(1);
    assertThat(applied.get(0).getValue().rules().get(0))
        .isEqualTo(FaultRule.of(FaultKind.SERVICE_UNAVAILABLE).withWindow(0, 20_000L).withNote("outage for 20 s"));
    ListView<?> rules = robot.lookup("#rulesList").queryAs(ListView.class);
    assertThat(rules.getItems()).hasSize(2);
    assertThat(rules.getSelectionModel().getSelectedIndex()).isZero();
    assertThat(robot.lookup("#kindPicker").queryComboBox().getValue()).isEqualTo(FaultKind.SERVICE_UNAVAILABLE);
  }

  @Test
  void aChangeMadeElsewhereWhileEditingAsksToReloadOrKeepTheEdits(FxRobot robot) {
    TextField probability = robot.lookup("#probabilityField").queryAs(TextField.class);
    robot.interact(() -> probability.setText("0.2"));
    FaultPlan other = FaultPlan.of(42, FaultRule.of(FaultKind.OVERLOADED));

    robot.interact(() -> panel.faultsChanged(new RunEvent.FaultsChanged(7, 1000, "openai", FaultPlans.toTree(other))));

    Node banner = robot.lookup("#outsideBanner").query();
    assertThat(banner.isVisible()).isTrue();
    assertThat(probability.getText()).isEqualTo("0.2");
    robot.clickOn("#reloadButton");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(banner.isVisible()).isFalse();
    assertThat(robot.lookup("#kindPicker").queryComboBox().getValue()).isEqualTo(FaultKind.OVERLOADED);
    assertThat(applied).isEmpty();
  }

  @Test
  void onlyTheParametersThatApplyToTheKindAreShown(FxRobot robot) {
    assertThat(robot.lookup("#retryAfterRow").query().isVisible()).isTrue();
    assertThat(robot.lookup("#holdRow").query().isVisible()).isFalse();

    robot.interact(() -> robot.lookup("#kindPicker").<FaultKind>queryComboBox().setValue(FaultKind.TIMEOUT));

    assertThat(robot.lookup("#retryAfterRow").query().isVisible()).isFalse();
    assertThat(robot.lookup("#holdRow").query().isVisible()).isTrue();
    assertThat(robot.lookup("#ruleTargetRow").query().isVisible()).isFalse(); // providers break chat calls only
  }

  @Test
  void everyControlHasATooltip(FxRobot robot) {
    robot.interact(() -> robot.lookup("#jsonPane").queryAs(TitledPane.class).setExpanded(true));
    assertThat(Tooltips.missing(panel.node())).isEmpty();
    assertThat(robot.lookup(".button").queryAllAs(Button.class)).hasSizeGreaterThan(10);
  }

  private static boolean invalid(Node node) {
    return node.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("invalid"));
  }

  @Test
  void aChangeMadeElsewhereWithoutEditsIsShownInTheEditorAtOnce(FxRobot robot) {
    FaultPlan other = FaultPlan.of(42, FaultRule.of(FaultKind.BAD_GATEWAY), FaultRule.of(FaultKind.RESET));

    robot.interact(() -> panel.faultsChanged(new RunEvent.FaultsChanged(7, 1000, "openai", FaultPlans.toTree(other))));

    assertThat(robot.lookup("#outsideBanner").query().isVisible()).isFalse();
    assertThat(robot.lookup("#rulesList").queryAs(ListView.class).getItems()).hasSize(2);
    assertThat(robot.lookup("#ruleEditor").query().isVisible()).isTrue();
    assertThat(robot.lookup("#kindPicker").queryComboBox().getValue()).isEqualTo(FaultKind.BAD_GATEWAY);
    assertThat(robot.lookup("#statusLabel").queryAs(Label.class).getText()).contains("changed elsewhere");
  }
}
