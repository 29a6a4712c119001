package dev.playground.ui.compare;

import dev.playground.common.Causes;
import dev.playground.events.RunEvent;
import dev.playground.policy.PolicyJson;
import dev.playground.policy.PolicySet;
import dev.playground.scenario.Compare;
import dev.playground.scenario.Presets;
import dev.playground.scenario.Scenario;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The A/B compare's logic: side A is the current policies, side B a copy the user edits as JSON (validated with
 * {@link PolicyJson} and against the scenario's providers), both run by {@link Compare#run} on the same scenario
 * and seed with the same fault for each call, on the {@code background} executor; the result comes back through
 * {@code fxThread}. Cancel forgets a run in progress (a comparison cannot be stopped half-way; for the presets it
 * takes well under a second). Not thread-safe: FX thread (or one test thread).
 */
final class CompareViewModel {
  private final Executor background;
  private final Executor fxThread;

  private final ReadOnlyObjectWrapper<Scenario> scenario = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<PolicySet> policiesA = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper jsonA = new ReadOnlyStringWrapper("");
  private final StringProperty jsonB = new SimpleStringProperty("");
  private final ReadOnlyObjectWrapper<PolicySet> policiesB = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper errorB = new ReadOnlyStringWrapper("");
  private final StringProperty seed = new SimpleStringProperty("");
  private final ReadOnlyStringWrapper seedError = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Choose a scenario, edit B, press Run.");
  private final ReadOnlyObjectWrapper<Compare.Result> result = new ReadOnlyObjectWrapper<>();
  private final ObservableList<DiffRow> rows = FXCollections.observableArrayList();
  private final BooleanBinding canRun;
  /** The JSON B was last set to by the program; B follows A while its text is still this. */
  private String followedText = "";
  /** Bumped by every run and by cancel: a result from an older generation is dropped. */
  private long generation;

  CompareViewModel(Executor background, Executor fxThread) {
    this.background = Objects.requireNonNull(background, "background");
    this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
    jsonB.addListener((o, a, b) -> validateB());
    seed.addListener((o, a, b) -> validateSeed());
    canRun = Bindings.createBooleanBinding(
        () -> scenario.get() != null && policiesB.get() != null && seedError.get().isEmpty() && !running.get(),
        scenario, policiesB, seedError, running);
  }

  ReadOnlyObjectProperty<Scenario> scenarioProperty() { return scenario.getReadOnlyProperty(); }

  ReadOnlyObjectProperty<PolicySet> policiesAProperty() { return policiesA.getReadOnlyProperty(); }

  /** Side A as JSON, for a look. */
  ReadOnlyStringProperty jsonAProperty() { return jsonA.getReadOnlyProperty(); }

  /** Side B as the user types it. */
  StringProperty jsonBProperty() { return jsonB; }

  /** B's policies when its JSON is valid for the scenario, else null. */
  ReadOnlyObjectProperty<PolicySet> policiesBProperty() { return policiesB.getReadOnlyProperty(); }

  /** Why B is refused (the field, the rule and the value), or "". */
  ReadOnlyStringProperty errorBProperty() { return errorB.getReadOnlyProperty(); }

  StringProperty seedProperty() { return seed; }

