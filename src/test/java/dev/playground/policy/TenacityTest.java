package dev.playground.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TenacityTest {
  @Test
  void theMinimumClampsTheEarlyWaitsInsteadOfShiftingThem() {
    var wait = Tenacity.waitExponential(1, 4, 60);

    assertThat(new double[] {wait.after(1), wait.after(2), wait.after(3), wait.after(4), wait.after(5),
        wait.after(6), wait.after(7), wait.after(8)})
        .containsExactly(4, 4, 4, 8, 16, 32, 60, 60);
  }

  @Test
  void stopAfterAttemptFiveMeansFourWaits() {
    assertThat(Tenacity.waitExponential(1, 4, 60).schedule(5)).containsExactly(4.0, 4.0, 4.0, 8.0);
  }

  @Test
  void theLessonsOtherPresetWaitsTwoTwoFour() {
    var wait = Tenacity.waitExponential(1, 2, 30);

    assertThat(wait.schedule(3)).containsExactly(2.0, 2.0);
    assertThat(wait.schedule(8)).containsExactly(2.0, 2.0, 4.0, 8.0, 16.0, 30.0, 30.0);
  }

  @Test
  void anyMultiplierAndBaseFollowTheSameFormula() {
    var wait = Tenacity.waitExponential(0.5, 0, 100, 3);

    assertThat(wait.schedule(7)).containsExactly(0.5, 1.5, 4.5, 13.5, 40.5, 100.0);
    assertThat(wait.python()).isEqualTo("wait_exponential(multiplier=0.5, min=0, max=100, exp_base=3)");
  }

  @Test
  void anOverflowWaitsTheMaximum() {
    assertThat(Tenacity.waitExponential(1, 0, 60).after(5000)).isEqualTo(60);
  }

  @Test
  void randomExponentialDrawsBetweenTheMinimumAndTheExponentialWait() {
    var wait = Tenacity.waitRandomExponential(1, 4, 60, 2);

    assertThat(wait.after(1)).containsExactly(4, 4);
    assertThat(wait.after(5)).containsExactly(4, 16);
    assertThat(wait.schedule(3)).hasSize(2);
  }

  @Test
  void theLessonsTableIsNotWhatTenacityOrFailsafeDo() {
    var c = BackoffComparison.lessonExample();

    assertThat(c.python()).isEqualTo(
        "@retry(stop=stop_after_attempt(5), wait=wait_exponential(multiplier=1, min=4, max=60))");
    assertThat(c.lessonSays()).containsExactly(4.0, 8.0, 16.0, 32.0, 60.0);
    assertThat(c.tenacity()).containsExactly(4.0, 4.0, 4.0, 8.0);
    assertThat(c.failsafe()).containsExactly(4.0, 8.0, 16.0, 32.0);
    assertThat(c.failsafeCode()).isEqualTo(
        "RetryPolicy.builder().withMaxAttempts(5).withBackoff(Duration.ofSeconds(4), Duration.ofSeconds(60))");
  }

  @Test
  void anyPresetCanBeCompared() {
    var c = BackoffComparison.of(Tenacity.waitExponential(1, 2, 30), 3);

    assertThat(c.lessonSays()).isEmpty();
    assertThat(c.tenacity()).containsExactly(2.0, 2.0);
    assertThat(c.failsafe()).containsExactly(2.0, 4.0);
  }
}
