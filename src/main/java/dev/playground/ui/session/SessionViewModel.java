package dev.playground.ui.session;

import dev.playground.common.Causes;
import dev.playground.faults.FaultPlan;
import dev.playground.policy.PolicySet;
import dev.playground.scenario.LoadSpec;
import dev.playground.scenario.Scenario;
import dev.playground.scenario.StorySchedule;
import dev.playground.session.ClockMode;
import dev.playground.session.ProviderChoice;
import dev.playground.session.Replay;
import dev.playground.session.RunInfo;
import dev.playground.session.Session;
import dev.playground.session.SessionListener;
import dev.playground.session.SessionSettings;
import dev.playground.session.Speed;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.LongSupplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The top bar's state and what the rest of the window needs to know about the session: the preset, the clock
 * and speed, the provider (with the real endpoint's form and its validation), the open run or the replay, the
 * policies and faults in force, and notices to show. Not thread-safe: FX thread; the session's reports arrive
 * through {@link #listener()}, which hands them over with the {@code fxThread} executor.
 */
public final class SessionViewModel {
  /** A message to show briefly; a new object each time, so listeners fire even for the same text. */
  public record Notice(long seq, String message) {}

  private final Session session;
  private final Executor fxThread;
  private final boolean keySet;
  private final ObservableList<Scenario> presets = FXCollections.observableArrayList();
  private final ReadOnlyObjectWrapper<Scenario> preset = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<ClockMode> clock = new ReadOnlyObjectWrapper<>();
  private final ObjectProperty<Speed> speed = new SimpleObjectProperty<>();
  private final ReadOnlyObjectWrapper<ProviderChoice> provider = new ReadOnlyObjectWrapper<>();
  private final StringProperty baseUrlText = new SimpleStringProperty("https://api.openai.com/v1");
  private final StringProperty modelText = new SimpleStringProperty("gpt-4o-mini");
  private final ReadOnlyStringWrapper baseUrlError = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper modelError = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper providerMessage = new ReadOnlyStringWrapper("");
  private final ReadOnlyObjectWrapper<RunInfo> run = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<Replay> replay = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<Scenario> scenario = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<PolicySet> policies = new ReadOnlyObjectWrapper<>();
  private final ObservableMap<String, FaultPlan> faults = FXCollections.observableHashMap();
  private final ObservableMap<String, Duration> breakerDelays = FXCollections.observableHashMap();
  private final ReadOnlyBooleanWrapper starting = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper scenarioLoad = new ReadOnlyStringWrapper("");
  private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<StorySchedule> story = new ReadOnlyObjectWrapper<>(new StorySchedule(List.of(), 0));
  private final ReadOnlyLongWrapper storyStartMs = new ReadOnlyLongWrapper(-1);
  private final ReadOnlyLongWrapper scenarioNowMs = new ReadOnlyLongWrapper(-1);
  private LongSupplier runClock; // null during a replay
  private long notices;

  /**
   * @param env reads the environment, only to say whether the key is set ({@code System::getenv} in the app)
   */
  public SessionViewModel(Session session, Executor fxThread, Function<String, String> env) {
    this.session = Objects.requireNonNull(session, "session");
    this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
    String key = env.apply(ProviderChoice.KEY_ENV);
    this.keySet = key != null && !key.isBlank();
    SessionSettings s = session.settings();
    preset.set(s.scenario());
    clock.set(s.clock());
    speed.set(s.speed());
    provider.set(s.provider());
    speed.addListener((o, a, b) -> {
      if (b != null) session.setSpeed(b);
    });
  }

  /** Hands the session's reports over to this model on the FX thread. */
  public SessionListener listener() {
    return new SessionListener() {
      @Override
      public void runOpened(RunInfo info) {
        fxThread.execute(() -> opened(info));
      }

      @Override
      public void runFailed(String message) {
        fxThread.execute(() -> {
          starting.set(false);
          notice(message);
        });
      }

      @Override
      public void replayOpened(Replay r) {
        fxThread.execute(() -> replayed(r));
      }

      @Override
      public void policiesChanged(PolicySet p, Map<String, Duration> delays) {
        fxThread.execute(() -> {
          policies.set(p);
          breakerDelays.putAll(delays);
        });
      }

      @Override
      public void faultsChanged(String name, FaultPlan plan) {
        fxThread.execute(() -> faults.put(name, plan));
      }

      @Override
      public void storyStarted(long runMillis) {
        fxThread.execute(() -> storyStartMs.set(runMillis));
      }
    };
  }

  public Session session() { return session; }

  /** Every preset, for the picker (filled once they are loaded). */
  public ObservableList<Scenario> presets() { return presets; }

  /** The preset picked last (as shipped, without the user's changes). */
  public ReadOnlyObjectProperty<Scenario> presetProperty() { return preset.getReadOnlyProperty(); }

  public ReadOnlyObjectProperty<ClockMode> clockProperty() { return clock.getReadOnlyProperty(); }

  /** The fast-forward speed; setting it changes a playing run at once. */
  public ObjectProperty<Speed> speedProperty() { return speed; }

  public ReadOnlyObjectProperty<ProviderChoice> providerProperty() { return provider.getReadOnlyProperty(); }

  /** The real endpoint's base URL as typed. */
  public StringProperty baseUrlTextProperty() { return baseUrlText; }

  /** The real endpoint's model as typed. */
  public StringProperty modelTextProperty() { return modelText; }

  /** Why the typed base URL is refused; "" when it is fine. */
  public ReadOnlyStringProperty baseUrlErrorProperty() { return baseUrlError.getReadOnlyProperty(); }

  public ReadOnlyStringProperty modelErrorProperty() { return modelError.getReadOnlyProperty(); }

  /** Why the provider could not be changed (no key, fast-forward …); "" when it could. */
  public ReadOnlyStringProperty providerMessageProperty() { return providerMessage.getReadOnlyProperty(); }

  /** True if {@code OPENAI_API_KEY} is set (its value is never read into the UI). */
  public boolean keySet() { return keySet; }

  /** The sentence the provider form shows about the key. */
  public String keyStatus() {
    return keySet
        ? ProviderChoice.KEY_ENV + " is set: requests to the endpoint carry it (it is never shown, logged or saved)."
        : ProviderChoice.KEY_ENV + " is not set: a real endpoint cannot be used. Set it in the environment and "
            + "restart the app; the key is never typed in here.";
  }

  /** The open run, or null while a run starts, after a failure, or during a replay. */
  public ReadOnlyObjectProperty<RunInfo> runProperty() { return run.getReadOnlyProperty(); }

  /** The replayed run log shown, or null. */
  public ReadOnlyObjectProperty<Replay> replayProperty() { return replay.getReadOnlyProperty(); }

  /** The scenario that runs (for a real endpoint, its proxy form). */
  public ReadOnlyObjectProperty<Scenario> scenarioProperty() { return scenario.getReadOnlyProperty(); }

  /** The policies in force in the open run. */
  public ReadOnlyObjectProperty<PolicySet> policiesProperty() { return policies.getReadOnlyProperty(); }

  /** The fault plan of each provider that can be broken, as last applied. */
  public ObservableMap<String, FaultPlan> faults() { return faults; }

  /** Each breaker's OPEN delay, for the countdown to half-open. */
  public ObservableMap<String, Duration> breakerDelays() { return breakerDelays; }

  /** True from asking for a run until it is open. */
  public ReadOnlyBooleanProperty startingProperty() { return starting.getReadOnlyProperty(); }

  /** What the scenario's own load sends: "120 requests at 2/s". */
  public ReadOnlyStringProperty scenarioLoadProperty() { return scenarioLoad.getReadOnlyProperty(); }

  public ReadOnlyObjectProperty<Notice> noticeProperty() { return notice.getReadOnlyProperty(); }

  /** The open run's story: its timed faults and its length. */
  public ReadOnlyObjectProperty<StorySchedule> storyProperty() { return story.getReadOnlyProperty(); }

  /** When the story started on the run clock (ms), or -1 while its timed faults wait for "Run scenario". */
  public ReadOnlyLongProperty storyStartMsProperty() { return storyStartMs.getReadOnlyProperty(); }

  /** The open run's clock (scenario time, ms) as of the last {@link #tick()}; -1 without a run. */
  public ReadOnlyLongProperty scenarioNowMsProperty() { return scenarioNowMs.getReadOnlyProperty(); }

  /** The open run's clock, read now (ms); -1 without a run. Any thread. */
  public long readClock() {
    LongSupplier c = runClock;
    return c == null ? -1 : c.getAsLong();
  }

  /** Reads the run clock into {@link #scenarioNowMsProperty()} (the top bar calls it a few times a second). */
  public void tick() {
    scenarioNowMs.set(readClock());
  }

  public void setPresets(List<Scenario> all) {
    presets.setAll(all);
  }

  /** Opens the session's first run. */
  public void start() {
    follow(session.start());
  }

  /** Loads a preset as shipped into a fresh run. */
  public void pick(Scenario p) {
    if (p == null) return;
    preset.set(p);
    follow(session.pick(p));
  }

  /** Switches between live and fast-forward (a fresh run); refused with a notice for a real endpoint. */
  public void setClock(ClockMode mode) {
    if (mode == null || mode == clock.get()) return;
    if (follow(session.setClock(mode))) clock.set(mode);
  }

  /** Back to the built-in simulated provider (a fresh run). */
  public void useSimulated() {
    providerMessage.set("");
    if (provider.get().isSimulated()) return;
    if (follow(session.setProvider(ProviderChoice.simulated()))) provider.set(ProviderChoice.simulated());
  }

  /**
   * Points the session at the typed endpoint (a fresh run). Bad input is marked on its field and nothing
   * changes; without a key, or in fast-forward, it is refused with a message.
   */
  public boolean useRealEndpoint() {
    ProviderChoice choice;
    baseUrlError.set("");
    modelError.set("");
    providerMessage.set("");
    try {
      ProviderChoice.parseBaseUrl(baseUrlText.get());
    } catch (IllegalArgumentException e) {
      baseUrlError.set(e.getMessage());
    }
    try {
      ProviderChoice.checkModel(modelText.get());
    } catch (IllegalArgumentException e) {
      modelError.set(e.getMessage());
    }
    if (!baseUrlError.get().isEmpty() || !modelError.get().isEmpty()) return false;
    choice = ProviderChoice.real(baseUrlText.get(), modelText.get());
    if (!keySet) {
      providerMessage.set(keyStatus());
      return false;
    }
    CompletableFuture<RunInfo> f = session.setProvider(choice);
    if (f.isCompletedExceptionally()) {
      providerMessage.set(f.handle((v, e) -> Causes.message(e)).join());
      return false;
    }
    follow(f);
    provider.set(choice);
    return true;
  }

  /** Leaves a replay: a fresh live run of the current settings. */
  public void backToLive() {
    follow(session.backToLive());
  }

  /** Shows {@code message} as a notice. */
  public void notice(String message) {
    notice.set(new Notice(++notices, message));
  }

  /** Watches a run being opened; false (and a notice) if it was refused at once. */
  private boolean follow(CompletableFuture<RunInfo> opening) {
    if (opening.isCompletedExceptionally()) {
      notice(opening.handle((v, e) -> Causes.message(e)).join());
      return false;
    }
    starting.set(true);
    return true;
  }

  private void opened(RunInfo info) {
    starting.set(false);
    replay.set(null);
    run.set(info);
    scenario.set(info.scenario());
    policies.set(info.scenario().policies());
    faults.clear();
    faults.putAll(info.breakable());
    breakerDelays.clear();
    breakerDelays.putAll(info.breakerDelays());
    scenarioLoad.set(describe(info.scenario().load()));
    story.set(StorySchedule.of(info.scenario()));
    storyStartMs.set(info.storyStartMs());
    runClock = info.clockMillis();
    tick();
    clock.set(info.settings().clock());
    provider.set(info.settings().provider());
  }

  private void replayed(Replay r) {
    starting.set(false);
    run.set(null);
    runClock = null;
    story.set(new StorySchedule(List.of(), 0));
    storyStartMs.set(-1);
    tick();
    breakerDelays.clear();
    breakerDelays.putAll(r.breakerDelays());
    replay.set(r);
  }

  /** "120 requests at 2/s" or "24 requests, 2 at a time". */
  static String describe(LoadSpec load) {
    String n = load.requests() + (load.requests() == 1 ? " request" : " requests");
    if (load.byRate()) {
      double r = load.ratePerSecond();
      return n + " at " + (r == Math.rint(r) ? Long.toString((long) r) : String.format(Locale.ROOT, "%.2f", r)) + "/s";
    }
    return n + ", " + load.concurrency() + " at a time";
  }
}
