package dev.playground.ui.faults;

import dev.playground.faults.FaultPlanException;
import dev.playground.faults.Latency;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A latency as the form holds it: its shape and the text of each shape's fields (each shape keeps its own, so
 * switching back and forth loses nothing). Not thread-safe: FX thread.
 */
public final class LatencyDraft {
  /** The shapes a latency can take, and "none". Immutable. */
  public enum Shape {
    NONE("none"),
    FIXED("fixed"),
    UNIFORM("uniform"),
    LOGNORMAL("lognormal");

    private final String label;

    Shape(String label) {
      this.label = label;
    }

    @Override
    public String toString() {
      return label;
    }
  }

  private final ObjectProperty<Shape> shape = new SimpleObjectProperty<>(Shape.NONE);
  private final StringProperty fixedMs = new SimpleStringProperty("");
  private final StringProperty minMs = new SimpleStringProperty("");
  private final StringProperty maxMs = new SimpleStringProperty("");
  private final StringProperty medianMs = new SimpleStringProperty("");
  private final StringProperty sigma = new SimpleStringProperty("");

  public ObjectProperty<Shape> shapeProperty() { return shape; }

  public StringProperty fixedMsProperty() { return fixedMs; }

  public StringProperty minMsProperty() { return minMs; }

  public StringProperty maxMsProperty() { return maxMs; }

  public StringProperty medianMsProperty() { return medianMs; }

  public StringProperty sigmaProperty() { return sigma; }

  /** Shows {@code latency} (null = none). */
  public void load(Latency latency) {
    fixedMs.set("");
    minMs.set("");
    maxMs.set("");
    medianMs.set("");
    sigma.set("");
    if (latency instanceof Latency.Fixed f) {
      fixedMs.set(Long.toString(f.ms()));
      shape.set(Shape.FIXED);
    } else if (latency instanceof Latency.Uniform u) {
      minMs.set(Long.toString(u.minMs()));
      maxMs.set(Long.toString(u.maxMs()));
      shape.set(Shape.UNIFORM);
    } else if (latency instanceof Latency.LogNormal l) {
      medianMs.set(FormText.show(l.medianMs()));
      sigma.set(FormText.show(l.sigma()));
      shape.set(Shape.LOGNORMAL);
    } else {
      shape.set(Shape.NONE);
    }
  }

  /**
   * The latency, or null for none. {@code path} (e.g. {@code latency}) prefixes the field in messages:
   * {@code latency.uniform.max_ms (100) must be ≥ uniform.min_ms (200)}.
   */
  public Latency build(String path) {
    try {
      return switch (shape.get() == null ? Shape.NONE : shape.get()) {
        case NONE -> null;
        case FIXED -> Latency.fixed(FormText.requiredWhole(fixedMs.get(), "fixed_ms"));
        case UNIFORM -> Latency.uniform(FormText.requiredWhole(minMs.get(), "uniform.min_ms"),
            FormText.requiredWhole(maxMs.get(), "uniform.max_ms"));
        case LOGNORMAL -> Latency.lognormal(FormText.requiredNumber(medianMs.get(), "lognormal.median_ms"),
            FormText.requiredNumber(sigma.get(), "lognormal.sigma"));
      };
    } catch (FaultPlanException e) {
      throw e.within(path);
    }
  }

  Observable[] observables() {
    return new Observable[] {shape, fixedMs, minMs, maxMs, medianMs, sigma};
  }

  /** "fixed 4000 ms", "uniform 2000–4000 ms", "lognormal 300 ms σ 0.4", or "" for none. */
  String summary() {
    return switch (shape.get() == null ? Shape.NONE : shape.get()) {
      case NONE -> "";
      case FIXED -> fixedMs.get() + " ms";
      case UNIFORM -> minMs.get() + "–" + maxMs.get() + " ms";
      case LOGNORMAL -> "~" + medianMs.get() + " ms σ " + sigma.get();
    };
  }
}
