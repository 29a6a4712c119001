package dev.playground.ui.faults;

import dev.playground.faults.FaultPlan;
import dev.playground.faults.FaultPlanException;
import dev.playground.faults.FaultRule;
import dev.playground.faults.Latency;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * One target's fault plan as the form holds it: the seed, the base latency and the rules in order. Tells its
 * listener after every edit, and validates on {@link #validate()}: each rule's problem goes to the rule, the
 * first problem of the plan is returned. Not thread-safe: FX thread.
 */
public final class PlanDraft {
  private final StringProperty seed = new SimpleStringProperty("0");
  private final LatencyDraft baseLatency = new LatencyDraft();
  private final ObservableList<RuleDraft> rules = FXCollections.observableArrayList();
  private final List<Runnable> listeners = new ArrayList<>();
  private final InvalidationListener changed = o -> fire();
  private boolean loading;

  public PlanDraft() {
    seed.addListener(changed);
    for (Observable o : baseLatency.observables()) o.addListener(changed);
    rules.addListener((ListChangeListener<RuleDraft>) c -> {
      while (c.next()) {
        for (RuleDraft r : c.getRemoved()) for (Observable o : r.observables()) o.removeListener(changed);
        for (RuleDraft r : c.getAddedSubList()) for (Observable o : r.observables()) o.addListener(changed);
      }
      fire();
    });
  }

  public static PlanDraft of(FaultPlan plan) {
    PlanDraft d = new PlanDraft();
    d.load(plan);
    return d;
  }

  public StringProperty seedProperty() { return seed; }

  public LatencyDraft baseLatency() { return baseLatency; }

  /** The rules, in the order they are tried. */
  public ObservableList<RuleDraft> rules() { return rules; }

  /** Replaces everything with {@code plan} (null = healthy, seed 0); one notification. */
  public void load(FaultPlan plan) {
    FaultPlan p = plan == null ? FaultPlan.healthy(0) : plan;
    loading = true;
    try {
      seed.set(Long.toString(p.seed()));
      baseLatency.load(p.baseLatency());
      rules.setAll(p.rules().stream().map(RuleDraft::of).toList());
    } finally {
      loading = false;
    }
    fire();
  }

  /** Runs after every edit. */
  void addListener(Runnable listener) {
    listeners.add(listener);
  }

  /**
   * The plan; throws {@link FaultPlanException} naming the first bad field with its full path
   * ({@code rules[2].probability must be in [0, 1], was 1.5}).
   */
  public FaultPlan build() {
    long s = FormText.whole(seed.get(), "seed", 0);
    Latency base = baseLatency.build("base_latency");
    List<FaultRule> built = new ArrayList<>(rules.size());
    for (int i = 0; i < rules.size(); i++) {
      try {
        built.add(rules.get(i).build());
      } catch (FaultPlanException e) {
        throw e.within("rules[" + i + "]");
      }
    }
    return new FaultPlan(s, built, base);
  }

  /**
   * Checks every rule and the plan's own fields: each rule gets its own problem (or none); returns the first
   * problem in the order the plan is read (plan fields, then rules), or null.
   */
  public Problem validate() {
    Problem first = null;
    try {
      FormText.whole(seed.get(), "seed", 0);
      baseLatency.build("base_latency");
    } catch (FaultPlanException e) {
      first = Problem.of(-1, e);
    }
    for (int i = 0; i < rules.size(); i++) {
      RuleDraft r = rules.get(i);
      try {
        r.build();
        r.setProblem(null);
      } catch (FaultPlanException e) {
        FaultPlanException full = e.within("rules[" + i + "]");
        Problem p = new Problem(i, e.path(), full.getMessage());
        r.setProblem(p);
        if (first == null) first = p;
      }
    }
    if (first == null && rules.size() > FaultPlan.MAX_RULES)
      first = new Problem(-1, "rules", "rules must have at most " + FaultPlan.MAX_RULES + " rules, had " + rules.size());
    return first;
  }

  public void moveUp(int index) {
    if (index > 0 && index < rules.size()) swap(index - 1, index);
  }

  public void moveDown(int index) {
    if (index >= 0 && index < rules.size() - 1) swap(index, index + 1);
  }

  private void swap(int a, int b) {
    List<RuleDraft> copy = new ArrayList<>(rules);
    RuleDraft t = copy.get(a);
    copy.set(a, copy.get(b));
    copy.set(b, t);
    rules.setAll(copy);
  }

  private void fire() {
    if (!loading) for (Runnable l : List.copyOf(listeners)) l.run();
  }
}
