package dev.playground.ui.policies;

import dev.playground.policy.ManagedBreaker;
import dev.playground.policy.PolicySet;
import dev.playground.ui.Fxml;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Parent;

/**
 * The Policies tab: edits the running client's {@link PolicySet} (every knob of every spec, each policy on or
 * off), applies it through a callback, and opens, closes or half-opens the client's breakers by hand. Create
 * and use on the FX thread.
 *
 * <pre>{@code
 * PoliciesPanel policies = PoliciesPanel.create();
 * window.setPoliciesPanel(policies.node());
 * // at each run start:
 * policies.setProviders(Map.of("openai", List.of("gpt-4o", "gpt-4o-mini")));  // names → models (may be empty)
 * policies.setSeed(scenario.seed());                                           // for the schedule line
 * policies.setPolicies(run.client().policies());
 * policies.setBreakers(() -> run.client().breakers().values());              // read once a second, and on refresh
 * policies.onApply(set -> run.client().updatePolicies(set));                  // a throw is shown, nothing applied
 * // optional, on breaker_changed events (FX thread): the lamps follow at once instead of within a second
 * policies.refreshBreakers();
 * }</pre>
 */
public final class PoliciesPanel {
  private final Parent root;
  private final PoliciesViewModel model;
  private final BreakersModel breakers;
  private final PoliciesController controller;

  private PoliciesPanel(PoliciesViewModel model, BreakersModel breakers) {
    this.model = model;
    this.breakers = breakers;
    controller = new PoliciesController(model, breakers);
    root = Fxml.load("/dev/playground/ui/policies/PoliciesView.fxml", controller.controllers());
  }

  /** A new panel with an empty chain until {@link #setPolicies}. FX thread. */
  public static PoliciesPanel create() {
    return new PoliciesPanel(new PoliciesViewModel(), new BreakersModel());
  }

  /** The panel, for {@code PlaygroundWindow.setPoliciesPanel}. It scrolls vertically and carries its own sheets. */
  public Parent node() {
    return root;
  }

  /** The set in force; the form shows it and Revert returns to it. */
  public void setPolicies(PolicySet set) {
    model.setPolicies(set);
  }

  /** The run's providers (name → its models; an empty list lets any model name be typed), for the chain. */
  public void setProviders(Map<String, List<String>> providers) {
    model.setProviders(new LinkedHashMap<>(providers)); // keeps the order given
    controller.showProviders();
  }

  /** The run's seed: the schedule line shows the waits its first request will see. */
  public void setSeed(long seed) {
    model.setSeed(seed);
  }

  /** Called with the whole set when the user applies it (FX thread; should return quickly). */
  public void onApply(Consumer<PolicySet> callback) {
    model.onApply(Objects.requireNonNull(callback, "callback"));
  }

  /** Where the running client's breakers come from; read at once, then every second and on {@link #refreshBreakers}. */
  public void setBreakers(Supplier<? extends Collection<ManagedBreaker>> source) {
    breakers.setSource(source);
  }

  /** Reads the breakers now (e.g. on a {@code breaker_changed} event). */
  public void refreshBreakers() {
    breakers.refresh();
  }

  public PoliciesViewModel model() {
    return model;
  }

  public BreakersModel breakers() {
    return breakers;
  }
}
