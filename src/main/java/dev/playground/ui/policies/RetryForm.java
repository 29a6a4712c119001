package dev.playground.ui.policies;

import dev.playground.policy.BackoffSpec;
import dev.playground.policy.Jitter;
import dev.playground.policy.RetrySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The retry policy's form: every knob of {@link RetrySpec} and its {@link BackoffSpec}. Not thread-safe: FX thread. */
public final class RetryForm extends SpecForm<RetrySpec> {
  public static final String MAX_ATTEMPTS = "retry.maxAttempts";
  public static final String MAX_TOTAL = "retry.maxTotalDuration";
  public static final String DELAY = "retry.delay";
  public static final String MAX_DELAY = "retry.maxDelay";
  public static final String FACTOR = "retry.factor";
  public static final String JITTER = "retry.jitter";
  public static final String JITTER_FACTOR = "retry.jitterFactor";
  public static final String RETRY_AFTER_CAP = "retry.retryAfterCap";
  public static final String RETRY_ON = "retry.retryOn";
  public static final String ABORT_ON = "retry.abortOn";
  public static final String RETRY_ON_RESULT = "retry.retryOnResult";
  static final String SECTION = "retry";

  private final StringProperty maxAttempts = new SimpleStringProperty();
  private final StringProperty maxTotalMs = new SimpleStringProperty();
  private final StringProperty delayMs = new SimpleStringProperty();
  private final BooleanProperty backoff = new SimpleBooleanProperty();
  private final StringProperty maxDelayMs = new SimpleStringProperty();
  private final StringProperty factor = new SimpleStringProperty();
  private final ObjectProperty<Jitter> jitter = new SimpleObjectProperty<>();
  private final StringProperty jitterFactor = new SimpleStringProperty();
  private final BooleanProperty honourRetryAfter = new SimpleBooleanProperty();
  private final StringProperty retryAfterCapMs = new SimpleStringProperty();
  private final KindSet retryOn = new KindSet(KindSet.FAILURES);
  private final KindSet abortOn = new KindSet(KindSet.FAILURES);
  private final KindSet retryOnResult = new KindSet(KindSet.DEFECTS);

  public RetryForm() {
    load(null);
  }

  public StringProperty maxAttemptsProperty() { return maxAttempts; }

  /** Milliseconds; 0 = no budget. */
  public StringProperty maxTotalMsProperty() { return maxTotalMs; }

  public StringProperty delayMsProperty() { return delayMs; }

  public BooleanProperty backoffProperty() { return backoff; }

  public StringProperty maxDelayMsProperty() { return maxDelayMs; }

  public StringProperty factorProperty() { return factor; }

  public ObjectProperty<Jitter> jitterProperty() { return jitter; }

  public StringProperty jitterFactorProperty() { return jitterFactor; }

  public BooleanProperty honourRetryAfterProperty() { return honourRetryAfter; }

  public StringProperty retryAfterCapMsProperty() { return retryAfterCapMs; }

  public KindSet retryOn() { return retryOn; }

  public KindSet abortOn() { return abortOn; }

  public KindSet retryOnResult() { return retryOnResult; }

  @Override
  void load(RetrySpec spec) {
    onProperty().set(spec != null);
    RetrySpec s = spec == null ? RetrySpec.defaults() : spec;
    maxAttempts.set(Integer.toString(s.maxAttempts()));
    maxTotalMs.set(Fields.ms(s.maxTotalDuration()));
    delayMs.set(Fields.ms(s.delay()));
    backoff.set(s.backoff() != null);
    BackoffSpec b = s.backoff() == null ? BackoffSpec.upTo(BackoffSpec.DEFAULT_MAX_DELAY) : s.backoff();
    maxDelayMs.set(Fields.ms(b.maxDelay()));
    factor.set(Fields.num(b.factor()));
    jitter.set(s.jitter());
    jitterFactor.set(Fields.num(s.jitterFactor()));
    honourRetryAfter.set(s.honourRetryAfter());
    retryAfterCapMs.set(Fields.ms(s.retryAfterCap()));
    retryOn.load(s.retryOn());
    abortOn.load(s.abortOn());
    retryOnResult.load(s.retryOnResult());
  }

  @Override
  RetrySpec build(Errors errors) {
    if (!onProperty().get()) return null;
    Integer attempts = Fields.whole(maxAttempts.get(), "maxAttempts", MAX_ATTEMPTS, errors);
    Duration total = Fields.millis(maxTotalMs.get(), "maxTotalDuration", MAX_TOTAL, errors);
    Duration delay = Fields.millis(delayMs.get(), "delay", DELAY, errors);
    BackoffSpec back = null;
    if (backoff.get()) {
      Duration max = Fields.millis(maxDelayMs.get(), "maxDelay", MAX_DELAY, errors);
      Double f = Fields.number(factor.get(), "factor", FACTOR, errors);
      if (max != null && f != null)
        back = errors.build(() -> new BackoffSpec(max, f), Errors.byPrefix(SECTION, "maxDelay", MAX_DELAY, "backoff factor", FACTOR));
    }
    Double jf = Fields.number(jitterFactor.get(), "jitterFactor", JITTER_FACTOR, errors);
    Duration cap = Fields.millis(retryAfterCapMs.get(), "retryAfterCap", RETRY_AFTER_CAP, errors);
    if (errors.any(SECTION + ".")) return null;
    BackoffSpec b = back;
    return errors.build(() -> new RetrySpec(attempts, total, delay, b, jitter.get(), jf, honourRetryAfter.get(), cap,
        retryOn.get(), abortOn.get(), retryOnResult.get()), RetryForm::fieldOf);
  }

  /** The field a {@link RetrySpec} message is about, by the name it starts with. */
  private static String fieldOf(String message) {
    if (message.contains("cannot be in both retryOn and abortOn")) return ABORT_ON;
    return Errors.byPrefix(SECTION, "maxAttempts", MAX_ATTEMPTS, "maxTotalDuration", MAX_TOTAL, "maxDelay", MAX_DELAY,
        "backoff factor", FACTOR, "delay", DELAY, "jitterFactor", JITTER_FACTOR, "jitter", JITTER,
        "retryAfterCap", RETRY_AFTER_CAP, "retryOnResult", RETRY_ON_RESULT, "retryOn", RETRY_ON, "abortOn", ABORT_ON)
        .apply(message);
  }

  @Override
  List<Observable> observables() {
    List<Observable> all = new ArrayList<>(List.of(onProperty(), maxAttempts, maxTotalMs, delayMs, backoff,
        maxDelayMs, factor, jitter, jitterFactor, honourRetryAfter, retryAfterCapMs));
    all.addAll(retryOn.observables());
    all.addAll(abortOn.observables());
    all.addAll(retryOnResult.observables());
    return all;
  }
}
