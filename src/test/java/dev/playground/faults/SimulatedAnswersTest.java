package dev.playground.faults;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimulatedAnswersTest {
  @Test
  void theSameModelAndPromptGiveTheSameAnswerWhichNamesTheModel() {
    SimulatedAnswer a = SimulatedAnswers.answer("gpt-4o-mini", "What is a circuit breaker?");
    SimulatedAnswer b = SimulatedAnswers.answer("gpt-4o-mini", "What is a circuit breaker?");

    assertThat(a).isEqualTo(b);
    assertThat(a.content()).startsWith("[gpt-4o-mini] (simulated) You asked: \"What is a circuit breaker?\".");
    assertThat(a.completionTokens()).isEqualTo(a.pieces().size()).isBetween(20, 90);
    assertThat(a.promptTokens()).isEqualTo(SimulatedAnswers.tokens("What is a circuit breaker?"));
  }

  @Test
  void anotherModelOrPromptGivesAnotherAnswer() {
    String base = SimulatedAnswers.answer("a", "p").content();

    assertThat(SimulatedAnswers.answer("b", "p").content()).isNotEqualTo(base);
    assertThat(SimulatedAnswers.answer("a", "q").content()).isNotEqualTo(base);
  }

  @Test
  void aCutAnswerKeepsItsFirstPieces() {
    SimulatedAnswer full = SimulatedAnswers.answer("m", "hello");

    SimulatedAnswer cut = full.firstPieces(5);

    assertThat(cut.completionTokens()).isEqualTo(5);
    assertThat(full.content()).startsWith(cut.content());
  }

  @Test
  void longPromptsAreShortenedInTheEcho() {
    String content = SimulatedAnswers.answer("m", "x".repeat(500)).content();

    assertThat(content).contains("x".repeat(59) + "…").doesNotContain("x".repeat(61));
  }
}
