package dev.playground.app;

import dev.playground.events.RunEvent;
import dev.playground.faults.FaultPlan;
import dev.playground.policy.PolicySet;
import dev.playground.scenario.ProviderSpec;
import dev.playground.scenario.Scenario;
import dev.playground.session.RunInfo;
import dev.playground.session.Session;
import dev.playground.ui.charts.ChartPalette;
import dev.playground.ui.compare.CompareView;
import dev.playground.ui.faults.FaultTarget;
import dev.playground.ui.faults.FaultsPanel;
import dev.playground.ui.lab.HerdLabView;
import dev.playground.ui.main.PlaygroundWindow;
import dev.playground.ui.main.Theme;
import dev.playground.ui.policies.PoliciesPanel;
import dev.playground.ui.preview.SchedulePreviewView;
import dev.playground.ui.session.SessionViewModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.MapChangeListener;
import javafx.scene.Node;

/**
 * The other rooms' views in the window: Faults and Policies in the side tabs, applying live through the
 * session; Schedule preview, A/B compare and Herd lab beside the live charts. Each is built the first time its
 * tab is shown, then follows the session (new run, new policies, theme). Not thread-safe: FX thread.
 */
final class Panels implements AutoCloseable {
  private final Session session;
  private final SessionViewModel model;
  private final PlaygroundWindow window;
  private FaultsPanel faults;
  private PoliciesPanel policies;
  private SchedulePreviewView preview;
  private CompareView compare;
  private HerdLabView lab;

  Panels(Session session, SessionViewModel model, PlaygroundWindow window) {
    this.session = session;
    this.model = model;
    this.window = window;
    window.setLazyView("faultsTab", this::faults);
    window.setLazyView("policiesTab", this::policies);
    window.setLazyView("previewTab", this::preview);
    window.setLazyView("compareTab", this::compare);
    window.setLazyView("labTab", this::lab);
    model.runProperty().addListener((o, a, run) -> {
      if (run != null) runOpened(run);
    });
    model.policiesProperty().addListener((o, a, p) -> {
      if (p != null) policiesChanged(p);
    });
    window.themeProperty().addListener((o, a, theme) -> paletteChanged(theme));
    window.follow(this::eventsArrived);
    // A/B replays the faults the open run has now, the Faults tab's included
    model.faults().addListener((MapChangeListener<String, FaultPlan>) c -> {
      if (compare != null && session.settings() != null) compare.setFaults(session.settings().effectiveScenario());
    });
  }

  /** The Faults panel, once its tab was shown (tests). */
  FaultsPanel faultsPanel() {
    return faults;
  }

  /** The Policies panel, once its tab was shown (tests). */
  PoliciesPanel policiesPanel() {
    return policies;
  }

  /**
   * A batch of the open run's events, once a frame: the Faults panel follows {@code faults_changed} (it tells
   * ours from outside changes), the Policies panel's lamps follow breaker changes.
   */
  private void eventsArrived(List<RunEvent> batch) {
    boolean breakers = false;
    for (RunEvent e : batch) {
      if (e instanceof RunEvent.FaultsChanged f && faults != null) faults.faultsChanged(f);
      else if (e instanceof RunEvent.BreakerChanged) breakers = true;
    }
    if (breakers && policies != null) policies.refreshBreakers();
  }

  private Node faults() {
    faults = FaultsPanel.create();
    faults.onApply((target, plan) -> {
      if (FaultTarget.ENGINE.equals(target)) session.edits().applyEngineFaultsNow(plan);
      else session.edits().applyFaultsNow(target, plan);
    });
    var run = model.runProperty().get();
    if (run != null) faults.setTargets(targets(run));
    return faults.node();
  }

  private Node policies() {
    policies = PoliciesPanel.create();
    policies.onApply(session.edits()::updatePoliciesNow);
    policies.setBreakers(() -> session.breakers().values());
    policies.breakers().setCountdowns(window.chartsModel().breakers()::countdown); // the chart's countdown
    var run = model.runProperty().get();
    if (run != null) showRun(policies, run);
    // the preview follows the form as it is edited, not only what was applied
    policies.model().currentProperty().addListener((o, a, set) -> {
      if (preview != null && set != null) preview.setRetrySpec(set.retry());
    });
    return policies.node();
  }

  private Node preview() {
    preview = SchedulePreviewView.create();
    preview.setPalette(palette());
    Scenario s = model.scenarioProperty().get();
    if (s != null) preview.setScenario(s);
    PolicySet p = model.policiesProperty().get();
    if (p != null) preview.setRetrySpec(p.retry());
    return preview.root();
  }

  private Node compare() {
    compare = CompareView.create();
    compare.setPalette(palette());
    Scenario s = model.scenarioProperty().get();
    if (s != null) compare.setScenario(s);
    PolicySet p = model.policiesProperty().get();
    if (p != null) compare.setPolicies(p);
    return compare.root();
  }

  private Node lab() {
    lab = HerdLabView.create();
    lab.setPalette(palette());
    return lab.root();
  }

  private void runOpened(RunInfo run) {
    if (faults != null) faults.setTargets(targets(run));
    if (policies != null) showRun(policies, run);
    if (preview != null) preview.setScenario(run.scenario());
    if (compare != null) compare.setScenario(run.scenario());
  }

  private void policiesChanged(PolicySet p) {
    if (preview != null) preview.setRetrySpec(p.retry());
    if (compare != null) compare.setPolicies(p);
  }

  private void paletteChanged(Theme theme) {
    ChartPalette palette = theme.palette();
    if (preview != null) preview.setPalette(palette);
    if (compare != null) compare.setPalette(palette);
    if (lab != null) lab.setPalette(palette);
  }

  private ChartPalette palette() {
    return window.themeProperty().get().palette();
  }

  private static void showRun(PoliciesPanel panel, RunInfo run) {
    Map<String, List<String>> providers = new LinkedHashMap<>();
    for (ProviderSpec p : run.scenario().providers()) providers.put(p.name(), p.models());
    panel.setProviders(providers);
    panel.setSeed(run.scenario().seed());
    panel.setPolicies(run.scenario().policies());
  }

  private static List<FaultTarget> targets(RunInfo run) {
    List<FaultTarget> out = new ArrayList<>();
    for (Map.Entry<String, FaultPlan> e : run.breakable().entrySet()) {
      ProviderSpec spec = run.scenario().provider(e.getKey());
      String detail = spec.type() == ProviderSpec.Type.PROXY ? "proxy → " + spec.baseUrl().getHost() : "simulated";
      out.add(FaultTarget.provider(e.getKey(), detail, e.getValue()));
    }
    out.add(FaultTarget.engine(run.engineFaults()));
    return out;
  }

  @Override
  public void close() {
    if (compare != null) compare.close();
    if (lab != null) lab.close();
  }
}
