package dev.playground.session;

import dev.playground.events.RunEvent;
import dev.playground.faults.FaultPlan;
import dev.playground.policy.ManagedBreaker;
import dev.playground.policy.PolicyJson;
import dev.playground.policy.PolicySet;
import dev.playground.scenario.LoadSpec;
import dev.playground.scenario.Scenario;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The window's engine side: one running {@link dev.playground.scenario.ScenarioRun} at a time (a preset with the
 * user's changes, live or fast-forwarded, on the simulated provider or a real endpoint behind the chaos proxy),
 * or a replayed run log instead. Its events go to the window's consumer; opening another run closes the one
 * before ({@code run_finished}). Thread-safe; nothing here blocks the caller: runs start and stop on the
 * session's own thread, files are read and written on another.
 */
public final class Session implements PlaygroundActions, RunLogExport, AutoCloseable {
  /** What {@code faults_changed} names when the engine's own retriever and cache were broken. */
  public static final String ENGINE = "engine";

  private final Consumer<? super RunEvent> window;
  private volatile SessionListener listener;
  private final Function<String, String> env;
  private final Path logDir;
  private final ExecutorService sessionThread = daemonThread("playground-session");
  private final ExecutorService files = daemonThread("playground-files");
  private final ExecutorService asks = Executors.newCachedThreadPool(r -> daemon(r, "playground-ask"));
  private final Object lock = new Object();
  private SessionSettings settings; // guarded by lock
  private long runs; // session thread only
  private boolean closed; // guarded by lock
  private volatile CompletableFuture<RunHandle> current = noRun("no run is open yet");
  private volatile Replay replay;
  private volatile RunHandle openRun; // written on the session thread only

  /**
   * @param window where every event of the open run goes (the window's batcher), from any thread
   * @param env reads the environment: the API key of a real endpoint ({@code System::getenv} in the app)
   * @param logDir where each run's log is written
   */
  public Session(SessionSettings initial, Consumer<? super RunEvent> window, SessionListener listener,
      Function<String, String> env, Path logDir) {
    this.settings = Objects.requireNonNull(initial, "initial");
    this.window = Objects.requireNonNull(window, "window");
    this.listener = listener == null ? new SessionListener() {} : listener;
    this.env = Objects.requireNonNull(env, "env");
    this.logDir = Objects.requireNonNull(logDir, "logDir");
  }

  /** Who is told what the session does (replaces the one given at construction). */
  public void setListener(SessionListener listener) {
    this.listener = listener == null ? new SessionListener() {} : listener;
  }

  /** The settings the next run starts with (also those of the open run, if any). */
  public SessionSettings settings() {
    synchronized (lock) {
      return settings;
    }
  }

  /** Opens a run of the current settings. */
  public CompletableFuture<RunInfo> start() {
    return open(settings());
  }

