package dev.playground.ui.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playground.scenario.Presets;
import dev.playground.scenario.Scenario;
import dev.playground.session.PlaygroundActions;
import dev.playground.ui.main.PlaygroundWindow;
import dev.playground.ui.policies.PoliciesPanel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Control;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Both panels in the real window at 1280 × 800, filled from a preset, every section open. */
@ExtendWith(ApplicationExtension.class)
class EditorsInWindowTest {
  private PlaygroundWindow window;
  private FaultsPanel faults;
  private PoliciesPanel policies;

  @Start
  void start(Stage stage) {
    Scenario scenario = Presets.get("complete-client");
    window = PlaygroundWindow.create(PlaygroundActions.unavailable());
    faults = FaultsPanel.create();
    faults.setTargets(List.of(FaultTarget.provider("openai", "simulated", scenario.providers().get(0).faults()),
        FaultTarget.engine(null)));
    policies = PoliciesPanel.create();
    policies.setProviders(Map.of("openai", List.of("gpt-4o", "gpt-4o-mini")));
    policies.setPolicies(scenario.policies());
    stage.setScene(window.createScene(1280, 800));
    stage.show();
    // the window finds its tabs by lookup, which reaches into the split pane only once it has a skin (shown)
    window.setFaultsPanel(faults.node());
    window.setPoliciesPanel(policies.node());
  }

  @AfterEach
  void close() {
    window.close();
  }

  @Test
  void nothingIsCutOffOnTheRightAndEveryControlHasATooltip(FxRobot robot) {
    TabPane tabs = robot.lookup("#sideTabs").queryAs(TabPane.class);
    for (String tab : List.of("faultsTab", "policiesTab")) {
      // given the tab shown with everything open
      robot.interact(() -> {
        tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> tab.equals(t.getId())).findFirst().orElseThrow());
        tabs.lookupAll(".titled-pane").forEach(n -> ((TitledPane) n).setExpanded(true));
        for (String on : List.of("#retryOnCheck", "#breakerOnCheck", "#timeoutOnCheck", "#bulkheadOnCheck",
            "#rateLimiterOnCheck", "#cacheOnCheck", "#ladderOnCheck", "#honourCheck"))
          if (tabs.lookup(on) instanceof CheckBox c) c.setSelected(true);
      });
      WaitForAsyncUtils.waitForFxEvents();
      Parent panel = tab.equals("faultsTab") ? faults.node() : policies.node();
      ScrollPane scroll = (ScrollPane) panel.lookup(".scroll-pane");

      // then every visible control ends inside the visible width: the bar within the panel, the rest in the viewport
      double viewportRight = scroll.localToScene(scroll.getViewportBounds()).getMaxX();
      double panelRight = panel.localToScene(panel.getLayoutBounds()).getMaxX();
      List<String> cut = new ArrayList<>();
      collectCut(scroll.getContent(), viewportRight, cut);
      collectCut(panel.lookup(".editor-bar"), panelRight, cut);
      assertThat(cut).as(tab).isEmpty();
      assertThat(Tooltips.missing(panel)).as(tab).isEmpty();
    }
  }

  private static void collectCut(Node node, double right, List<String> cut) {
    if (!node.isVisible()) return;
    if (node instanceof Control c) {
      Bounds b = c.localToScene(c.getLayoutBounds());
      if (b.getMaxX() > right + 0.5) cut.add(c.getClass().getSimpleName() + "#" + c.getId() + " ends at " + b.getMaxX());
      if (node instanceof ScrollPane s) {
        if (s.getContent() != null) collectCut(s.getContent(), right, cut);
        return;
      }
      if (node instanceof TitledPane t && t.getContent() != null) collectCut(t.getContent(), right, cut);
      return;
    }
    if (node instanceof Parent p) for (Node child : p.getChildrenUnmodifiable()) collectCut(child, right, cut);
  }
}
