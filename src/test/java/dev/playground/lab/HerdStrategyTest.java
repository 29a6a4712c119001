package dev.playground.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HerdStrategyTest {
  private static final double BASE = 5;
  private static final double CAP = 2_000;

  @Test
  void exponentialDoublesFromTwiceTheBaseUntilTheCap() {
    List<Double> sleeps = new ArrayList<>();
    for (int attempt = 1; attempt <= 12; attempt++)
      sleeps.add(HerdStrategy.EXPONENTIAL.sleepMs(attempt, BASE, BASE, CAP, 0.7));

    assertThat(sleeps).containsExactly(10.0, 20.0, 40.0, 80.0, 160.0, 320.0, 640.0, 1280.0, 2000.0, 2000.0,
        2000.0, 2000.0);
  }

  @Test
  void exponentialStaysAtTheCapForHugeAttemptNumbers() {
    assertThat(HerdStrategy.EXPONENTIAL.sleepMs(5_000, BASE, BASE, CAP, 0)).isEqualTo(CAP);
    assertThat(HerdStrategy.FULL_JITTER.sleepMs(Integer.MAX_VALUE, BASE, BASE, CAP, 0.5)).isEqualTo(CAP / 2);
  }

  @Test
  void noBackoffNeverWaits() {
    assertThat(HerdStrategy.NO_BACKOFF.sleepMs(7, BASE, BASE, CAP, 0.9)).isZero();
  }

  @Test
  void fullJitterSpreadsOverZeroToTheExponentialValue() {
    // attempt 3: v = min(2000, 5·8) = 40
    assertThat(HerdStrategy.FULL_JITTER.sleepMs(3, BASE, BASE, CAP, 0)).isZero();
    assertThat(HerdStrategy.FULL_JITTER.sleepMs(3, BASE, BASE, CAP, 0.25)).isEqualTo(10);
    assertThat(HerdStrategy.FULL_JITTER.sleepMs(3, BASE, BASE, CAP, 0.999)).isCloseTo(40, within(0.05));
  }

  @Test
  void equalJitterKeepsHalfTheExponentialValueAndSpreadsTheOtherHalf() {
    assertThat(HerdStrategy.EQUAL_JITTER.sleepMs(3, BASE, BASE, CAP, 0)).isEqualTo(20);
    assertThat(HerdStrategy.EQUAL_JITTER.sleepMs(3, BASE, BASE, CAP, 0.5)).isEqualTo(30);
    assertThat(HerdStrategy.EQUAL_JITTER.sleepMs(20, BASE, BASE, CAP, 0.5)).isEqualTo(1_500);
  }

  @Test
  void decorrelatedJitterDrawsBetweenTheBaseAndThreeTimesThePreviousSleepCapped() {
    assertThat(HerdStrategy.DECORRELATED_JITTER.sleepMs(1, BASE, BASE, CAP, 0)).isEqualTo(BASE);
    assertThat(HerdStrategy.DECORRELATED_JITTER.sleepMs(1, BASE, BASE, CAP, 0.5)).isEqualTo(10); // (5 + 15) / 2
    assertThat(HerdStrategy.DECORRELATED_JITTER.sleepMs(9, 100, BASE, CAP, 0.5)).isEqualTo(152.5);
    assertThat(HerdStrategy.DECORRELATED_JITTER.sleepMs(9, 1_900, BASE, CAP, 0.9)).isEqualTo(CAP);
  }

  @Test
  void strategiesAreFoundByTheirCsvNames() {
    for (HerdStrategy s : HerdStrategy.values()) assertThat(HerdStrategy.ofId(s.id())).isSameAs(s);
    assertThatThrownBy(() -> HerdStrategy.ofId("jitter"))
        .hasMessage("strategy must be one of none, exponential, full_jitter, equal_jitter, decorrelated_jitter, "
            + "was 'jitter'");
  }
}
