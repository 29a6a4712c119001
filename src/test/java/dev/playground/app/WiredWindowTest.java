package dev.playground.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playground.cli.WindowOptions;
import dev.playground.scenario.Presets;
import dev.playground.scenario.Scenario;
import dev.playground.session.ClockMode;
import dev.playground.session.SessionSettings;
import dev.playground.session.TestScenarios;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The top bar, the Lesson tab and the provider form of the wired window, on the real engine, headless. */
@ExtendWith(ApplicationExtension.class)
class WiredWindowTest {
  private static final long WAIT_S = 20;
  @TempDir static Path logs;
  private Wiring wiring;
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    wiring = Wiring.create(WindowOptions.defaults(), SessionSettings.of(TestScenarios.healthy()), name -> null, logs);
    PlaygroundApp.show(stage, wiring);
    wiring.afterFirstFrame();
  }

  @AfterEach
  void closeTheRun() {
    wiring.close();
  }

  @Test
  void everyControlOfEveryTabAndOfTheProviderFormHasATooltip(FxRobot robot) throws Exception {
    waitUntil(() -> wiring.sessionModel().runProperty().get() != null
        && robot.lookup("#latencyChart").tryQuery().isPresent() && robot.lookup("#eventTable").tryQuery().isPresent());
    robot.interact(() -> wiring.window().selectTab("lessonTab"));
    waitUntil(() -> robot.lookup("#javaCode").tryQuery().isPresent());
    List<String> missing = new ArrayList<>();
    for (String tab : List.of("promptTab", "faultsTab", "policiesTab", "lessonTab", "previewTab", "compareTab",
        "labTab")) {
      robot.interact(() -> wiring.window().selectTab(tab));
      WaitForAsyncUtils.waitForFxEvents();
      fx(() -> {
        collectWithoutTooltip(stage.getScene().getRoot(), missing);
        return null;
      });
    }
    robot.clickOn("#providerButton");
    Node form = waitForProviderForm(robot);
    fx(() -> {
      collectWithoutTooltip(form, missing);
      return null;
    });
    assertThat(missing).isEmpty();
  }

  @Test
  void thePickerListsEveryPresetAndPickingOneLoadsItsPoliciesFaultsAndLesson(FxRobot robot) throws Exception {
    waitUntil(() -> wiring.sessionModel().runProperty().get() != null);
    ComboBox<Scenario> picker = robot.lookup("#presetPicker").queryComboBox();
    waitUntil(() -> picker.getItems().size() == Presets.all().size());
    // when the circuit-breaker preset is picked
    Scenario circuitBreaker = Presets.get("circuit-breaker");
    robot.interact(() -> picker.setValue(picker.getItems().stream()
        .filter(s -> s.name().equals("circuit-breaker")).findFirst().orElseThrow()));
    // then a fresh run of it opens, and the Lesson tab shows it
    waitUntil(() -> wiring.sessionModel().runProperty().get() != null
        && wiring.sessionModel().runProperty().get().scenario().name().equals("circuit-breaker"));
    assertThat(wiring.session().settings().scenario().policies()).isEqualTo(circuitBreaker.policies());
    robot.interact(() -> wiring.window().selectTab("lessonTab"));
    waitUntil(() -> robot.lookup("#lessonTitle").tryQuery().isPresent()
        && robot.lookup("#lessonTitle").queryAs(Label.class).getText().equals(circuitBreaker.title()));
    assertThat(fx(() -> robot.lookup("#javaCode").queryAs(TextArea.class).getText())).contains("CircuitBreaker");
    assertThat(fx(() -> robot.lookup("#pythonCode").queryAs(TextArea.class).getText())).contains("def ");
    assertThat(fx(() -> picker.getTooltip().getText())).startsWith(circuitBreaker.title() + ": " + circuitBreaker.summary());
    // and Copy puts the Failsafe code on the clipboard
    robot.clickOn("#copyJavaButton");
    assertThat(fx(() -> Clipboard.getSystemClipboard().getString())).contains("CircuitBreaker");
  }

  @Test
  void fastForwardStartsAVirtualRunAndLiveGoesBack(FxRobot robot) throws Exception {
    waitUntil(() -> wiring.sessionModel().runProperty().get() != null);
    long first = wiring.sessionModel().runProperty().get().number();
    robot.clickOn("#fastForwardToggle");
    waitUntil(() -> wiring.sessionModel().runProperty().get() != null
        && wiring.sessionModel().runProperty().get().number() > first);
    assertThat(wiring.session().settings().clock()).isEqualTo(ClockMode.FAST_FORWARD);
    assertThat(robot.lookup("#speedBox").query().isDisabled()).isFalse();
    // the run's first event says it is on the virtual clock
    var rows = robot.lookup("#eventTable").queryTableView().getItems();
    waitUntil(() -> !rows.isEmpty() && rows.get(0).toString().contains("virtual"));
    robot.clickOn("#liveToggle");
    waitUntil(() -> wiring.session().settings().clock() == ClockMode.LIVE
        && wiring.sessionModel().clockProperty().get() == ClockMode.LIVE);
    assertThat(robot.lookup("#speedBox").query().isDisabled()).isTrue();
  }

  @Test
  void theProviderFormMarksABadBaseUrlWhereItIsTypedAndSaysWhenTheKeyIsMissing(FxRobot robot) throws Exception {
    waitUntil(() -> wiring.sessionModel().runProperty().get() != null);
    robot.clickOn("#providerButton");
    waitForProviderForm(robot);
    robot.clickOn("#realRadio");
    TextField url = robot.lookup("#baseUrlField").queryAs(TextField.class);
    robot.interact(() -> url.setText("not a url"));
    robot.clickOn("#applyProviderButton");
    assertThat(fx(() -> robot.lookup("#baseUrlError").queryAs(Label.class).getText()))
        .startsWith("base URL must be an http or https URL with a host");
    assertThat(url.getPseudoClassStates()).extracting(Object::toString).contains("invalid");
    // a good URL, but no key in the environment
    robot.interact(() -> url.setText("https://api.openai.com/v1"));
    robot.clickOn("#applyProviderButton");
    assertThat(fx(() -> robot.lookup("#providerMessage").queryAs(Label.class).getText()))
        .startsWith("OPENAI_API_KEY is not set");
    assertThat(fx(() -> robot.lookup("#keyStatus").queryAs(Label.class).getText())).startsWith("OPENAI_API_KEY is not set");
    assertThat(url.getPseudoClassStates()).extracting(Object::toString).doesNotContain("invalid");
    assertThat(wiring.session().settings().provider().isSimulated()).isTrue();
  }

  private static Node waitForProviderForm(FxRobot robot) throws Exception {
    waitUntil(() -> Window.getWindows().stream().anyMatch(w -> w.isShowing() && w.getScene() != null
        && w.getScene().getRoot().lookup("#providerForm") != null));
    return fx(() -> Window.getWindows().stream().filter(Window::isShowing).map(w -> w.getScene().getRoot().lookup("#providerForm"))
        .filter(n -> n != null).findFirst().orElseThrow());
  }

  /**
   * Controls the user works with; the insides of other controls (skins), plain labels, separators and the scroll
   * bars of scroll panes are not counted.
   */
  static void collectWithoutTooltip(Node node, List<String> missing) {
    boolean container = node instanceof SplitPane || node instanceof TabPane || node instanceof ScrollPane;
    boolean passive = node instanceof Label || node instanceof Separator
        || node instanceof ScrollBar;
    if (node instanceof Control c && !container && !passive) {
      if (c.getTooltip() == null) missing.add(c.getClass().getSimpleName() + "#" + c.getId());
      return; // its children belong to its skin
    }
    if (node instanceof Parent p) for (Node child : p.getChildrenUnmodifiable()) collectWithoutTooltip(child, missing);
  }

  private static void waitUntil(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS, () -> fx(condition));
  }

  private static <T> T fx(Callable<T> onFxThread) throws Exception {
    return WaitForAsyncUtils.asyncFx(onFxThread).get(WAIT_S, TimeUnit.SECONDS);
  }
}
