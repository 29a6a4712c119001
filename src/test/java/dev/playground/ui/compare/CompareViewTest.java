package dev.playground.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playground.events.Rung;
import dev.playground.scenario.Presets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class CompareViewTest {
  private final ExecutorService background = Executors.newSingleThreadExecutor();
  private CompareView view;

  @Start
  void start(Stage stage) {
    view = CompareView.create(background);
    view.setScenario(Presets.get("rate-limit-storm"));
    StackPane window = new StackPane(view.root());
    window.getStyleClass().add("playground");
    window.getStylesheets().addAll(sheet("base"), sheet("charts"));
    stage.setScene(new Scene(window, 880, 620));
    stage.show();
  }

  @AfterEach
  void stopBackground() {
    background.shutdownNow();
  }

  @Test
  void runDrawsBothSidesAndTheTableOfDifferences(FxRobot robot) throws Exception {
    TextArea b = robot.lookup("#bJsonArea").queryAs(TextArea.class);
    robot.interact(() -> b.setText(b.getText().replace("\"max_attempts\" : 3", "\"max_attempts\" : 1")));

    robot.clickOn("#runButton");
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.model().resultProperty().get() != null);
    WaitForAsyncUtils.waitForFxEvents();

    TableView<?> table = robot.lookup("#diffTable").queryAs(TableView.class);
    assertThat(table.getItems()).hasSize(16);
    assertThat(robot.lookup("#chartsA").tryQuery()).isPresent();
    assertThat(robot.lookup("#chartsB").tryQuery()).isPresent();
    assertThat(view.controller().sideA().model().timeline().rowCount()).isPositive();
    assertThat(view.controller().sideB().model().timeline().rowCount()).isPositive();
    assertThat(view.controller().sideA().model().ladder().total(Rung.FULL)).isEqualTo(76);
    assertThat(view.controller().sideB().model().ladder().total(Rung.FULL)).isEqualTo(51);
    assertThat(robot.lookup(".diff-table .table-row-cell:better").queryAll()).isNotEmpty();
    assertThat(robot.lookup(".diff-table .table-row-cell:worse").queryAll()).isNotEmpty();

    Slider until = robot.lookup("#untilSlider").queryAs(Slider.class);
    assertThat(until.isDisabled()).isFalse();
    robot.interact(() -> until.setValue(15));
    assertThat(view.controller().sideA().model().ladder().total(Rung.FULL))
        .as("A as it stood at 15 s").isPositive().isLessThan(76);
    robot.interact(() -> until.setValue(until.getMax()));
    assertThat(view.controller().sideA().model().ladder().total(Rung.FULL)).isEqualTo(76);

    robot.clickOn("#allToggle");
    assertThat(robot.lookup("#chartsA #ladderCell").query().isVisible()).isTrue();
    robot.clickOn("#ladderToggle");
    assertThat(robot.lookup("#chartsA #timelineCell").query().isVisible()).isFalse();
    assertThat(robot.lookup("#chartsB #ladderCell").query().isVisible()).isTrue();
  }

  @Test
  void anInvalidBIsRefusedWhereItIsTypedAndRunStaysDisabled(FxRobot robot) {
    TextArea b = robot.lookup("#bJsonArea").queryAs(TextArea.class);
    Button run = robot.lookup("#runButton").queryAs(Button.class);
    assertThat(run.isDisabled()).isFalse();

    robot.interact(() -> b.setText(b.getText().replace("\"delay_ms\" : 500", "\"delay_ms\" : 500.5")));

    Label error = robot.lookup("#bErrorLabel").queryAs(Label.class);
    assertThat(error.getText()).isEqualTo("retry.delay_ms must be a whole number of milliseconds, was 500.5");
    assertThat(b.getPseudoClassStates()).extracting(Object::toString).contains("invalid");
    assertThat(run.isDisabled()).isTrue();

    robot.clickOn("#copyAButton");
    assertThat(error.getText()).isEmpty();
    assertThat(run.isDisabled()).isFalse();
  }

  @Test
  void everyChartChoiceHasATooltip(FxRobot robot) {
    assertThat(robot.lookup(".chart-picker .toggle-button").queryAllAs(ToggleButton.class))
        .hasSize(5).allSatisfy(t -> assertThat(t.getTooltip()).isNotNull());
  }

  private static String sheet(String name) {
    return CompareViewTest.class.getResource("/styles/" + name + ".css").toExternalForm();
  }
}
