package dev.playground.ui.policies;

import dev.playground.policy.Jitter;
import dev.playground.policy.PolicyJson;
import dev.playground.policy.PolicySet;
import dev.playground.policy.RetrySpec;
import dev.playground.policy.SchedulePreview;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * The Policies panel's logic: a form per spec, validated after every edit by the specs' own constructors (each
 * problem on the field it is about), Apply through the registered callback, Revert to the last applied set, the
 * set's JSON both ways, and a one-line preview of the retry's waits. Not thread-safe: call on the FX thread
 * (tests: one thread).
 */
public final class PoliciesViewModel {
  private final ChainForm chain = new ChainForm();
  private final RetryForm retry = new RetryForm();
  private final BreakerForm breaker = new BreakerForm();
  private final TimeoutForm timeout = new TimeoutForm();
  private final BulkheadForm bulkhead = new BulkheadForm();
  private final RateLimiterForm rateLimiter = new RateLimiterForm();
  private final CacheForm cache = new CacheForm();
  private final LadderForm ladder = new LadderForm();
  private final List<SpecForm<?>> forms = List.of(chain, retry, breaker, timeout, bulkhead, rateLimiter, cache, ladder);

  private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
  // one wrapper, kept: a wrapper passes changes on through a weak listener, so a dropped one goes quiet
  private final ObservableMap<String, String> errorsView = FXCollections.unmodifiableObservableMap(errors);
  private final ReadOnlyObjectWrapper<PolicySet> applied = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<PolicySet> current = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper json = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper jsonCaption = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper schedule = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper statusIsError = new ReadOnlyBooleanWrapper();
  private final StringProperty pasteText = new SimpleStringProperty("");
  private final ReadOnlyStringWrapper pasteProblem = new ReadOnlyStringWrapper("");
  private Map<String, String> lastErrors = Map.of(); // in the order found, for "the first"
  private Consumer<PolicySet> onApply;
  private long seed;
  private boolean loading;

  public PoliciesViewModel() {
    InvalidationListener edited = o -> {
      if (!loading) validate();
    };
    for (SpecForm<?> f : forms) for (Observable o : f.observables()) o.addListener(edited);
    pasteText.addListener((o, a, b) -> pasteProblem.set(""));
    validate();
  }

  public ChainForm chain() { return chain; }

  public RetryForm retry() { return retry; }

  public BreakerForm breaker() { return breaker; }

  public TimeoutForm timeout() { return timeout; }

  public BulkheadForm bulkhead() { return bulkhead; }

  public RateLimiterForm rateLimiter() { return rateLimiter; }

  public CacheForm cache() { return cache; }

  public LadderForm ladder() { return ladder; }

  /** Problems by field key (e.g. {@link RetryForm#MAX_DELAY}), each with the spec's own message. Read-only. */
  public ObservableMap<String, String> errors() { return errorsView; }

  /** The set last applied (or given by the run), or null before any. */
  public ReadOnlyObjectProperty<PolicySet> appliedProperty() { return applied.getReadOnlyProperty(); }

  /** The set the form holds, or null while a field is wrong. */
  public ReadOnlyObjectProperty<PolicySet> currentProperty() { return current.getReadOnlyProperty(); }

  /** True when the form differs from the applied set (or cannot be built). */
  public ReadOnlyBooleanProperty dirtyProperty() { return dirty.getReadOnlyProperty(); }

  public ReadOnlyStringProperty jsonProperty() { return json.getReadOnlyProperty(); }

  public ReadOnlyStringProperty jsonCaptionProperty() { return jsonCaption.getReadOnlyProperty(); }

  /** The retry's waits if every attempt fails, in one line; "" when retry is off or wrong. */
  public ReadOnlyStringProperty scheduleProperty() { return schedule.getReadOnlyProperty(); }

