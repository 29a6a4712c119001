package dev.playground.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SeedsTest {

  @Test
  void theSameSeedAndCoordinatesGiveTheSameNumber() {
    assertThat(Seeds.unit(7, 1, 2, 3)).isEqualTo(Seeds.unit(7, 1, 2, 3));
    assertThat(Seeds.unit(7, 1, 2, 3)).isNotEqualTo(Seeds.unit(8, 1, 2, 3));
    assertThat(Seeds.unit(7, 1, 2, 3)).isNotEqualTo(Seeds.unit(7, 1, 2, 4));
    assertThat(Seeds.unit(7, 1, 2)).isNotEqualTo(Seeds.unit(7, 2, 1));
  }

  @Test
  void unitNumbersAreUniformInZeroToOne() {
    int n = 200_000;
    int[] buckets = new int[10];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double u = Seeds.unit(42, i);
      assertThat(u).isGreaterThanOrEqualTo(0).isLessThan(1);
      buckets[(int) (u * 10)]++;
      sum += u;
    }
    assertThat(sum / n).isCloseTo(0.5, within(0.01));
    for (int b : buckets) assertThat(b).isBetween(n / 10 - 1_000, n / 10 + 1_000);
  }

  @Test
  void gaussianNumbersHaveMeanZeroAndUnitSpread() {
    int n = 100_000;
    double sum = 0, squares = 0;
    for (int i = 0; i < n; i++) {
      double g = Seeds.gaussian(3, i);
      sum += g;
      squares += g * g;
    }
    double mean = sum / n;
    assertThat(mean).isCloseTo(0, within(0.02));
    assertThat(squares / n - mean * mean).isCloseTo(1, within(0.03));
  }
}
