package dev.playground.ui.policies;

import dev.playground.policy.BreakerSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The circuit breaker's form: count based or rate based opening (each keeps its own fields), the half-open
 * trial, the delay and what counts as a failure. Not thread-safe: FX thread.
 */
public final class BreakerForm extends SpecForm<BreakerSpec> {
  public static final String FAILURES = "breaker.failures";
  public static final String EXECUTIONS = "breaker.executions";
  public static final String PERCENT = "breaker.percent";
  public static final String MIN_EXECUTIONS = "breaker.minExecutions";
  public static final String PERIOD = "breaker.period";
  public static final String SUCCESSES = "breaker.successes";
  public static final String TRIALS = "breaker.trials";
  public static final String DELAY = "breaker.delay";
  public static final String COUNT_ON = "breaker.countOn";
  static final String SECTION = "breaker";

  private final BooleanProperty rateBased = new SimpleBooleanProperty();
  private final StringProperty failures = new SimpleStringProperty();
  private final StringProperty executions = new SimpleStringProperty();
  private final StringProperty percent = new SimpleStringProperty();
  private final StringProperty minExecutions = new SimpleStringProperty();
  private final StringProperty periodMs = new SimpleStringProperty();
  private final StringProperty successes = new SimpleStringProperty();
  private final StringProperty trials = new SimpleStringProperty();
  private final StringProperty delayMs = new SimpleStringProperty();
  private final KindSet countOn = new KindSet(KindSet.ALL);

  public BreakerForm() {
    load(null);
  }

  /** False: opens on a count of failures among the last calls; true: on a failure rate over a period. */
  public BooleanProperty rateBasedProperty() { return rateBased; }

  public StringProperty failuresProperty() { return failures; }

  public StringProperty executionsProperty() { return executions; }

  public StringProperty percentProperty() { return percent; }

  public StringProperty minExecutionsProperty() { return minExecutions; }

  public StringProperty periodMsProperty() { return periodMs; }

  public StringProperty successesProperty() { return successes; }

  public StringProperty trialsProperty() { return trials; }

  public StringProperty delayMsProperty() { return delayMs; }

  public KindSet countOn() { return countOn; }

  @Override
  void load(BreakerSpec spec) {
    onProperty().set(spec != null);
    BreakerSpec s = spec == null ? BreakerSpec.defaults() : spec;
    rateBased.set(s.isRateBased());
    // the mode not in use shows the JSON defaults, ready if the user switches
    failures.set(s.failureCount() == null ? "5" : Integer.toString(s.failureCount().failures()));
    executions.set(s.failureCount() == null ? "5" : Integer.toString(s.failureCount().executions()));
    percent.set(s.failureRate() == null ? "50" : Integer.toString(s.failureRate().percent()));
    minExecutions.set(s.failureRate() == null ? "10" : Integer.toString(s.failureRate().minExecutions()));
    periodMs.set(s.failureRate() == null ? "60000" : Fields.ms(s.failureRate().period()));
    successes.set(Integer.toString(s.successCount().successes()));
    trials.set(Integer.toString(s.successCount().executions()));
    delayMs.set(Fields.ms(s.delay()));
    countOn.load(s.countOn());
  }

  @Override
  BreakerSpec build(Errors errors) {
    if (!onProperty().get()) return null;
    BreakerSpec.FailureCount count = null;
    BreakerSpec.FailureRate rate = null;
    if (!rateBased.get()) {
      Integer f = Fields.whole(failures.get(), "failureThreshold.failures", FAILURES, errors);
      Integer e = Fields.whole(executions.get(), "failureThreshold.executions", EXECUTIONS, errors);
      if (f != null && e != null) count = errors.build(() -> new BreakerSpec.FailureCount(f, e), Errors.byPrefix(
          FAILURES, "failureThreshold.failures", FAILURES, "failureThreshold.executions", EXECUTIONS));
    } else {
      Integer p = Fields.whole(percent.get(), "failureRateThreshold.percent", PERCENT, errors);
      Integer m = Fields.whole(minExecutions.get(), "failureRateThreshold.minExecutions", MIN_EXECUTIONS, errors);
      Duration d = Fields.millis(periodMs.get(), "failureRateThreshold.period", PERIOD, errors);
      if (p != null && m != null && d != null) rate = errors.build(() -> new BreakerSpec.FailureRate(p, m, d),
          Errors.byPrefix(PERCENT, "failureRateThreshold.percent", PERCENT, "failureRateThreshold.minExecutions",
              MIN_EXECUTIONS, "failureRateThreshold.period", PERIOD));
    }
    Integer s = Fields.whole(successes.get(), "successThreshold.successes", SUCCESSES, errors);
    Integer t = Fields.whole(trials.get(), "successThreshold.executions", TRIALS, errors);
    BreakerSpec.SuccessCount success = s == null || t == null ? null : errors.build(
        () -> new BreakerSpec.SuccessCount(s, t),
        Errors.byPrefix(SUCCESSES, "successThreshold.successes", SUCCESSES, "successThreshold.executions", TRIALS));
    Duration delay = Fields.millis(delayMs.get(), "delay", DELAY, errors);
    if (errors.any(SECTION + ".")) return null;
    BreakerSpec.FailureCount c = count;
    BreakerSpec.FailureRate r = rate;
    return errors.build(() -> new BreakerSpec(c, r, success, delay, countOn.get()),
        Errors.byPrefix(SECTION, "delay", DELAY, "countOn", COUNT_ON));
  }

  @Override
  List<Observable> observables() {
    List<Observable> all = new ArrayList<>(List.of(onProperty(), rateBased, failures, executions, percent,
        minExecutions, periodMs, successes, trials, delayMs));
    all.addAll(countOn.observables());
    return all;
  }
}
