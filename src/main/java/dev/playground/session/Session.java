package dev.playground.session;

import dev.playground.common.Causes;
import dev.playground.common.DaemonThreads;
import dev.playground.events.RunEvent;
import dev.playground.policy.ManagedBreaker;
import dev.playground.scenario.LoadSpec;
import dev.playground.scenario.Scenario;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The window's engine side: one running {@link dev.playground.scenario.ScenarioRun} at a time (a preset with the
 * user's changes, live or fast-forwarded, on the simulated provider or a real endpoint behind the chaos proxy),
 * or a replayed run log instead. Its events go to the window's consumer; opening another run closes the one
 * before ({@code run_finished}). Changes to the open run go through {@link #edits()}, files through
 * {@link #exports()}. Thread-safe; nothing here blocks the caller: runs start and stop on the session's own
 * thread, files are read and written on another.
 */
public final class Session implements PlaygroundActions, AutoCloseable {
  /** What {@code faults_changed} names when the engine's own retriever and cache were broken. */
  public static final String ENGINE = "engine";

  private final Consumer<? super RunEvent> window;
  private volatile SessionListener listener;
  private final Function<String, String> env;
  private final Path logDir;
  private final ExecutorService sessionThread = DaemonThreads.single("playground-session");
  private final ExecutorService files = DaemonThreads.single("playground-files");
  private final ExecutorService asks = DaemonThreads.cached("playground-ask");
  private final Object lock = new Object();
  private final LiveEdits edits = new LiveEdits(this);
  private final Exports exports;
  private SessionSettings settings; // guarded by lock
  private long runs; // session thread only
  private boolean closed; // guarded by lock
  /** What prompts wait on before the first run is asked for; then follows it. */
  private final CompletableFuture<RunHandle> firstRun = new CompletableFuture<>();
  private volatile CompletableFuture<RunHandle> current = firstRun;
  private volatile Replay replay;
  private volatile RunHandle openRun; // written on the session thread only

  /**
   * A session whose settings come later ({@link #initialize}, or the first {@link #open}); prompts sent before its
   * first run opens wait for it.
   *
   * @param window where every event of the open run goes (the window's batcher), from any thread
   * @param env reads the environment: the API key of a real endpoint ({@code System::getenv} in the app)
   * @param logDir where each run's log is written
   */
  public Session(Consumer<? super RunEvent> window, SessionListener listener, Function<String, String> env,
      Path logDir) {
    this.window = Objects.requireNonNull(window, "window");
    this.listener = listener == null ? new SessionListener() {} : listener;
    this.env = Objects.requireNonNull(env, "env");
    this.logDir = Objects.requireNonNull(logDir, "logDir");
    this.exports = new Exports(this, files);
  }

  /** A session that starts with {@code initial} ({@link #start()} opens its first run). */
  public Session(SessionSettings initial, Consumer<? super RunEvent> window, SessionListener listener,
      Function<String, String> env, Path logDir) {
    this(window, listener, env, logDir);
    this.settings = Objects.requireNonNull(initial, "initial");
  }

  /**
   * The settings the first run starts with, once they are known (the window is built meanwhile).
   *
   * @throws IllegalStateException when the session already has settings
   */
  public void initialize(SessionSettings initial) {
    Objects.requireNonNull(initial, "initial");
    synchronized (lock) {
      if (settings != null) throw new IllegalStateException("the session already has its settings");
      settings = initial;
    }
  }

  /** Who is told what the session does (replaces the one given at construction). */
  public void setListener(SessionListener listener) {
    this.listener = listener == null ? new SessionListener() {} : listener;
  }

  /** Changes to the open run: faults, the engine's faults, policies. */
  public LiveEdits edits() {
    return edits;
  }

  /** The run shown, as files: run log, CSV, charts, HTML report. */
  public Exports exports() {
    return exports;
  }

  /** The settings the next run starts with (also those of the open run, if any); null before the first. */
  public SessionSettings settings() {
    synchronized (lock) {
      return settings;
    }
  }

  /** Opens a run of the current settings. */
  public CompletableFuture<RunInfo> start() {
    SessionSettings s = settings();
    if (s == null) return CompletableFuture.failedFuture(new IllegalStateException("the session has no settings yet"));
    return open(s);
  }

  /**
   * Closes the open run (or leaves the replay) and opens one with {@code next}. Settings that cannot run (no
   * API key for a real endpoint) are refused before anything changes.
   */
  public CompletableFuture<RunInfo> open(SessionSettings next) {
    return open(next, true);
  }

  /** As {@link #open(SessionSettings)}; with {@code storyOnCue} the scenario's timed faults wait for a load. */
  private CompletableFuture<RunInfo> open(SessionSettings next, boolean storyOnCue) {
    Objects.requireNonNull(next, "next");
    try {
      checkRunnable(next);
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(e);
    }
    CompletableFuture<RunHandle> handle = new CompletableFuture<>();
    CompletableFuture<RunInfo> opened = new CompletableFuture<>();
    synchronized (lock) {
      if (closed) return CompletableFuture.failedFuture(new IllegalStateException("the session is closed"));
      settings = next;
      switchTo(handle, () -> {
        closeOpenRun();
        replay = null;
        try {
          RunHandle started = RunHandle.start(++runs, next, logDir.resolve(fileName(runs, next)), window, asks, env,
              storyOnCue);
          openRun = started;
          RunInfo info = RunInfo.of(started);
          listener.runOpened(info);
          handle.complete(started);
          opened.complete(info);
        } catch (RuntimeException e) {
          listener.runFailed("could not start " + next.scenario().name() + ": " + Causes.message(e));
          handle.completeExceptionally(e);
          opened.completeExceptionally(e);
        }
      });
    }
    return opened;
  }

  /** Fresh run of the same settings (scenario time from 0). */
  public CompletableFuture<RunInfo> restart() {
    return start();
  }

  /** Loads a preset (its policies and faults, not the user's changes) into a fresh run. */
  public CompletableFuture<RunInfo> pick(Scenario preset) {
    return reopenWith(s -> s.withScenario(preset));
  }

  public CompletableFuture<RunInfo> setClock(ClockMode clock) {
    return reopenWith(s -> s.withClock(clock));
  }

  public CompletableFuture<RunInfo> setProvider(ProviderChoice provider) {
    return reopenWith(s -> s.withProvider(provider));
  }

  private CompletableFuture<RunInfo> reopenWith(UnaryOperator<SessionSettings> change) {
    SessionSettings next;
    try {
      next = change.apply(settings());
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(e);
    }
    return open(next);
  }

  /** Changes the fast-forward speed, also while a run plays. */
  public void setSpeed(Speed speed) {
    updateSettings(s -> s.withSpeed(speed));
    RunHandle h = openRun;
    if (h != null) h.setSpeed(speed);
  }

  /** The open run's number and state, or null while none is open. */
  public RunInfo runInfo() {
    RunHandle h = openRun;
    return h == null ? null : RunInfo.of(h);
  }

  /** The replay being viewed, or null. */
  public Replay replay() {
    return replay;
  }

  /** The open run's breakers by "provider/model" (manual open / close / half-open), or none. */
  public Map<String, ManagedBreaker> breakers() {
    RunHandle h = openRun;
    return h == null ? Map.of() : h.run.client().breakers();
  }

  @Override
  public CompletableFuture<AnswerView> ask(String prompt) {
    return current.thenCompose(h -> h.ask(prompt));
  }

  /**
   * Sends {@code count} of the scenario's prompts, {@code concurrency} at a time, in the open run (its story, if
   * it waits, keeps waiting: only "Run scenario" starts it).
   */
  @Override
  public CompletableFuture<Void> startLoad(int count, int concurrency, LoadProgress progress) {
    return current.thenCompose(h -> {
      LoadSpec spec = new LoadSpec(count, concurrency, 0, h.scenario.load().prompts(), false);
      return h.startLoad(spec, progress, false);
    });
  }

  /**
   * Starts the scenario afresh (a new run, scenario time from 0) and sends its own load: its story (the timed
   * faults) starts with it.
   */
  @Override
  public CompletableFuture<Void> startScenarioLoad(LoadProgress progress) {
    SessionSettings s = settings();
    if (s == null) return CompletableFuture.failedFuture(new IllegalStateException("the session has no settings yet"));
    return open(s, true).thenCompose(info -> current.thenCompose(h -> {
      CompletableFuture<Void> done = h.startLoad(h.scenario.load(), progress, true);
      listener.storyStarted(h.run.storyStartMs());
      return done;
    }));
  }

  @Override
  public void stop() {
    RunHandle h = openRun;
    if (h != null) h.stopLoad();
  }

  /**
   * Shows a saved run log instead of the open run: the run is closed, the log is read off the FX thread and its
   * events go to the window. Completes with the reader's warnings (a cut last line); a file that is not a run
   * log fails with the reader's one-sentence message.
   */
  @Override
  public CompletableFuture<List<String>> openRun(Path file) {
    return CompletableFuture.supplyAsync(() -> Replay.read(file), files).thenCompose(r -> {
      CompletableFuture<List<String>> shown = new CompletableFuture<>();
      synchronized (lock) {
        if (closed) return CompletableFuture.failedFuture(new IllegalStateException("the session is closed"));
        switchTo(noRun("viewing the replay of " + file.getFileName() + ": go back to live to send prompts"), () -> {
          closeOpenRun();
          replay = r;
          listener.replayOpened(r);
          r.log().events().forEach(window);
          shown.complete(r.log().warnings());
        });
      }
      return shown;
    });
  }

  /** Leaves the replay: a fresh run of the current settings. */
  public CompletableFuture<RunInfo> backToLive() {
    return restart();
  }

  /** Closes the open run (run_finished, providers stopped) and the session's threads. Waits at most 10 s. */
  @Override
  public void close() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    synchronized (lock) {
      if (closed) return;
      closed = true;
      switchTo(noRun("the session is closed"), () -> {
        closeOpenRun();
        done.complete(null);
      });
    }
    try {
      done.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      // closing is best effort: the threads are daemons and the providers' ports go with the process
    }
    sessionThread.shutdownNow();
    files.shutdownNow();
    asks.shutdownNow();
  }

  // --- for LiveEdits and Exports -----------------------------------------------------------------------------

  SessionListener listener() {
    return listener;
  }

  ExecutorService sessionThread() {
    return sessionThread;
  }

  /** The run prompts go to (or will, once it has started); fails while a replay is shown. */
  CompletableFuture<RunHandle> current() {
    return current;
  }

  /** The open run, or null while none is. */
  RunHandle openRun() {
    return openRun;
  }

  /** The open run, or a one-sentence reason why there is none. */
  RunHandle requireOpen() {
    RunHandle h = openRun;
    if (h != null) return h;
    Replay r = replay;
    throw new IllegalStateException(r != null
        ? "a replay is shown (" + r.name() + "): go back to live first"
        : "no run is open yet: wait a moment and try again");
  }

  /** Fails when {@code h} is no longer the open run (another opened meanwhile). */
  void stillOpen(RunHandle h) {
    if (h != openRun) throw new IllegalStateException("the run changed before the change could be applied; try again");
  }

  /** Changes the settings the next runs start with, atomically. */
  void updateSettings(UnaryOperator<SessionSettings> change) {
    synchronized (lock) {
      settings = change.apply(settings);
    }
  }

  // ----------------------------------------------------------------------------------------------------------

  /**
   * Makes {@code next} the run that prompts go to and queues the work that gets there. Called under the lock,
   * and never after {@link #close}, so the session thread runs these in the order the runs were asked for.
   */
  private void switchTo(CompletableFuture<RunHandle> next, Runnable work) {
    if (!firstRun.isDone()) next.whenComplete((h, e) -> {
      if (e != null) firstRun.completeExceptionally(e);
      else firstRun.complete(h);
    });
    current = next;
    sessionThread.execute(work);
  }

  /** Session thread only. */
  private void closeOpenRun() {
    RunHandle h = openRun;
    openRun = null;
    if (h != null) h.close();
  }

  private void checkRunnable(SessionSettings next) {
    if (next.provider().isSimulated()) return;
    String key = env.apply(ProviderChoice.KEY_ENV);
    if (key == null || key.isBlank())
      throw new IllegalArgumentException(ProviderChoice.KEY_ENV + " is not set: set it in the environment and "
          + "restart the app to use a real endpoint (the key is never typed in here). Still on the simulated provider.");
    next.effectiveScenario(); // the proxy form must be valid too
  }

  private static String fileName(long number, SessionSettings s) {
    return String.format(Locale.ROOT, "run-%03d-%s-%s.jsonl", number, s.scenario().name(),
        s.clock() == ClockMode.LIVE ? "live" : "virtual");
  }

  private static <T> CompletableFuture<T> noRun(String why) {
    return CompletableFuture.failedFuture(new IllegalStateException(why));
  }
}
