package dev.playground.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RetrieverTest {
  private final Retriever lesson = Retriever.overLesson();

  @Test
  void theLessonIsSplitIntoItsSections() {
    assertThat(lesson.size()).isGreaterThan(15);
  }

  @Test
  void aQuestionAboutCircuitBreakersFindsTheCircuitBreakerSection() {
    var best = lesson.retrieve("How does a circuit breaker stop cascading failures?", 3);
    assertThat(best).isNotEmpty();
    assertThat(best.get(0).title()).containsIgnoringCase("circuit breaker");
  }

  @Test
  void aQuestionAboutBackoffFindsTheExponentialBackoffSection() {
    var best = lesson.retrieve("exponential backoff wait times", 2);
    assertThat(best).extracting(Retriever.Passage::title).anyMatch(t -> t.contains("Exponential Backoff"));
  }

  @Test
  void aQuestionSharingNoTermFindsNothing() {
    assertThat(lesson.retrieve("zebra quokka", 3)).isEmpty();
  }

  @Test
  void theContextIsTheBestPassagesCutToAReadableLength() {
    String context = lesson.contextFor("graceful degradation cached response", 2);
    assertThat(context).startsWith("## ").contains("Degradation");
    assertThat(context.length()).isLessThan(2 * 760);
  }

  @Test
  void anEmptyCorpusIsRefused() {
    assertThatThrownBy(() -> new Retriever("")).hasMessageContaining("no sections");
  }
}