  /**
   * Closes the open run (or leaves the replay) and opens one with {@code next}. Settings that cannot run (no
   * API key for a real endpoint) are refused before anything changes.
   */
  public CompletableFuture<RunInfo> open(SessionSettings next) {
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
          RunHandle started = RunHandle.start(++runs, next, logDir.resolve(fileName(runs, next)), window, asks, env);
          openRun = started;
          RunInfo info = RunInfo.of(started);
          listener.runOpened(info);
          handle.complete(started);
          opened.complete(info);
        } catch (RuntimeException e) {
          listener.runFailed("could not start " + next.scenario().name() + ": " + message(e));
          handle.completeExceptionally(e);
          opened.completeExceptionally(e);
        }
      });
    }
    return opened;
  }

  /** Fresh run of the same settings (scenario time from 0). */
  public CompletableFuture<RunInfo> restart() {
    return open(settings());
  }

  /** Loads a preset (its policies and faults, not the user's changes) into a fresh run. */
  public CompletableFuture<RunInfo> pick(Scenario preset) {
    return open(settings().withScenario(preset));
  }

  public CompletableFuture<RunInfo> setClock(ClockMode clock) {
    SessionSettings next;
    try {
      next = settings().withClock(clock);
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(e);
    }
    return open(next);
  }

  public CompletableFuture<RunInfo> setProvider(ProviderChoice provider) {
    SessionSettings next;
    try {
      next = settings().withProvider(provider);
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(e);
    }
    return open(next);
  }

  /** Changes the fast-forward speed, also while a run plays. */
  public void setSpeed(Speed speed) {
    synchronized (lock) {
      settings = settings.withSpeed(speed);
    }
    RunHandle h = openRun;
    if (h != null) h.setSpeed(speed);
  }

  /** The open run's number and state, or null while none is open. */
  public RunInfo runInfo() {
    RunHandle h = openRun();
    return h == null ? null : RunInfo.of(h);
  }

  /** The replay being viewed, or null. */
  public Replay replay() {
    return replay;
  }

  /** The open run's breakers by "provider/model" (manual open / close / half-open), or none. */
  public Map<String, ManagedBreaker> breakers() {
    RunHandle h = openRun();
    return h == null ? Map.of() : h.run.client().breakers();
  }

  @Override
  public CompletableFuture<AnswerView> ask(String prompt) {
    return current.thenCompose(h -> h.ask(prompt));
  }

  /** Sends {@code count} of the scenario's prompts, {@code concurrency} at a time, in the open run. */
  @Override
  public CompletableFuture<Void> startLoad(int count, int concurrency, LoadProgress progress) {
    return current.thenCompose(h -> {
      LoadSpec spec = new LoadSpec(count, concurrency, 0, h.scenario.load().prompts(), false);
      return h.startLoad(spec, progress);
    });
  }

  /** Starts the scenario afresh (a new run, scenario time from 0) and sends its own load. */
  @Override
  public CompletableFuture<Void> startScenarioLoad(LoadProgress progress) {
    return restart().thenCompose(info -> current.thenCompose(h -> h.startLoad(h.scenario.load(), progress)));
  }

  @Override
  public void stop() {
    RunHandle h = openRun();
    if (h != null) h.stopLoad();
  }

  /** Applies a fault plan to a provider of the open run, on the session's thread (its windows start then). */
  public CompletableFuture<Void> applyFaults(String provider, FaultPlan plan) {
    Objects.requireNonNull(plan, "plan");
    return current.thenAcceptAsync(h -> {
      stillOpen(h);
      applyFaults(h, provider, plan);
    }, sessionThread);
  }

  /**
   * Applies a fault plan to a provider of the open run now, on the calling thread (the panels' Apply: swapping a
   * plan in is quick). Its windows start now; {@code faults_changed} is logged.
   *
   * @throws IllegalStateException when no run is open (a replay is shown, or a run is starting)
   * @throws IllegalArgumentException when the provider is unknown or real
   */
  public void applyFaultsNow(String provider, FaultPlan plan) {
    Objects.requireNonNull(plan, "plan");
    applyFaults(requireOpen(), provider, plan);
  }

  private void applyFaults(RunHandle h, String provider, FaultPlan plan) {
    if (!h.run.providers().names().contains(provider))
      throw new IllegalArgumentException("no provider named \"" + provider + "\" in this run; there are "
          + String.join(", ", h.run.providers().names()));
    h.run.providers().applyFaults(provider, plan); // publishes faults_changed
    synchronized (lock) {
      if (settings.provider().isSimulated()) settings = settings.withScenario(settings.scenario().withFaults(provider, plan));
    }
    listener.faultsChanged(provider, plan);
  }

  /**
   * Applies a plan to the engine's own retriever and response cache now, on the calling thread (every rule
   * targets {@code retriever} or {@code cache}); logged as {@code faults_changed} for {@code engine}, and kept
   * for the next runs of this scenario.
   *
   * @throws IllegalStateException when no run is open
   * @throws IllegalArgumentException when a rule targets the chat (nothing applied)
   */
  public void applyEngineFaultsNow(FaultPlan plan) {
    Objects.requireNonNull(plan, "plan");
    RunHandle h = requireOpen();
    h.run.applyEngineFaults(plan);
    synchronized (lock) {
      settings = settings.withScenario(settings.scenario().withEngineFaults(plan));
    }
    listener.faultsChanged(ENGINE, plan);
  }

  /**
   * Gives the open run's client new policies, on the session's thread, and logs {@code policies_changed}; they
   * stay for the next runs of this scenario. Policies the scenario cannot hold (a chain naming an unknown
   * provider) are refused before anything changes.
   */
  public CompletableFuture<Void> updatePolicies(PolicySet policies) {
    Objects.requireNonNull(policies, "policies");
    return current.thenAcceptAsync(h -> {
      stillOpen(h);
      updatePolicies(h, policies);
    }, sessionThread);
  }

  /**
   * As {@link #updatePolicies}, now, on the calling thread (the Policies panel's Apply).
   *
   * @throws IllegalStateException when no run is open
   * @throws IllegalArgumentException when the scenario cannot hold these policies (nothing applied)
   */
  public void updatePoliciesNow(PolicySet policies) {
    Objects.requireNonNull(policies, "policies");
    updatePolicies(requireOpen(), policies);
  }

  private void updatePolicies(RunHandle h, PolicySet policies) {
    Scenario kept;
    synchronized (lock) {
      Scenario base = settings.scenario();
      // against a real endpoint the chain is the endpoint's; the scenario keeps its own
      kept = base.withPolicies(settings.provider().isSimulated() ? policies
          : policies.withChain(base.policies().chain()));
      h.scenario.checkPolicies(policies); // the run's own providers must hold the chain too
    }
    h.run.client().updatePolicies(policies);
    h.run.recorder().publish((s, t) -> new RunEvent.PoliciesChanged(s, t, PolicyJson.toTree(policies)));
    synchronized (lock) {
      settings = settings.withScenario(kept);
    }
    listener.policiesChanged(policies, h.breakerDelays());
  }

  private RunHandle requireOpen() {
    RunHandle h = openRun;
    if (h != null) return h;
    Replay r = replay;
    throw new IllegalStateException(r != null
        ? "a replay is shown (" + r.name() + "): go back to live first"
        : "no run is open yet: wait a moment and try again");
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

  /** Copies the run log shown (the open run's, up to now, or the replayed file) to {@code target}. */
  @Override
  public CompletableFuture<Path> saveRunLog(Path target) {
    return source().thenApplyAsync(src -> RunExports.copyLog(src, target), files);
  }

  /** Writes attempts.csv and requests.csv of the run shown into {@code dir}. */
  @Override
  public CompletableFuture<List<Path>> saveCsv(Path dir) {
    return source().thenApplyAsync(src -> RunExports.csv(src, dir), files);
  }

  /** The HTML report's opening sections for the run shown: what ran, and its summary. */
  public List<dev.playground.session.HtmlReport.Section> reportSections() {
    Replay r = replay;
    if (r != null) return RunExports.sections(r);
    RunHandle h = openRun();
    return h == null ? List.of() : RunExports.sections(h);
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

  /**
   * Makes {@code next} the run that prompts go to and queues the work that gets there. Called under the lock,
   * and never after {@link #close}, so the session thread runs these in the order the runs were asked for.
   */
  private void switchTo(CompletableFuture<RunHandle> next, Runnable work) {
    current = next;
    sessionThread.execute(work);
  }

  /** Session thread only. */
  private void closeOpenRun() {
    RunHandle h = openRun;
    openRun = null;
    if (h != null) h.close();
  }

  private RunHandle openRun() {
    return openRun;
  }

  private void stillOpen(RunHandle h) {
    if (h != openRun) throw new IllegalStateException("the run changed before the change could be applied; try again");
  }

  private CompletableFuture<RunExports.Source> source() {
    Replay r = replay;
    if (r != null) return CompletableFuture.completedFuture(RunExports.Source.of(r));
    return current.thenApply(RunExports.Source::of);
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
    return String.format(java.util.Locale.ROOT, "run-%03d-%s-%s.jsonl", number, s.scenario().name(),
        s.clock() == ClockMode.LIVE ? "live" : "virtual");
  }

  public static String message(Throwable e) {
    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }

  private static <T> CompletableFuture<T> noRun(String why) {
    return CompletableFuture.failedFuture(new IllegalStateException(why));
  }

  private static ExecutorService daemonThread(String name) {
    return Executors.newSingleThreadExecutor(r -> daemon(r, name));
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
