package dev.playground.ui.policies;

import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The form of one policy spec: whether the policy is on, and its fields as typed. {@link #build} gives the
 * spec (validated by its constructor) or null, with each problem recorded on its field. Not thread-safe.
 */
abstract class SpecForm<T> {
  private final BooleanProperty on = new SimpleBooleanProperty();

  /** On = the policy is in the set; off = it is left out (null). */
  public BooleanProperty onProperty() {
    return on;
  }

  /** Shows {@code spec}; null shows the defaults, switched off. */
  abstract void load(T spec);

  /** The spec, or null when off or when a field is wrong (recorded in {@code errors}). */
  abstract T build(Errors errors);

  /** Everything an edit can change. */
  abstract List<Observable> observables();
}
