package dev.playground.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playground.lab.HerdStrategy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
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
class HerdLabViewTest {
  private final ExecutorService background = Executors.newSingleThreadExecutor();
  private HerdLabView view;

  @Start
  void start(Stage stage) {
    view = HerdLabView.create(background);
    StackPane window = new StackPane(view.root());
    window.getStyleClass().add("playground");
    window.getStylesheets().addAll(sheet("base"), sheet("charts"));
    stage.setScene(new Scene(window, 880, 620));
    stage.show();
  }

  @AfterEach
  void stopBackground() {
    view.close();
    background.shutdownNow();
  }

  @Test
  void aSmallGridFillsBothChartsTheTableAndTheConclusions(FxRobot robot) throws Exception {
    robot.interact(() -> {
      robot.lookup("#clientsField").queryAs(TextField.class).setText("5, 20");
      robot.lookup("#trialsField").queryAs(TextField.class).setText("10");
    });

    robot.clickOn("#runButton");
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.model().resultProperty().get() != null);
    WaitForAsyncUtils.waitForFxEvents();

    for (HerdStrategy s : HerdStrategy.values()) {
      assertThat(view.charts().callsPoints(s)).as(s.id()).hasNumberOfRows(2);
      assertThat(view.charts().completionPoints(s)).as(s.id()).isEqualTo(2);
    }
    assertThat(view.charts().callsPoints(HerdStrategy.NO_BACKOFF)[1][0]).isEqualTo(20.0);
    TableView<?> table = robot.lookup("#rowsTable").queryAs(TableView.class);
    assertThat(table.getItems()).hasSize(10);
    assertThat(robot.lookup(".conclusion").queryAll()).hasSize(4);
    assertThat(robot.lookup("#exportButton").queryAs(Button.class).isDisabled()).isFalse();
  }

  @Test
  void cancelStopsALongRunAndKeepsWhatArrived(FxRobot robot) throws Exception {
    robot.interact(() -> {
      robot.lookup("#clientsField").queryAs(TextField.class).setText("3, 1000");
      robot.lookup("#trialsField").queryAs(TextField.class).setText("10000");
    });
    robot.clickOn("#runButton");
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.model().progressProperty().get() > 0);
    assertThat(robot.lookup("#runButton").queryAs(Button.class).isDisabled()).isTrue();

    robot.clickOn("#cancelButton");
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !view.model().runningProperty().get());
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(robot.lookup("#statusLabel").queryAs(Label.class).getText()).startsWith("Cancelled after ");
    assertThat(view.model().progressProperty().get()).isLessThan(1);
    assertThat(view.model().resultProperty().get()).isNull();
    assertThat(robot.lookup("#runButton").queryAs(Button.class).isDisabled()).isFalse();
    assertThat(robot.lookup("#exportButton").queryAs(Button.class).isDisabled()).isTrue();
  }

  @Test
  void aBadClientCountIsMarkedWhereItIsTypedAndRunIsDisabled(FxRobot robot) {
    TextField clients = robot.lookup("#clientsField").queryAs(TextField.class);

    robot.interact(() -> clients.setText("10, 2000"));

    assertThat(clients.getPseudoClassStates()).extracting(Object::toString).contains("invalid");
    assertThat(robot.lookup("#errorLabel").queryAs(Label.class).getText()).isEqualTo("clients[1] must be in [1, 1000], was 2000");
    assertThat(robot.lookup("#runButton").queryAs(Button.class).isDisabled()).isTrue();
  }

  private static String sheet(String name) {
    return HerdLabViewTest.class.getResource("/styles/" + name + ".css").toExternalForm();
  }
}
