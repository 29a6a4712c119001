package dev.playground.ui.policies;

import dev.playground.policy.RateLimiterSpec;
import java.time.Duration;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The rate limiter's form: smooth or bursty, permits per period, and the wait for a permit. Not thread-safe. */
public final class RateLimiterForm extends SpecForm<RateLimiterSpec> {
  public static final String MODE = "rateLimiter.mode";
  public static final String PERMITS = "rateLimiter.permits";
  public static final String PERIOD = "rateLimiter.period";
  public static final String MAX_WAIT = "rateLimiter.maxWait";

  private final ObjectProperty<RateLimiterSpec.Mode> mode = new SimpleObjectProperty<>();
  private final StringProperty permits = new SimpleStringProperty();
  private final StringProperty periodMs = new SimpleStringProperty();
  private final StringProperty maxWaitMs = new SimpleStringProperty();

  public RateLimiterForm() {
    load(null);
  }

  public ObjectProperty<RateLimiterSpec.Mode> modeProperty() { return mode; }

  public StringProperty permitsProperty() { return permits; }

  public StringProperty periodMsProperty() { return periodMs; }

  public StringProperty maxWaitMsProperty() { return maxWaitMs; }

  @Override
  void load(RateLimiterSpec spec) {
    onProperty().set(spec != null);
    mode.set(spec == null ? RateLimiterSpec.Mode.SMOOTH : spec.mode());
    permits.set(Integer.toString(spec == null ? RateLimiterSpec.DEFAULT_PERMITS : spec.permits()));
    periodMs.set(Fields.ms(spec == null ? RateLimiterSpec.DEFAULT_PERIOD : spec.period()));
    maxWaitMs.set(spec == null ? "0" : Fields.ms(spec.maxWait()));
  }

  @Override
  RateLimiterSpec build(Errors errors) {
    if (!onProperty().get()) return null;
    Integer n = Fields.whole(permits.get(), "permits", PERMITS, errors);
    Duration p = Fields.millis(periodMs.get(), "period", PERIOD, errors);
    Duration w = Fields.millis(maxWaitMs.get(), "maxWait", MAX_WAIT, errors);
    if (n == null || p == null || w == null) return null;
    return errors.build(() -> new RateLimiterSpec(mode.get(), n, p, w),
        Errors.byPrefix(PERIOD, "mode", MODE, "permits", PERMITS, "period", PERIOD, "maxWait", MAX_WAIT));
  }

  @Override
  List<Observable> observables() {
    return List.of(onProperty(), mode, permits, periodMs, maxWaitMs);
  }
}
