package dev.playground.ui.charts;

import static dev.playground.events.BreakerState.*;
import static dev.playground.ui.charts.Events.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BreakerModelTest {
  @Test
  void anOpeningIsAStepUpToTheOpenLevelThatLastsUntilNow() {
    var model = new BreakerModel();
    model.apply(List.of(breaker(1000, CLOSED, OPEN), started(4000, 9)));
    var states = model.states();
    assertThat(states.getSeriesCount()).isEqualTo(1);
    assertThat(states.getSeriesKey(0)).isEqualTo("sim/m");
    int last = states.getItemCount(0) - 1;
    assertThat(states.getYValue(0, last)).isEqualTo(2.0);
    assertThat(states.getXValue(0, last)).isEqualTo(4.0);
    assertThat(model.state("sim/m")).contains(OPEN);
  }

  @Test
  void theCountdownToHalfOpenNeedsTheBreakersDelay() {
    var model = new BreakerModel();
    model.apply(List.of(breaker(1000, CLOSED, OPEN), started(4000, 9)));
    assertThat(model.countdowns()).isEmpty();
    model.setDelay("sim/m", Duration.ofSeconds(10));
    assertThat(model.countdowns()).singleElement().satisfies(c -> {
      assertThat(c.halfOpenAtMs()).isEqualTo(11_000);
      assertThat(c.remainingMs()).isEqualTo(7_000);
    });
    model.apply(List.of(breaker(11_000, OPEN, HALF_OPEN)));
    assertThat(model.countdowns()).isEmpty();
  }

  @Test
  void theFailureRateIsTheShareOfFailedCallsAmongTheLatest() {
    var model = new BreakerModel();
    model.apply(List.of(finished(0, 1, 1, "ok", null), finished(1000, 1, 2, "server_error", null)));
    var rates = model.rates();
    assertThat(rates.getYValue(0, rates.getItemCount(0) - 1)).isEqualTo(0.5);
  }
}
