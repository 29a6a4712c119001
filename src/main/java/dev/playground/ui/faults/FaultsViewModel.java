package dev.playground.ui.faults;

import dev.playground.faults.FaultKind;
import dev.playground.faults.FaultPlan;
import dev.playground.faults.FaultPlanException;
import dev.playground.faults.FaultPlans;
import dev.playground.faults.FaultRule;
import dev.playground.faults.Target;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Faults panel's logic: one plan draft per target (each provider of the run, and the engine), rules added,
 * reordered and removed, the quick outage and storm, validation with the plan's own messages, Apply through
 * the registered callback, the plan's JSON both ways, and plans changed elsewhere (the admin API) without
 * losing unapplied edits. Not thread-safe: call on the FX thread (tests: one thread).
 */
public final class FaultsViewModel {
  /** The sequence a new sequence rule starts with. */
  static final List<FaultKind> NEW_SEQUENCE = List.of(FaultKind.RATE_LIMIT, FaultKind.RATE_LIMIT, FaultKind.OK);

  private final ObservableList<FaultTarget> targets = FXCollections.observableArrayList();
  // one wrapper, kept: it passes changes on through a weak listener
  private final ObservableList<FaultTarget> targetsView = FXCollections.unmodifiableObservableList(targets);
  private final Map<String, TargetState> states = new LinkedHashMap<>();
  private final ReadOnlyObjectWrapper<FaultTarget> target = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<PlanDraft> draft = new ReadOnlyObjectWrapper<>(new PlanDraft());
  private final IntegerProperty selectedRule = new SimpleIntegerProperty(-1);
  private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper json = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper jsonCaption = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper statusIsError = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper outsideChange = new ReadOnlyStringWrapper("");
  private final StringProperty quickSeconds = new SimpleStringProperty("30");
  private final ReadOnlyStringWrapper quickProblem = new ReadOnlyStringWrapper("");
  private final StringProperty pasteText = new SimpleStringProperty("");
  private final ReadOnlyStringWrapper pasteProblem = new ReadOnlyStringWrapper("");
  private BiConsumer<String, FaultPlan> onApply;

  public FaultsViewModel() {
    quickSeconds.addListener((o, a, b) -> quickProblem.set(""));
    pasteText.addListener((o, a, b) -> pasteProblem.set(""));
  }

  // ---- what the view binds to

  public ObservableList<FaultTarget> targets() { return targetsView; }

  public ReadOnlyObjectProperty<FaultTarget> targetProperty() { return target.getReadOnlyProperty(); }

  /** The selected target's draft; replaced when another target is selected. */
  public ReadOnlyObjectProperty<PlanDraft> draftProperty() { return draft.getReadOnlyProperty(); }

  /** The index of the rule being edited in the draft, or -1. */
  public IntegerProperty selectedRuleProperty() { return selectedRule; }

  /** The first thing wrong with the draft, or null when it would apply. */
  public ReadOnlyObjectProperty<Problem> problemProperty() { return problem.getReadOnlyProperty(); }

  /** True when the draft differs from the plan in force (or cannot be built). */
  public ReadOnlyBooleanProperty dirtyProperty() { return dirty.getReadOnlyProperty(); }

  /** The draft's JSON when it is valid, else the plan in force's. */
  public ReadOnlyStringProperty jsonProperty() { return json.getReadOnlyProperty(); }

  /** Says which of the two the JSON is. */
  public ReadOnlyStringProperty jsonCaptionProperty() { return jsonCaption.getReadOnlyProperty(); }

