package dev.playground.ui.policies;

import dev.playground.policy.BulkheadSpec;
import java.time.Duration;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The bulkhead's form: calls in flight at once, and how long a call waits for a slot. Not thread-safe: FX thread. */
public final class BulkheadForm extends SpecForm<BulkheadSpec> {
  public static final String MAX_CONCURRENT = "bulkhead.maxConcurrent";
  public static final String MAX_WAIT = "bulkhead.maxWait";

  private final StringProperty maxConcurrent = new SimpleStringProperty();
  private final StringProperty maxWaitMs = new SimpleStringProperty();

  public BulkheadForm() {
    load(null);
  }

  public StringProperty maxConcurrentProperty() { return maxConcurrent; }

  public StringProperty maxWaitMsProperty() { return maxWaitMs; }

  @Override
  void load(BulkheadSpec spec) {
    onProperty().set(spec != null);
    maxConcurrent.set(Integer.toString(spec == null ? BulkheadSpec.DEFAULT_MAX_CONCURRENT : spec.maxConcurrent()));
    maxWaitMs.set(spec == null ? "0" : Fields.ms(spec.maxWait()));
  }

  @Override
  BulkheadSpec build(Errors errors) {
    if (!onProperty().get()) return null;
    Integer n = Fields.whole(maxConcurrent.get(), "maxConcurrent", MAX_CONCURRENT, errors);
    Duration w = Fields.millis(maxWaitMs.get(), "maxWait", MAX_WAIT, errors);
    if (n == null || w == null) return null;
    return errors.build(() -> new BulkheadSpec(n, w),
        Errors.byPrefix(MAX_CONCURRENT, "maxConcurrent", MAX_CONCURRENT, "maxWait", MAX_WAIT));
  }

  @Override
  List<Observable> observables() {
    return List.of(onProperty(), maxConcurrent, maxWaitMs);
  }
}
