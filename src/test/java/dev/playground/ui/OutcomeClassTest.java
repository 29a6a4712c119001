package dev.playground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutcomeClassTest {
  @Test
  void outcomesFallIntoTheFiveColours() {
    assertThat(OutcomeClass.of("ok")).isEqualTo(OutcomeClass.OK);
    assertThat(OutcomeClass.of("rate_limited")).isEqualTo(OutcomeClass.RETRYABLE);
    assertThat(OutcomeClass.of("timeout")).isEqualTo(OutcomeClass.RETRYABLE);
    assertThat(OutcomeClass.of("auth")).isEqualTo(OutcomeClass.FATAL);
    assertThat(OutcomeClass.of("empty_answer")).isEqualTo(OutcomeClass.DEFECT);
    assertThat(OutcomeClass.of("rejected")).isEqualTo(OutcomeClass.REJECTED);
    assertThat(OutcomeClass.of("something_new")).isEqualTo(OutcomeClass.FATAL);
  }
}
