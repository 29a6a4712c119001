package dev.playground.ui.preview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playground.policy.Tenacity;
import dev.playground.scenario.LessonSnippets;
import org.junit.jupiter.api.Test;

class TenacityCallTest {
  @Test
  void theLessonsExponentialBackoffIsRead() {
    var call = TenacityCall.in(LessonSnippets.python("Exponential Backoff").orElseThrow());

    assertThat(call).contains(new TenacityCall(Tenacity.waitExponential(1, 4, 60), 5));
  }

  @Test
  void missingArgumentsTakeTenacitysDefaults() {
    var call = TenacityCall.in("@retry(stop=stop_after_attempt(4), wait=wait_exponential(max=10))");

    assertThat(call).contains(new TenacityCall(Tenacity.waitExponential(1, 0, 10, 2), 4));
  }

  @Test
  void codeWithoutBothCallsHasNoSettings() {
    assertThat(TenacityCall.in("@retry(stop=stop_after_attempt(3), wait=wait_fixed(2))")).isEmpty();
    assertThat(TenacityCall.in("@retry(wait=wait_exponential(multiplier=1, min=2, max=30))")).isEmpty();
    assertThat(TenacityCall.in("@retry(stop=stop_after_attempt(3), wait=wait_exponential(2, 4))")).isEmpty();
    assertThat(TenacityCall.in(null)).isEmpty();
  }
}
