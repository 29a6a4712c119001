package dev.playground.session;

import dev.playground.clock.VirtualClock;
import dev.playground.clock.VirtualPacer;
import dev.playground.engine.Answer;
import dev.playground.events.RunEvent;
import dev.playground.events.RunLogWriter;
import dev.playground.scenario.LoadGenerator;
import dev.playground.scenario.LoadSpec;
import dev.playground.scenario.Scenario;
import dev.playground.scenario.ScenarioException;
import dev.playground.scenario.ScenarioRun;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One open run of a session: the scenario run, its pacer in fast-forward, its run log, and what is waiting on
 * it (prompts, a load), which {@link #close} settles so that nothing waits forever on a closed run. Thread-safe.
 */
final class RunHandle {
  final long number;
  final SessionSettings settings;
  final Scenario scenario;
  final Path logFile;
  final ScenarioRun run;
  private final VirtualClock virtual;
  private final VirtualPacer pacer;
  private final RunLogWriter log;
  private final RunGate gate;
  private final Executor asks;
  private final Set<CompletableFuture<?>> waiting = ConcurrentHashMap.newKeySet();
  private volatile LoadGenerator load;
  private volatile CompletableFuture<Void> loadDone = CompletableFuture.completedFuture(null);
  private boolean closed; // guarded by this

  private RunHandle(long number, SessionSettings settings, Path logFile, Consumer<? super RunEvent> window,
      Executor asks, Function<String, String> env, boolean storyOnCue) {
    this.number = number;
    this.settings = settings;
    this.scenario = settings.effectiveScenario();
    this.logFile = logFile;
    this.asks = asks;
    try {
      this.log = RunLogWriter.open(logFile);
    } catch (IOException e) {
      throw new ScenarioException("cannot write the run log " + logFile.getFileName() + ": " + e.getMessage());
    }
    this.gate = new RunGate(log, window);
    try {
      if (settings.clock() == ClockMode.FAST_FORWARD) {
        this.virtual = new VirtualClock();
        this.run = ScenarioRun.virtual(scenario, virtual, null, gate);
        this.pacer = new VirtualPacer(virtual, settings.speed().factor()).start();
      } else {
        this.virtual = null;
        this.pacer = null;
        this.run = ScenarioRun.live(scenario, null, gate, env);
      }
    } catch (RuntimeException e) {
      closeLog();
      throw e;
    }
    if (storyOnCue) run.holdStory();
  }

  /**
   * Starts the run: providers up, {@code run_started} published. With {@code storyOnCue} the scenario's timed
   * faults wait until a load starts the story. Blocks while servers start: not on the FX thread.
   */
  static RunHandle start(long number, SessionSettings settings, Path logFile, Consumer<? super RunEvent> window,
      Executor asks, Function<String, String> env, boolean storyOnCue) {
    return new RunHandle(number, settings, logFile, window, asks, env, storyOnCue);
  }

  /** Sends one prompt: on the ask executor live (the first call loads the SDK), on the virtual clock otherwise. */
  CompletableFuture<AnswerView> ask(String prompt) {
    CompletableFuture<AnswerView> result = waitingOn(new CompletableFuture<>());
    Runnable send = () -> {
      try {
        run.client().ask(prompt).whenComplete((a, e) -> {
          if (e != null) result.completeExceptionally(e);
          else result.complete(view(a));
        });
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
      }
    };
    if (virtual != null) {
      pacer.setSpeed(pacer.speed()); // virtual time stood still while idle: pace from now, not from then
      virtual.schedule(send, 0);
    } else {
      asks.execute(send);
    }
    return result;
  }

  /**
   * Starts a load; progress counts answers on any rung. One load at a time. With {@code startStory} the
   * scenario's timed faults start now, with the load.
   */
  synchronized CompletableFuture<Void> startLoad(LoadSpec spec, LoadProgress progress, boolean startStory) {
    if (closed) return CompletableFuture.failedFuture(new IllegalStateException("the run is closed"));
    if (!loadDone.isDone())
      return CompletableFuture.failedFuture(new IllegalStateException("a load is already running: stop it first"));
    CompletableFuture<Void> done = waitingOn(new CompletableFuture<>());
    AtomicInteger answered = new AtomicInteger();
    int total = spec.requests();
    progress.update(0, total);
    if (pacer != null) pacer.setSpeed(pacer.speed());
    try {
      if (startStory) run.startStory();
      Consumer<Answer> onAnswer = a -> progress.update(answered.incrementAndGet(), total);
      LoadGenerator generator = run.startLoad(spec, onAnswer);
      load = generator;
      generator.done().whenComplete((n, e) -> {
        if (e != null) done.completeExceptionally(e);
        else done.complete(null);
      });
    } catch (RuntimeException e) {
      done.completeExceptionally(e);
    }
    loadDone = done;
    return done;
  }

  void stopLoad() {
    LoadGenerator g = load;
    if (g != null) g.stop();
  }

  void setSpeed(Speed speed) {
    if (pacer != null) pacer.setSpeed(speed.factor());
  }

  boolean isVirtual() {
    return virtual != null;
  }

  /** The breakers' OPEN delays, by "provider/model", for the countdown to half-open. */
  Map<String, Duration> breakerDelays() {
    Map<String, Duration> delays = new LinkedHashMap<>();
    run.client().breakers().forEach((name, b) -> delays.put(name, b.delay()));
    return delays;
  }

  /** Waits until every event so far is in the log file. */
  void flushLog() throws IOException {
    log.flush();
  }

  /** Ends the run ({@code run_finished}, providers stopped), then fails whatever still waits on it. Idempotent. */
  synchronized void close() {
    if (closed) return;
    closed = true;
    if (pacer != null) pacer.close();
    try {
      run.close();
    } finally {
      closeLog();
      gate.detach();
      loadDone.complete(null); // the load ends with its run
      var closedEarly = new IllegalStateException("the run was closed before the answer came");
      for (CompletableFuture<?> f : waiting) f.completeExceptionally(closedEarly);
    }
  }

  private <T> CompletableFuture<T> waitingOn(CompletableFuture<T> future) {
    waiting.add(future);
    future.whenComplete((v, e) -> waiting.remove(future));
    return future;
  }

  private void closeLog() {
    try {
      log.close();
    } catch (IOException e) {
      // the run itself is over either way; the log says in its own failure() what was lost
    }
  }

  private static AnswerView view(Answer a) {
    return new AnswerView(a.rung(), a.provider(), a.model(), a.attempts(), a.latencyMs(), a.content());
  }
}