  public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }

  public ReadOnlyBooleanProperty statusIsErrorProperty() { return statusIsError.getReadOnlyProperty(); }

  public StringProperty pasteTextProperty() { return pasteText; }

  public ReadOnlyStringProperty pasteProblemProperty() { return pasteProblem.getReadOnlyProperty(); }

  // ---- what the wiring calls

  /** The set in force (a run started, a preset was loaded): the form shows it and Revert comes back to it. */
  public void setPolicies(PolicySet set) {
    applied.set(Objects.requireNonNull(set, "set"));
    load(set);
    status.set("");
  }

  /** The run's providers and their models, for the chain's add row and its check. */
  public void setProviders(Map<String, List<String>> byName) {
    chain.setProviders(byName);
    validate();
  }

  /** The run's seed, for the schedule line (the waits of its first request). */
  public void setSeed(long runSeed) {
    seed = runSeed;
    validate();
  }

  /** Called with each set the user applies. */
  public void onApply(Consumer<PolicySet> callback) {
    onApply = callback;
  }

  // ---- what the user does

  /** Builds the whole set; hands it to the callback only if every field is right. */
  public boolean apply() {
    validate();
    PolicySet set = current.get();
    if (set == null) {
      String first = lastErrors.values().iterator().next();
      int n = lastErrors.size();
      return fail("Not applied: " + (n == 1 ? first : n + " problems; the first: " + first));
    }
    if (onApply == null) return fail("Not applied: no run is connected.");
    try {
      onApply.accept(set);
    } catch (RuntimeException e) {
      return fail("Not applied: " + e.getMessage());
    }
    applied.set(set);
    status.set("Applied: requests from now on use these policies.");
    statusIsError.set(false);
    validate();
    return true;
  }

  /** The form goes back to the last applied set. */
  public void revert() {
    if (applied.get() == null) return;
    load(applied.get());
    status.set("Back to the applied policies.");
    statusIsError.set(false);
  }

  /** Reads the pasted JSON as {@link PolicyJson} does; a good set fills the form (Apply puts it in force). */
  public boolean loadPasted() {
    PolicySet set;
    try {
      set = PolicyJson.read(pasteText.get());
    } catch (IllegalArgumentException e) {
      pasteProblem.set(e.getMessage());
      return false;
    }
    load(set);
    pasteText.set("");
    status.set("Pasted policies loaded: press Apply to put them in force.");
    statusIsError.set(false);
    return true;
  }

  // ---- internals

  private void load(PolicySet set) {
    loading = true;
    try {
      chain.load(set.chain());
      retry.load(set.retry());
      breaker.load(set.breaker());
      timeout.load(set.timeout());
      bulkhead.load(set.bulkhead());
      rateLimiter.load(set.rateLimiter());
      cache.load(set.cache());
      ladder.load(set.ladder());
    } finally {
      loading = false;
    }
    validate();
  }

  /** Builds every spec, then the set; records each problem on its field. */
  void validate() {
    Errors e = new Errors();
    var c = chain.build(e);
    var r = retry.build(e);
    var b = breaker.build(e);
    var t = timeout.build(e);
    var bh = bulkhead.build(e);
    var rl = rateLimiter.build(e);
    var ca = cache.build(e);
    var l = ladder.build(e);
    PolicySet set = e.isEmpty()
        ? e.build(() -> new PolicySet(c, r, b, t, bh, rl, ca, l), Errors.byPrefix(LadderForm.CACHED)) : null;
    lastErrors = new LinkedHashMap<>(e.asMap());
    if (!errors.equals(e.asMap())) {
      errors.keySet().retainAll(e.asMap().keySet());
      errors.putAll(e.asMap());
    }
    current.set(set);
    dirty.set(set == null || !set.equals(applied.get()));
    if (set != null) {
      json.set(PolicyJson.write(set));
      jsonCaption.set(dirty.get() ? "Your edits (not applied yet):" : "The policies in force:");
    } else {
      json.set(applied.get() == null ? "" : PolicyJson.write(applied.get()));
      jsonCaption.set("The policies in force (your edits have a problem):");
    }
    schedule.set(r == null ? "" : schedule(r));
  }

  private String schedule(RetrySpec spec) {
    if (spec.maxAttempts() == 1) return "One attempt: no retry.";
    SchedulePreview p = SchedulePreview.of(spec, seed, 0, 0);
    String waits = p.delays().stream().map(PoliciesViewModel::seconds).collect(Collectors.joining(", "));
    if (p.attempts() == 1) return "Retries nothing: no kind is checked under Retry on.";
    return "If every attempt fails: waits " + waits + "; attempt " + p.attempts() + " starts at " + seconds(p.total())
        + (spec.jitter() == Jitter.NONE ? "." : " (seeded jitter, first request).");
  }

  /** 850 ms, 2 s, 2.5 s. */
  static String seconds(Duration d) {
    long ms = d.toMillis();
    if (ms < 1000) return ms + " ms";
    return (ms % 1000 == 0 ? Long.toString(ms / 1000) : String.format(Locale.ROOT, "%.1f", ms / 1000.0)) + " s";
  }

  private boolean fail(String message) {
    status.set(message);
    statusIsError.set(true);
    return false;
  }
}