  ReadOnlyStringProperty seedErrorProperty() { return seedError.getReadOnlyProperty(); }

  ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }

  /** True when a scenario is set, B and the seed are valid and nothing runs. */
  BooleanBinding canRunProperty() { return canRun; }

  ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }

  /** The last comparison, or null. */
  ReadOnlyObjectProperty<Compare.Result> resultProperty() { return result.getReadOnlyProperty(); }

  ObservableList<DiffRow> rows() { return rows; }

  /**
   * The faults the open run has now (applied in the Faults tab, or the engine's): both sides replay them from
   * the next comparison on; the seed and both policy sets stay.
   */
  void setFaults(Scenario withFaults) {
    if (scenario.get() == null || withFaults == null) return;
    scenario.set(withFaults.withPolicies(scenario.get().policies()).withSeed(scenario.get().seed()));
  }

  /** What both sides replay, and why their numbers are not the open run's. */
  static String replays(Scenario s) {
    if (s == null) return "";
    return "Both sides replay " + s.title() + " with the faults the open run has now (the preset's and any you"
        + " applied), in virtual time, each fault drawn per call (request, rung, model, attempt) so that A and B"
        + " meet the same ones. Their numbers differ from the run shown, which met its faults live, in arrival"
        + " order.";
  }

  /** A new scenario: A becomes its policies, the seed its seed, and B a fresh copy of A. */
  void setScenario(Scenario s) {
    scenario.set(Objects.requireNonNull(s, "scenario"));
    seed.set(Long.toString(s.seed()));
    setA(s.policies());
    followedText = "";
    setB(jsonA.get());
  }

  /** The current policies changed (side A); B follows while the user has not edited it. */
  void setPolicies(PolicySet policies) {
    boolean following = jsonB.get().equals(followedText);
    setA(Objects.requireNonNull(policies, "policies"));
    if (following) setB(jsonA.get());
    else validateB(); // still valid? the chain may have changed meaning for this scenario
  }

  /** The scenario time both runs of the last comparison cover, in ms (the later of their last events); 0 without one. */
  long endMs() {
    Compare.Result r = result.get();
    return r == null ? 0 : Math.max(lastMs(r.eventsA()), lastMs(r.eventsB()));
  }

  /** A side's events up to {@code ms} of scenario time: the run as it stood then. */
  static List<RunEvent> upTo(List<RunEvent> events, long ms) {
    return events.stream().filter(e -> e.tMs() <= ms).toList();
  }

  private static long lastMs(List<RunEvent> events) {
    return events.stream().mapToLong(RunEvent::tMs).max().orElse(0);
  }

  /** B becomes a copy of A. */
  void copyAToB() {
    setB(jsonA.get());
  }

  /** B becomes a preset's policies (refused with a message if its chain does not fit this scenario). */
  void loadPreset(String name) {
    jsonB.set(PolicyJson.write(Presets.get(name).policies()));
  }

  /** The presets whose policies can be loaded into B. */
  static List<String> presetNames() {
    return Presets.all().stream().map(Scenario::name).toList();
  }

  /** Runs A and B on the background executor; does nothing unless {@link #canRunProperty()} is true. */
  void run() {
    if (!canRun.get()) return;
    Scenario s = scenario.get().withSeed(Long.parseLong(seed.get().strip()));
    Compare.Side a = new Compare.Side("A", policiesA.get());
    Compare.Side b = new Compare.Side("B", policiesB.get());
    long mine = ++generation;
    running.set(true);
    status.set("Running A and B on \"" + s.title() + "\", seed " + s.seed() + " …");
    background.execute(() -> {
      Compare.Result r;
      try {
        r = Compare.run(s, a, b);
      } catch (RuntimeException e) {
        fxThread.execute(() -> failed(mine, e));
        return;
      }
      fxThread.execute(() -> done(mine, r));
    });
  }

  /** Forgets the run in progress: its result will not be shown. */
  void cancel() {
    if (!running.get()) return;
    generation++;
    running.set(false);
    status.set("Cancelled: the comparison's result will not be shown.");
  }

  private void done(long runGeneration, Compare.Result r) {
    if (runGeneration != generation) return;
    running.set(false);
    result.set(r);
    rows.setAll(r.table().stream().map(DiffRow::of).toList());
    long better = rows.stream().filter(d -> d.verdict() == DiffRow.Verdict.BETTER).count();
    long worse = rows.stream().filter(d -> d.verdict() == DiffRow.Verdict.WORSE).count();
    status.set(String.format(Locale.ROOT, "%d requests a side, %s of scenario time (A), %s (B): B is better on %d, worse on %d.",
        r.summaryA().requests(), duration(r.summaryA().durationMs()), duration(r.summaryB().durationMs()), better, worse));
  }

  private void failed(long runGeneration, RuntimeException e) {
    if (runGeneration != generation) return;
    running.set(false);
    status.set("The comparison failed: " + Causes.message(e));
  }

  private void setA(PolicySet p) {
    policiesA.set(p);
    jsonA.set(PolicyJson.write(p));
  }

  private void setB(String text) {
    followedText = text;
    jsonB.set(text);
    validateB(); // the listener does not fire when the text is unchanged
  }

  private void validateB() {
    String text = jsonB.get();
    try {
      PolicySet p = PolicyJson.read(text);
      if (scenario.get() != null) scenario.get().withPolicies(p); // the chain must name this scenario's providers
      policiesB.set(p);
      errorB.set("");
    } catch (IllegalArgumentException e) {
      policiesB.set(null);
      errorB.set(e.getMessage());
    }
  }

  private void validateSeed() {
    String text = seed.get() == null ? "" : seed.get().strip();
    try {
      Long.parseLong(text);
      seedError.set("");
    } catch (NumberFormatException e) {
      seedError.set("seed must be a whole number, was \"" + text + "\"");
    }
  }

  static String duration(long ms) {
    if (ms < 1000) return ms + " ms";
    long s = Math.round(ms / 1000.0);
    return s < 60 ? s + " s" : s / 60 + " min " + s % 60 + " s";
  }
}