  /** What the last action did, or why it did nothing. */
  public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }

  public ReadOnlyBooleanProperty statusIsErrorProperty() { return statusIsError.getReadOnlyProperty(); }

  /** Non-empty while a plan changed elsewhere waits for Reload or Keep mine. */
  public ReadOnlyStringProperty outsideChangeProperty() { return outsideChange.getReadOnlyProperty(); }

  /** How long the quick outage and storm last, in seconds, as typed. */
  public StringProperty quickSecondsProperty() { return quickSeconds; }

  public ReadOnlyStringProperty quickProblemProperty() { return quickProblem.getReadOnlyProperty(); }

  /** A plan's JSON pasted by the user. */
  public StringProperty pasteTextProperty() { return pasteText; }

  public ReadOnlyStringProperty pasteProblemProperty() { return pasteProblem.getReadOnlyProperty(); }

  /** The plan in force on the selected target, as last applied or reported. */
  public FaultPlan applied() {
    TargetState s = current();
    return s == null ? null : s.applied;
  }

  // ---- what the wiring calls

  /**
   * The targets of a new run, each with its plan in force; drafts start from those plans. The target selected
   * before stays selected if it is still there.
   */
  public void setTargets(List<FaultTarget> list) {
    String before = target.get() == null ? null : target.get().name();
    states.clear();
    for (FaultTarget t : list) {
      TargetState s = new TargetState(t);
      s.draft.addListener(() -> {
        if (current() == s) refresh();
      });
      states.put(t.name(), s);
    }
    targets.setAll(list);
    select(before != null && states.containsKey(before) ? before : list.isEmpty() ? null : list.get(0).name());
    status.set("");
  }

  /** Called with each plan, target and new plan, that is put in force: {@code faults_changed} goes back here. */
  public void onApply(BiConsumer<String, FaultPlan> callback) {
    this.onApply = callback;
  }

  /**
   * A plan changed in force, by us or elsewhere (the admin API). Our own applies are recognised and ignored;
   * another change replaces an unedited draft at once, or waits for Reload / Keep mine when there are edits.
   */
  public void planChanged(String targetName, FaultPlan plan) {
    TargetState s = states.get(targetName);
    if (s == null || plan == null || s.consumeEcho(plan) || plan.equals(s.applied)) return;
    boolean edited = s.edited();
    s.applied = plan;
    if (!edited) {
      s.outside = null;
      s.draft.load(plan);
      if (current() == s) {
        selectedRule.set(plan.rules().isEmpty() ? -1 : 0);
        info(targetName + "'s plan was changed elsewhere (admin API); the form shows it now.");
      }
    } else {
      s.outside = plan;
    }
    if (current() == s) refresh();
  }

  // ---- what the user does

  public void select(String name) {
    TargetState s = name == null ? null : states.get(name);
    target.set(s == null ? null : s.target);
    draft.set(s == null ? new PlanDraft() : s.draft);
    selectedRule.set(s == null || s.draft.rules().isEmpty() ? -1 : 0);
    refresh();
  }

  /** Adds a rule for {@code kind} at the end (on the engine, aimed at the retriever) and selects it. */
  public void addRule(FaultKind kind) {
    RuleDraft r = RuleDraft.of(Objects.requireNonNull(kind, "kind"));
    if (isEngine()) r.targetProperty().set(Target.RETRIEVER);
    add(r);
  }

  /** Adds a scripted sequence ({@code rate_limit, rate_limit, ok}, not repeated) at the end and selects it. */
  public void addSequence() {
    RuleDraft r = RuleDraft.sequence(NEW_SEQUENCE, false);
    if (isEngine()) r.targetProperty().set(Target.RETRIEVER);
    add(r);
  }

  private void add(RuleDraft r) {
    var rules = draft.get().rules();
    rules.add(r);
    selectedRule.set(rules.size() - 1);
  }

  public void moveUp() {
    int i = selectedRule.get();
    if (i <= 0) return;
    draft.get().moveUp(i);
    selectedRule.set(i - 1);
  }

  public void moveDown() {
    int i = selectedRule.get();
    if (i < 0 || i >= draft.get().rules().size() - 1) return;
    draft.get().moveDown(i);
    selectedRule.set(i + 1);
  }

  public void removeSelected() {
    int i = selectedRule.get();
    var rules = draft.get().rules();
    if (i < 0 || i >= rules.size()) return;
    rules.remove(i);
    selectedRule.set(Math.min(i, rules.size() - 1));
  }

  /** Healthy: no rules and no base latency (press Apply to put it in force). */
  public void clear() {
    draft.get().rules().clear();
    draft.get().baseLatency().load(null);
    selectedRule.set(-1);
  }

  /** Back to the plan in force. */
  public void revert() {
    TargetState s = current();
    if (s == null) return;
    s.outside = null;
    s.draft.load(s.applied);
    selectedRule.set(s.draft.rules().isEmpty() ? -1 : 0);
    info("Back to the plan in force.");
    refresh();
  }

  /** Takes in the plan changed elsewhere; the edits are dropped. */
  public void reloadOutside() {
    revert();
  }

  /** Keeps the edits; Apply will replace the plan changed elsewhere. */
  public void keepMine() {
    TargetState s = current();
    if (s == null) return;
    s.outside = null;
    refresh();
  }

  /** Puts an outage rule first and applies the plan: it starts now. */
  public boolean outage() {
    Long seconds = quick();
    if (seconds == null) return false;
    insertFirst(QuickFaults.outage(seconds, isEngine()));
    return apply();
  }

  /** Puts a rate-limit storm rule first and applies the plan: it starts now. */
  public boolean storm() {
    Long seconds = quick();
    if (seconds == null) return false;
    insertFirst(QuickFaults.storm(seconds));
    return apply();
  }

  private Long quick() {
    if (current() == null) {
      fail("Nothing to break: no run is connected.");
      return null;
    }
    try {
      long s = QuickFaults.seconds(quickSeconds.get());
      quickProblem.set("");
      return s;
    } catch (IllegalArgumentException e) {
      quickProblem.set(e.getMessage());
      return null;
    }
  }

  private void insertFirst(FaultRule rule) {
    draft.get().rules().add(0, RuleDraft.of(rule)); // first match decides: the quick fault must come first
    selectedRule.set(0);
  }

  /**
   * Builds the plan (validated by its constructors) and hands it to the callback. Nothing is applied when a
   * field is wrong (the rule is selected and the message shown) or when the callback refuses it.
   */
  public boolean apply() {
    TargetState s = current();
    if (s == null) return fail("Nothing to break: no run is connected.");
    Problem p = s.draft.validate();
    problem.set(p);
    if (p != null) {
      if (p.rule() >= 0) selectedRule.set(p.rule());
      return fail("Not applied: " + p.message());
    }
    FaultPlan plan = s.draft.build();
    try {
      checkTarget(plan, s);
    } catch (FaultPlanException e) {
      return fail("Not applied: " + e.getMessage());
    }
    if (onApply == null) return fail("Not applied: no run is connected.");
    s.expectEcho(plan); // before the call: its faults_changed may come back at once
    try {
      onApply.accept(s.target.name(), plan);
    } catch (RuntimeException e) {
      s.dropEcho(plan);
      return fail("Not applied: " + e.getMessage());
    }
    s.applied = plan;
    s.outside = null;
    info(plan.isHealthy() ? "Applied to " + s.target.name() + ": healthy."
        : "Applied to " + s.target.name() + ": " + plan.rules().size() + (plan.rules().size() == 1 ? " rule" : " rules")
            + (plan.rules().stream().anyMatch(r -> r.window() != null) ? "; windows start now." : "."));
    refresh();
    return true;
  }

  /** Loads the pasted JSON into the draft, validated as the plan parser does; Apply puts it in force. */
  public boolean loadPasted() {
    TargetState s = current();
    if (s == null) return false;
    FaultPlan plan;
    try {
      plan = checkTarget(FaultPlans.parse(pasteText.get()), s);
    } catch (FaultPlanException e) {
      pasteProblem.set(e.getMessage());
      return false;
    }
    s.draft.load(plan);
    selectedRule.set(plan.rules().isEmpty() ? -1 : 0);
    pasteText.set("");
    info("Pasted plan loaded: press Apply to put it in force.");
    refresh();
    return true;
  }

  // ---- internals

  private TargetState current() {
    return target.get() == null ? null : states.get(target.get().name());
  }

  /** The engine breaks its retriever and cache, a provider its chat calls: a rule for the other is refused. */
  private static FaultPlan checkTarget(FaultPlan plan, TargetState s) {
    return s.target.engine() ? FaultPlans.checkEngine(plan, "") : FaultPlans.checkProvider(plan, "");
  }

  private boolean isEngine() {
    return target.get() != null && target.get().engine();
  }

  private void refresh() {
    TargetState s = current();
    if (s == null) {
      problem.set(null);
      dirty.set(false);
      json.set("");
      jsonCaption.set("No target.");
      outsideChange.set("");
      return;
    }
    Problem p = s.draft.validate();
    problem.set(p);
    FaultPlan plan = p == null ? s.draft.build() : null;
    dirty.set(plan == null || !plan.equals(s.applied));
    if (plan != null) {
      json.set(FaultPlans.toPrettyJson(plan));
      jsonCaption.set(dirty.get() ? "Your edits (not applied yet):" : "The plan in force:");
    } else {
      json.set(FaultPlans.toPrettyJson(s.applied));
      jsonCaption.set("The plan in force (your edits have a problem):");
    }
    outsideChange.set(s.outside == null ? ""
        : s.target.name() + "'s plan was changed elsewhere (admin API) while you were editing.");
  }

  private void info(String message) {
    status.set(message);
    statusIsError.set(false);
  }

  private boolean fail(String message) {
    status.set(message);
    statusIsError.set(true);
    return false;
  }
}
