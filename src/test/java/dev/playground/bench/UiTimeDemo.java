package dev.playground.bench;

import dev.playground.policy.Jitter;
import dev.playground.policy.PolicyJson;
import dev.playground.scenario.Presets;
import dev.playground.scenario.Scenario;
import dev.playground.ui.charts.ChartPalette;
import dev.playground.ui.compare.CompareView;
import dev.playground.ui.lab.HerdLabView;
import dev.playground.ui.preview.SchedulePreviewView;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * A developer aid, not a test: the three virtual-time views as tabs, in a window the size of the main window's
 * centre area (or any size), so they can be looked at and screenshotted. The compare and the herd lab run once
 * at start. {@code -Dbench=UiTimeDemo -Dbench.args="compare dark 1280x800"} (tab: preview, compare or herd).
 */
public final class UiTimeDemo {
  private UiTimeDemo() {}

  public static void main(String[] args) {
    List<String> a = List.of(args);
    String tab = a.stream().filter(List.of("preview", "compare", "herd")::contains).findFirst().orElse("preview");
    boolean dark = a.contains("dark");
    String size = a.stream().filter(s -> s.matches("\\d+x\\d+")).findFirst().orElse("880x620");
    int width = Integer.parseInt(size.substring(0, size.indexOf('x')));
    int height = Integer.parseInt(size.substring(size.indexOf('x') + 1));
    Platform.startup(() -> show(tab, dark, width, height));
  }

  private static void show(String which, boolean dark, int width, int height) {
    ChartPalette palette = dark ? ChartPalette.DARK : ChartPalette.LIGHT;

    Scenario complete = Presets.get("complete-client");
    SchedulePreviewView preview = SchedulePreviewView.create();
    preview.setScenario(complete);
    // as if the Policies panel were editing the preset's retry: more attempts, equal jitter
    preview.setRetrySpec(complete.policies().retry().withMaxAttempts(6).withJitter(Jitter.EQUAL, 0));
    preview.setPalette(palette);

    Scenario outage = Presets.get("outage-and-recovery");
    CompareView compare = CompareView.create();
    compare.setScenario(outage);
    compare.setPalette(palette);

    HerdLabView lab = HerdLabView.create();
    lab.setPalette(palette);

    TabPane tabs = new TabPane(new Tab("Schedule preview", preview.root()), new Tab("A/B compare", compare.root()),
        new Tab("Herd lab", lab.root()));
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    tabs.getSelectionModel().select(List.of("preview", "compare", "herd").indexOf(which));
    StackPane root = new StackPane(tabs);
    root.getStyleClass().add("playground");
    for (String sheet : List.of("base", "main", "charts")) root.getStylesheets().add(sheet(sheet));
    if (dark) root.getStylesheets().add(sheet("dark"));

    Stage stage = new Stage();
    stage.setTitle("Resilience Playground");
    stage.setScene(new Scene(root, width, height));
    stage.setX(0);
    stage.setY(0);
    stage.show();

    // B: the same policies without the circuit breaker
    TextArea b = (TextArea) compare.root().lookup("#bJsonArea");
    b.setText(PolicyJson.write(outage.policies().withBreaker(null)));
    ((Button) compare.root().lookup("#runButton")).fire();
    // then show both runs at 32 s, in the middle of the outage (the end is calm again)
    Slider until = (Slider) compare.root().lookup("#untilSlider");
    until.disabledProperty().addListener((o, was, disabled) -> {
      if (!disabled) until.setValue(32);
    });
    ((Button) lab.root().lookup("#runButton")).fire();

    // tell a screenshot script when both runs are drawn
    Label labStatus = (Label) lab.root().lookup("#statusLabel");
    BooleanBinding ready = Bindings.createBooleanBinding(
        () -> until.getValue() == 32 && labStatus.getText().startsWith("Done"), until.valueProperty(), labStatus.textProperty());
    ready.addListener((o, was, now) -> {
      if (now) Platform.runLater(() -> System.out.println("UiTimeDemo: ready"));
    });
  }

  private static String sheet(String name) {
    return UiTimeDemo.class.getResource("/styles/" + name + ".css").toExternalForm();
  }
}
