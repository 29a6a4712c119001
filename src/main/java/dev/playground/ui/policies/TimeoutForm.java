package dev.playground.ui.policies;

import dev.playground.policy.TimeoutSpec;
import java.time.Duration;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The timeout's form: the longest one attempt may take. Not thread-safe: FX thread. */
public final class TimeoutForm extends SpecForm<TimeoutSpec> {
  public static final String PER_ATTEMPT = "timeout.perAttempt";

  private final StringProperty perAttemptMs = new SimpleStringProperty();

  public TimeoutForm() {
    load(null);
  }

  public StringProperty perAttemptMsProperty() { return perAttemptMs; }

  @Override
  void load(TimeoutSpec spec) {
    onProperty().set(spec != null);
    perAttemptMs.set(Fields.ms(spec == null ? TimeoutSpec.DEFAULT_PER_ATTEMPT : spec.perAttempt()));
  }

  @Override
  TimeoutSpec build(Errors errors) {
    if (!onProperty().get()) return null;
    Duration d = Fields.millis(perAttemptMs.get(), "perAttempt", PER_ATTEMPT, errors);
    return d == null ? null : errors.build(() -> new TimeoutSpec(d), m -> PER_ATTEMPT);
  }

  @Override
  List<Observable> observables() {
    return List.of(onProperty(), perAttemptMs);
  }
}
