package dev.playground.ui.preview;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.playground.policy.RetrySpec;
import dev.playground.scenario.Presets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class SchedulePreviewViewTest {
  private SchedulePreviewView view;

  @Start
  void start(Stage stage) {
    view = SchedulePreviewView.create();
    StackPane window = new StackPane(view.root());
    window.getStyleClass().add("playground");
    window.getStylesheets().addAll(sheet("base"), sheet("charts"));
    stage.setScene(new Scene(window, 880, 620));
    stage.show();
  }

  @Test
  void theChartAndTableRedrawForANewSpec(FxRobot robot) {
    robot.interact(() -> view.setRetrySpec(RetrySpec.defaults().withMaxAttempts(4).withBackoff(ofSeconds(1), ofSeconds(10), 2)));
    assertThat(view.chart().drawnWaits()).containsExactly(0.0, 1.0, 2.0, 4.0);

    robot.interact(() -> view.setRetrySpec(RetrySpec.defaults().withMaxAttempts(7).withBackoff(ofSeconds(1), ofSeconds(60), 2)));
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(view.chart().drawnWaits()).containsExactly(0.0, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0);
    assertThat(view.chart().axisTops()).as("both axes take in the new attempts").satisfies(tops -> {
      assertThat(tops[0]).isGreaterThanOrEqualTo(32.0);
      assertThat(tops[1]).isGreaterThanOrEqualTo(63.0);
    });
    TableView<?> table = robot.lookup("#rowsTable").queryAs(TableView.class);
    assertThat(table.getItems()).hasSize(7);
    assertThat(robot.lookup("#summaryLabel").queryAs(Label.class).getText()).startsWith("7 attempts, 6 waits");
    assertThat(robot.lookup("#previewChart").tryQuery()).isPresent();
  }

  @Test
  void aPresetBringsItsOwnTenacityTable(FxRobot robot) {
    robot.interact(() -> view.setScenario(Presets.get("complete-client")));

    assertThat(robot.lookup(".backoff-table").queryAll()).hasSize(2);
    assertThat(robot.lookup(".backoff-cell.differs").queryAll()).isNotEmpty();
  }

  @Test
  void aBadSeedIsMarkedWhereItIsTypedAndExplained(FxRobot robot) {
    robot.interact(() -> view.setRetrySpec(RetrySpec.defaults()));
    TextField seed = robot.lookup("#seedField").queryAs(TextField.class);

    robot.interact(() -> seed.setText("twelve"));

    Label error = robot.lookup("#errorLabel").queryAs(Label.class);
    assertThat(seed.getPseudoClassStates()).extracting(Object::toString).contains("invalid");
    assertThat(error.isVisible()).isTrue();
    assertThat(error.getText()).isEqualTo("seed must be a whole number, was \"twelve\"");
    assertThat(view.chart().drawnWaits()).containsExactly(0.0, 2.0, 2.0);

    robot.interact(() -> seed.setText("12"));
    assertThat(seed.getPseudoClassStates()).extracting(Object::toString).doesNotContain("invalid");
    assertThat(error.isVisible()).isFalse();
  }

  private static String sheet(String name) {
    return SchedulePreviewViewTest.class.getResource("/styles/" + name + ".css").toExternalForm();
  }
}
