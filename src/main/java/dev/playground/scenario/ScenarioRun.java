package dev.playground.scenario;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.playground.clock.LiveClock;
import dev.playground.clock.RunClock;
import dev.playground.clock.VirtualClock;
import dev.playground.engine.Answer;
import dev.playground.engine.EngineSetup;
import dev.playground.engine.ResilientClient;
import dev.playground.engine.Retriever;
import dev.playground.events.RunEvent;
import dev.playground.events.RunLogWriter;
import dev.playground.events.RunRecorder;
import dev.playground.events.RunSummary;
import dev.playground.faults.FaultInjector;
import dev.playground.faults.FaultPlan;
import dev.playground.faults.FaultPlans;
import dev.playground.policy.PolicyJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One run of a scenario: its clock, recorder, providers and resilient client, the run log, and the summary.
 * Starts with {@code run_started}; {@link #close()} ends it with {@code run_finished}. The window keeps one
 * open while the user sends prompts; the command line runs the scenario's load to the end. Thread-safe.
 */
public final class ScenarioRun implements AutoCloseable {
  private static final Retriever LESSON = Retriever.overLesson();
  /** The name fault plans of the engine's own parts (retriever, cache) go by, beside the providers'. */
  public static final String ENGINE = "engine";

  private final Scenario scenario;
  private final RunClock clock;
  private final RunRecorder recorder;
  private final RunSummary summary = new RunSummary();
  private final RunLogWriter log;
  private final ProviderSet providers;
  private final ResilientClient client;
  private FaultInjector engineFaults;
  private volatile LoadGenerator load;
  private volatile long storyStartMs;
  private boolean closed;

  private ScenarioRun(Scenario scenario, RunClock clock, Path logFile, Consumer<? super RunEvent> observer,
      boolean faultsByCall, Function<String, String> environment) {
    this.scenario = scenario;
    this.clock = clock;
    this.recorder = new RunRecorder(clock);
    recorder.subscribe(summary);
    if (observer != null) recorder.subscribe(observer);
    try {
      this.log = logFile == null ? null : RunLogWriter.open(logFile);
    } catch (IOException e) {
      throw new ScenarioException(logFile.getFileName() + ": cannot write the run log (" + e.getMessage() + ")");
    }
    if (log != null) recorder.subscribe(log);
    ProviderSet started = null;
    try {
      started = ProviderSet.start(scenario, clock, recorder, environment);
      FaultPlan enginePlan = scenario.engineFaults() == null ? FaultPlan.healthy(0) : scenario.engineFaults();
      this.engineFaults = new FaultInjector(enginePlan.withSeed(scenario.seed()), clock);
      engineFaults.onChange(plan -> {
        var tree = FaultPlans.toTree(plan);
        recorder.publish((s, t) -> new RunEvent.FaultsChanged(s, t, ENGINE, tree));
      });
      this.providers = started;
      FaultInjector broken = engineFaults;
      this.client = new ResilientClient(scenario.policies(), new EngineSetup(clock, recorder, scenario.seed(),
          faultsByCall ? CallKeyed.directory(started) : started, new FaultyRetriever(LESSON, broken, clock),
          cache -> new FaultyCache(cache, broken)));
    } catch (RuntimeException e) {
      if (started != null) started.close();
      closeLog();
      throw e;
    }
    recorder.publish((s, t) -> new RunEvent.RunStarted(s, t, scenario.seed(), scenario.name(),
        clock.isVirtual() ? "virtual" : "live", PolicyJson.toTree(scenario.policies()), faultsTree()));
  }

  /**
   * Opens a run in real time: simulated providers listen on loopback. {@code logFile} and {@code observer}
   * (which sees every event from {@code run_started} on, on the publishing thread) may be null.
   */
  public static ScenarioRun live(Scenario scenario, Path logFile, Consumer<? super RunEvent> observer) {
    return live(scenario, logFile, observer, System::getenv);
  }

  /** As {@link #live(Scenario, Path, Consumer)}, reading API keys through {@code environment} (tests). */
  public static ScenarioRun live(Scenario scenario, Path logFile, Consumer<? super RunEvent> observer,
      Function<String, String> environment) {
    LiveClock clock = new LiveClock();
    try {
      return new ScenarioRun(scenario, clock, logFile, observer, false, environment);
    } catch (RuntimeException e) {
      clock.close();
      throw e;
    }
  }

  /** Opens a run in virtual time on the given clock (every provider must be simulated). */
  public static ScenarioRun virtual(
      Scenario scenario, VirtualClock clock, Path logFile, Consumer<? super RunEvent> observer) {
    return new ScenarioRun(scenario, clock, logFile, observer, false, System::getenv);
  }

  /**
   * Opens a run in virtual time whose faults are decided per logical call (request, rung, model, attempt)
   * rather than by arrival order: what {@link Compare} runs both sides with.
   */
  public static ScenarioRun virtualByCall(
      Scenario scenario, VirtualClock clock, Path logFile, Consumer<? super RunEvent> observer) {
    return new ScenarioRun(scenario, clock, logFile, observer, true, System::getenv);
  }

  public Scenario scenario() {
    return scenario;
  }

  public RunClock clock() {
    return clock;
  }

  public RunRecorder recorder() {
    return recorder;
  }

  public RunSummary summary() {
    return summary;
  }

  public ProviderSet providers() {
    return providers;
  }

  public ResilientClient client() {
    return client;
  }

  /** The plan breaking the engine's own retriever and cache (rules with {@code target} retriever / cache). */
  public FaultPlan engineFaults() {
    return engineFaults.plan();
  }

  /** Applies a plan to the engine's retriever and cache at once (windows start now); a faults_changed event. */
  public void applyEngineFaults(FaultPlan plan) {
    try {
      FaultPlans.checkEngine(plan, "");
    } catch (IllegalArgumentException e) {
      throw new ScenarioException("the engine's plan breaks the retriever or the cache: " + e.getMessage());
    }
    engineFaults.apply(plan);
  }

  /**
   * Holds the scenario's timed faults (rules with a window, the providers' and the engine's) until
   * {@link #startStory()}: until then only its untimed faults apply. A window opens its run this way, so that
   * prompts sent before "Run scenario" see the provider as the preset starts, healthy.
   */
  public void holdStory() {
    providers.holdFaults();
    engineFaults.hold();
    storyStartMs = -1;
  }

  /** Starts the scenario's story now: every plan's windows count from now, its numbering from 0. */
  public void startStory() {
    providers.restartFaults();
    engineFaults.restart();
    storyStartMs = clock.nowMillis();
  }

  /** When the story started, in run-clock milliseconds; -1 while it is held. */
  public long storyStartMs() {
    return storyStartMs;
  }

  /** Starts sending a load (the scenario's, or another); one load at a time. */
  public synchronized LoadGenerator startLoad(LoadSpec spec, Consumer<Answer> onAnswer) {
    if (load != null && !load.done().isDone())
      throw new IllegalStateException("a load is already running; stop it first");
    load = new LoadGenerator(client, spec, clock, onAnswer);
    load.start();
    return load;
  }

  public LoadGenerator load() {
    return load;
  }

  /**
   * Runs the scenario's load to its end and closes the run: in virtual time by driving the clock until
   * nothing is left, live by waiting for the last answer (at most {@code maxWait}).
   */
  public RunSummary runToEnd(Duration maxWait) {
    if (!clock.isVirtual()) {
      // the story (fault windows, numbering) starts with the load, not when the servers came up
      providers.restartFaults();
      engineFaults.restart();
    }
    LoadGenerator generator = startLoad(scenario.load(), null);
    if (clock instanceof VirtualClock virtual) {
      // until the last answer, not until idle: a breaker's pending half-open would stretch the run
      while (!generator.done().isDone() && virtual.step()) {}
    } else {
      try {
        generator.done().get(maxWait.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        generator.stop();
        Thread.currentThread().interrupt();
      } catch (TimeoutException e) {
        generator.stop();
        close();
        throw new ScenarioException("the run did not finish within " + maxWait.toSeconds() + " s");
      } catch (ExecutionException e) {
        throw new IllegalStateException("the load failed", e.getCause());
      }
    }
    close();
    return summary;
  }

  private ObjectNode faultsTree() {
    ObjectNode faults = JsonNodeFactory.instance.objectNode();
    for (String name : providers.names()) {
      var plan = providers.faults(name);
      if (plan != null) faults.set(name, FaultPlans.toTree(plan));
    }
    faults.set(ENGINE, FaultPlans.toTree(engineFaults.plan()));
    return faults;
  }

  /** Ends the run: stops the load, writes {@code run_finished}, closes the log and the providers. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) return;
    closed = true;
    if (load != null) load.stop();
    recorder.publish((s, t) -> new RunEvent.RunFinished(s, t, summary.toJson()));
    closeLog();
    providers.close();
    if (clock instanceof LiveClock live) live.close();
  }

  private void closeLog() {
    if (log == null) return;
    try {
      log.close();
    } catch (IOException e) {
      throw new UncheckedIOException("the run log could not be completed", e);
    }
  }
}
