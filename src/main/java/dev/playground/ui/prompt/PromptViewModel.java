package dev.playground.ui.prompt;

import dev.playground.common.Causes;
import dev.playground.events.Rung;
import dev.playground.session.AnswerView;
import dev.playground.session.LoadProgress;
import dev.playground.session.PlaygroundActions;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The prompt and answer panel's logic: send one prompt, show its answer card, run a load of N requests with a
 * concurrency, show progress, stop. Not thread-safe: call on the FX thread; results come back through the
 * {@code fxThread} executor ({@code Platform::runLater} in the app, {@code Runnable::run} in tests).
 */
public final class PromptViewModel {
  static final String REPLAYING = "viewing a replayed run: press Back to live (status bar) to send prompts";
  public static final int MAX_COUNT = 100_000;
  public static final int MAX_CONCURRENCY = 256;

  private final PlaygroundActions actions;
  private final Executor fxThread;

  private final StringProperty prompt = new SimpleStringProperty("");
  private final IntegerProperty loadCount = new SimpleIntegerProperty(50);
  private final IntegerProperty loadConcurrency = new SimpleIntegerProperty(4);
  private final ReadOnlyBooleanWrapper sending = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  private final ReadOnlyObjectWrapper<AnswerView> answer = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<Rung> rung = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper answerText = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper answerFacts = new ReadOnlyStringWrapper("No answer yet.");
  private final ReadOnlyBooleanWrapper loadRunning = new ReadOnlyBooleanWrapper();
  private final ReadOnlyDoubleWrapper loadProgress = new ReadOnlyDoubleWrapper();
  private final ReadOnlyStringWrapper loadStatus = new ReadOnlyStringWrapper("idle");
  private final BooleanProperty replaying = new SimpleBooleanProperty();
  private final StringProperty scenarioLoad = new SimpleStringProperty("");

  public PromptViewModel(PlaygroundActions actions, Executor fxThread) {
    this.actions = Objects.requireNonNull(actions, "actions");
    this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
    prompt.set("What is exponential backoff, and why add jitter?");
  }

  public StringProperty promptProperty() { return prompt; }

  public IntegerProperty loadCountProperty() { return loadCount; }

  public IntegerProperty loadConcurrencyProperty() { return loadConcurrency; }

  /** True while a prompt waits for its answer. */
  public ReadOnlyBooleanProperty sendingProperty() { return sending.getReadOnlyProperty(); }

  /** The last refusal or failure, said as a rule with its value; "" when all is well. */
  public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

  public ReadOnlyObjectProperty<AnswerView> answerProperty() { return answer.getReadOnlyProperty(); }

  /** The rung of the last answer, or null before the first. */
  public ReadOnlyObjectProperty<Rung> rungProperty() { return rung.getReadOnlyProperty(); }

  public ReadOnlyStringProperty answerTextProperty() { return answerText.getReadOnlyProperty(); }

  /** "provider/model · 3 attempts · 1 234 ms". */
  public ReadOnlyStringProperty answerFactsProperty() { return answerFacts.getReadOnlyProperty(); }

  public ReadOnlyBooleanProperty loadRunningProperty() { return loadRunning.getReadOnlyProperty(); }

  /** 0..1 while a load runs. */
  public ReadOnlyDoubleProperty loadProgressProperty() { return loadProgress.getReadOnlyProperty(); }

  /** "37 / 200 answered", "stopped at …", "idle". */
  public ReadOnlyStringProperty loadStatusProperty() { return loadStatus.getReadOnlyProperty(); }

  /** True while the window shows a replayed run log: nothing can be sent then. */
  public BooleanProperty replayingProperty() { return replaying; }

  /** What the scenario's own load sends, e.g. "120 requests at 2/s"; "" when there is no scenario. */
  public StringProperty scenarioLoadProperty() { return scenarioLoad; }

  /** Sends the prompt; refuses an empty one or a second while one is waiting. */
  public void send() {
    if (replaying.get()) {
      message.set(REPLAYING);
      return;
    }
    String text = prompt.get() == null ? "" : prompt.get().strip();
    if (text.isEmpty()) {
      message.set("prompt must not be empty");
      return;
    }
    if (sending.get()) {
      message.set("a prompt is already waiting for its answer");
      return;
    }
    message.set("");
    sending.set(true);
    actions.ask(text).whenComplete((a, error) -> fxThread.execute(() -> {
      sending.set(false);
      if (error != null) message.set("the prompt failed: " + reason(error));
      else show(a);
    }));
  }

  /** Starts a load of {@link #loadCountProperty()} requests at {@link #loadConcurrencyProperty()}. */
  public void startLoad() {
    int count = loadCount.get();
    int concurrency = loadConcurrency.get();
    if (count < 1 || count > MAX_COUNT) {
      message.set("load count must be in [1, " + MAX_COUNT + "], was " + count);
      return;
    }
    if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
      message.set("load concurrency must be in [1, " + MAX_CONCURRENCY + "], was " + concurrency);
      return;
    }
    runLoad("0 / " + count + " answered", p -> actions.startLoad(count, concurrency, p));
  }

  /** Runs the scenario's own load from scenario time 0 (a fresh run). */
  public void startScenarioLoad() {
    runLoad("starting the scenario…", actions::startScenarioLoad);
  }

  private void runLoad(String firstStatus, Function<LoadProgress, CompletableFuture<Void>> start) {
    if (replaying.get()) {
      message.set(REPLAYING);
      return;
    }
    if (loadRunning.get()) {
      message.set("a load is already running: stop it first");
      return;
    }
    message.set("");
    loadRunning.set(true);
    loadProgress.set(0);
    loadStatus.set(firstStatus);
    start.apply((done, total) -> fxThread.execute(() -> progress(done, total)))
        .whenComplete((v, error) -> fxThread.execute(() -> {
          loadRunning.set(false);
          if (error != null) {
            message.set("the load failed: " + reason(error));
            loadStatus.set("failed");
          } else {
            loadStatus.set(loadStatus.get().replace(" answered", " answered, done"));
          }
        }));
  }

  /** Asks the load to stop; requests in flight may still finish. */
  public void stop() {
    if (!loadRunning.get()) return;
    actions.stop();
    loadStatus.set(loadStatus.get() + " (stopping)");
  }

  private void progress(int done, int total) {
    if (!loadRunning.get()) return; // a late report after the end
    loadProgress.set(total == 0 ? 1 : (double) done / total);
    loadStatus.set(done + " / " + total + " answered");
  }

  private void show(AnswerView a) {
    answer.set(a);
    rung.set(a.rung());
    answerText.set(a.text());
    answerFacts.set(String.format(Locale.ROOT, "%s/%s · %d attempt%s · %.0f ms", a.provider(), a.model(),
        a.attempts(), a.attempts() == 1 ? "" : "s", a.latencyMs()));
  }

  private static String reason(Throwable error) {
    return Causes.message(error);
  }
}
