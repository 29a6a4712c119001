package dev.playground.ui.policies;

import dev.playground.policy.CacheSpec;
import java.time.Duration;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The response cache's form. Its switch is the spec's {@code enabled}: a set that carried a disabled cache
 * gets that same spec back while the switch stays off. Not thread-safe: FX thread.
 */
public final class CacheForm extends SpecForm<CacheSpec> {
  public static final String TTL = "cache.ttl";
  public static final String MAX_SIZE = "cache.maxSize";
  public static final String CHECK_FIRST = "cache.checkFirst";

  private final StringProperty ttlMs = new SimpleStringProperty();
  private final StringProperty maxSize = new SimpleStringProperty();
  private final BooleanProperty checkFirst = new SimpleBooleanProperty();
  private CacheSpec disabled;

  public CacheForm() {
    load(null);
  }

  public StringProperty ttlMsProperty() { return ttlMs; }

  public StringProperty maxSizeProperty() { return maxSize; }

  public BooleanProperty checkFirstProperty() { return checkFirst; }

  @Override
  void load(CacheSpec spec) {
    onProperty().set(spec != null && spec.enabled());
    disabled = spec != null && !spec.enabled() ? spec : null;
    CacheSpec s = spec == null ? CacheSpec.defaults() : spec;
    ttlMs.set(Fields.ms(s.ttl()));
    maxSize.set(Integer.toString(s.maxSize()));
    checkFirst.set(s.checkFirst());
  }

  @Override
  CacheSpec build(Errors errors) {
    if (!onProperty().get()) return disabled;
    Duration ttl = Fields.millis(ttlMs.get(), "ttl", TTL, errors);
    Integer size = Fields.whole(maxSize.get(), "maxSize", MAX_SIZE, errors);
    if (ttl == null || size == null) return null;
    return errors.build(() -> new CacheSpec(true, ttl, size, checkFirst.get()),
        Errors.byPrefix(TTL, "ttl", TTL, "maxSize", MAX_SIZE, "checkFirst", CHECK_FIRST));
  }

  @Override
  List<Observable> observables() {
    return List.of(onProperty(), ttlMs, maxSize, checkFirst);
  }
}
