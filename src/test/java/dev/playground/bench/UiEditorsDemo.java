package dev.playground.bench;

import dev.playground.policy.Jitter;
import dev.playground.scenario.Presets;
import dev.playground.scenario.Scenario;
import dev.playground.scenario.ScenarioRun;
import dev.playground.ui.faults.FaultTarget;
import dev.playground.ui.faults.FaultsPanel;
import dev.playground.ui.policies.PoliciesPanel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * A developer aid, not a test: the Faults and Policies panels side by side, each as wide as the window's side
 * tabs, filled from a live run of a preset (real simulated provider on loopback, real breakers), so they can be
 * looked at and screenshotted. Arguments, any order: {@code dark}, {@code width=N} (default 333, the side tabs at
 * 1280 px), {@code preset=NAME}, {@code faults=F} and {@code policies=F} (scroll position 0..1), {@code json}
 * (open the JSON parts), {@code invalid} (type a bad probability and a max delay below the delay), {@code every}
 * (switch every policy section on).
 * {@code ./mvnw -q -Pbench test-compile exec:exec -Dbench=UiEditorsDemo -Dbench.args="dark policies=0.5"}
 */
public final class UiEditorsDemo {
  private UiEditorsDemo() {}

  public static void main(String[] args) {
    Map<String, String> opts = new LinkedHashMap<>();
    for (String a : args) {
      int eq = a.indexOf('=');
      opts.put(eq < 0 ? a : a.substring(0, eq), eq < 0 ? "" : a.substring(eq + 1));
    }
    double width = Double.parseDouble(opts.getOrDefault("width", "333"));
    Scenario scenario = Presets.get(opts.getOrDefault("preset", "complete-client"));
    ScenarioRun run = ScenarioRun.live(scenario, null, e -> { });
    Runtime.getRuntime().addShutdownHook(new Thread(run::close));
    Platform.startup(() -> {
      FaultsPanel faults = FaultsPanel.create();
      List<FaultTarget> targets = new ArrayList<>();
      for (String p : run.providers().names())
        if (run.providers().breakable(p))
          targets.add(FaultTarget.provider(p, run.providers().spec(p).type().wireName(), run.providers().faults(p)));
      targets.add(FaultTarget.engine(scenario.engineFaults()));
      faults.setTargets(targets);
      faults.onApply((target, plan) -> run.providers().applyFaults(target, plan));

      PoliciesPanel policies = PoliciesPanel.create();
      Map<String, List<String>> providers = new LinkedHashMap<>();
      for (String p : run.providers().names()) providers.put(p, List.of("gpt-4o", "gpt-4o-mini"));
      policies.setProviders(providers);
      policies.setSeed(scenario.seed());
      policies.setPolicies(run.client().policies());
      policies.setBreakers(() -> run.client().breakers().values());
      policies.onApply(set -> run.client().updatePolicies(set));
      run.client().breakers().values().iterator().next().open(); // one open breaker, to see its countdown

      HBox columns = new HBox(column(faults.node(), "Faults", width), column(policies.node(), "Policies", width));
      Region top = new Region();
      top.setPrefHeight(44);
      top.getStyleClass().add("top-bar");
      Region bottom = new Region();
      bottom.setPrefHeight(26);
      bottom.getStyleClass().add("top-bar");
      VBox shell = new VBox(top, columns, bottom);
      VBox.setVgrow(columns, Priority.ALWAYS);
      StackPane root = new StackPane(shell);
      root.getStyleClass().add("playground");
      for (String sheet : List.of("/styles/base.css", "/styles/main.css"))
        root.getStylesheets().add(UiEditorsDemo.class.getResource(sheet).toExternalForm());
      if (opts.containsKey("dark")) root.getStylesheets().add(UiEditorsDemo.class.getResource("/styles/dark.css").toExternalForm());

      Stage stage = new Stage();
      stage.setTitle("Resilience Playground");
      stage.setScene(new Scene(root, 2 * width + 1, 800));
      stage.setX(0);
      stage.setY(0);
      stage.show();
      if (opts.containsKey("every")) { // every section open, to look at them all
        var m = policies.model();
        for (var on : List.of(m.bulkhead().onProperty(), m.rateLimiter().onProperty(), m.timeout().onProperty(),
            m.retry().honourRetryAfterProperty(), m.breaker().rateBasedProperty()))
          on.set(true);
        m.retry().jitterProperty().set(Jitter.PROPORTIONAL);
      }
      if (opts.containsKey("invalid")) {
        ((TextField) faults.node().lookup("#probabilityField")).setText("1.5");
        policies.model().retry().backoffProperty().set(true);
        ((TextField) policies.node().lookup("#delayField")).setText("5000");
        ((TextField) policies.node().lookup("#maxDelayField")).setText("2000");
        faults.model().apply();
      }
      Platform.runLater(() -> {
        if (opts.containsKey("json")) { // after the first layout: the scroll panes' content is in the scene then
          for (Parent p : List.of(faults.node(), policies.node())) ((TitledPane) p.lookup("#jsonPane")).setExpanded(true);
          faults.model().pasteTextProperty().set("{\"rules\": [{\"kind\": \"rate_limit\", \"probability\": 2}]}");
          faults.model().loadPasted();
        }
        root.applyCss();
        root.layout();
        scroll(faults.node(), Double.parseDouble(opts.getOrDefault("faults", "0")));
        scroll(policies.node(), Double.parseDouble(opts.getOrDefault("policies", "0")));
      });
    });
  }

  private static Node column(Parent panel, String selected, double width) {
    TabPane tabs = new TabPane();
    tabs.getStyleClass().add("side-tabs");
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    for (String name : List.of("Prompt & answer", "Faults", "Policies", "Lesson")) {
      Tab tab = new Tab(name);
      if (name.equals(selected)) {
        tab.setContent(panel);
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
      } else {
        tabs.getTabs().add(tab);
      }
    }
    tabs.setPrefWidth(width);
    tabs.setMinWidth(width);
    tabs.setMaxWidth(width);
    return tabs;
  }

  private static void scroll(Parent panel, double v) {
    ((ScrollPane) panel.lookup(".scroll-pane")).setVvalue(v);
  }
}
