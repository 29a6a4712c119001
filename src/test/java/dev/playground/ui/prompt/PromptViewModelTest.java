package dev.playground.ui.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playground.events.Rung;
import dev.playground.session.AnswerView;
import dev.playground.session.LoadProgress;
import dev.playground.session.PlaygroundActions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PromptViewModelTest {
  /** Answers from a test's hand: the futures complete when the test says so. */
  private static final class HandActions implements PlaygroundActions {
    final CompletableFuture<AnswerView> answer = new CompletableFuture<>();
    final CompletableFuture<Void> load = new CompletableFuture<>();
    LoadProgress progress;
    String asked;
    final AtomicInteger stops = new AtomicInteger();

    @Override
    public CompletableFuture<AnswerView> ask(String prompt) {
      asked = prompt;
      return answer;
    }

    @Override
    public CompletableFuture<Void> startLoad(int count, int concurrency, LoadProgress progress) {
      this.progress = progress;
      return load;
    }

    @Override
    public void stop() {
      stops.incrementAndGet();
    }
  }

  private final HandActions actions = new HandActions();
  private final PromptViewModel model = new PromptViewModel(actions, Runnable::run);

  @Test
  void anEmptyPromptIsRefusedWithTheRule() {
    model.promptProperty().set("   ");
    model.send();
    assertThat(model.messageProperty().get()).isEqualTo("prompt must not be empty");
    assertThat(actions.asked).isNull();
  }

  @Test
  void theAnswerCardShowsRungProviderModelAttemptsAndLatency() {
    model.promptProperty().set("  why jitter?  ");
    model.send();
    assertThat(actions.asked).isEqualTo("why jitter?");
    assertThat(model.sendingProperty().get()).isTrue();
    actions.answer.complete(new AnswerView(Rung.CACHED, "cache", "gpt-4o-mini", 3, 1234.4, "an earlier answer"));
    assertThat(model.sendingProperty().get()).isFalse();
    assertThat(model.rungProperty().get()).isEqualTo(Rung.CACHED);
    assertThat(model.answerFactsProperty().get()).isEqualTo("cache/gpt-4o-mini · 3 attempts · 1234 ms");
    assertThat(model.answerTextProperty().get()).isEqualTo("an earlier answer");
  }

  @Test
  void aFailedAskSaysWhy() {
    model.send();
    actions.answer.completeExceptionally(new IllegalStateException("no engine is connected to this window"));
    assertThat(model.messageProperty().get()).isEqualTo("the prompt failed: no engine is connected to this window");
  }

  @Test
  void aLoadOutOfRangeIsRefusedAndAValidOneReportsProgressUntilDone() {
    model.loadCountProperty().set(0);
    model.startLoad();
    assertThat(model.messageProperty().get()).isEqualTo("load count must be in [1, 100000], was 0");
    assertThat(model.loadRunningProperty().get()).isFalse();

    model.loadCountProperty().set(200);
    model.startLoad();
    assertThat(model.loadRunningProperty().get()).isTrue();
    actions.progress.update(50, 200);
    assertThat(model.loadProgressProperty().get()).isEqualTo(0.25);
    assertThat(model.loadStatusProperty().get()).isEqualTo("50 / 200 answered");
    model.stop();
    assertThat(actions.stops).hasValue(1);
    actions.load.complete(null);
    assertThat(model.loadRunningProperty().get()).isFalse();
  }
}
