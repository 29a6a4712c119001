package dev.playground.ui.policies;

import dev.playground.llm.FailureKind;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** A set of failure kinds as check boxes: one property per kind it may hold. Not thread-safe: FX thread. */
public final class KindSet {
  /** Failures (no answer defects): retry_on, abort_on. */
  public static final List<FailureKind> FAILURES =
      EnumSet.allOf(FailureKind.class).stream().filter(k -> !k.isAnswerDefect()).toList();
  /** Answer defects: retry_on_result. */
  public static final List<FailureKind> DEFECTS =
      EnumSet.allOf(FailureKind.class).stream().filter(FailureKind::isAnswerDefect).toList();
  /** Both: count_on. */
  public static final List<FailureKind> ALL = List.of(FailureKind.values());

  private final Map<FailureKind, BooleanProperty> checked = new LinkedHashMap<>();

  public KindSet(Collection<FailureKind> universe) {
    for (FailureKind k : universe) checked.put(k, new SimpleBooleanProperty());
  }

  /** The kinds this set offers, in the taxonomy's order. */
  public List<FailureKind> kinds() {
    return List.copyOf(checked.keySet());
  }

  public BooleanProperty property(FailureKind kind) {
    BooleanProperty p = checked.get(kind);
    if (p == null) throw new IllegalArgumentException(kind.wireName() + " is not offered here");
    return p;
  }

  /** Checks exactly {@code kinds} (those this set does not offer are ignored: the spec would refuse them). */
  public void load(Set<FailureKind> kinds) {
    checked.forEach((k, p) -> p.set(kinds.contains(k)));
  }

  public Set<FailureKind> get() {
    EnumSet<FailureKind> set = EnumSet.noneOf(FailureKind.class);
    checked.forEach((k, p) -> {
      if (p.get()) set.add(k);
    });
    return set;
  }

  List<Observable> observables() {
    return List.copyOf(checked.values());
  }
}
