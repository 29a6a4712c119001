package dev.playground.ui.charts;

import static dev.playground.ui.charts.Events.answered;
import static dev.playground.ui.charts.Events.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.playground.events.RunEvent;
import dev.playground.events.Rung;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyModelTest {
  @Test
  void percentilesAndRatesCoverTheRollingWindow() {
    // given 100 requests in the first 10 s, latencies 1..100 ms, every tenth an error
    var model = new LatencyModel();
    List<RunEvent> events = new ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      events.add(started(i * 99L, i));
      events.add(answered(i * 99L, i, i % 10 == 0 ? Rung.ERROR : Rung.FULL, i));
    }
    model.apply(events);
    double[] p = model.latest();
    assertThat(p[LatencyModel.P50]).isCloseTo(50, within(1.0));
    assertThat(p[LatencyModel.P99]).isCloseTo(99, within(1.0));
    assertThat(p[3 + LatencyModel.REQUESTS]).isCloseTo(10.0, within(0.01)); // 100 over 10 s
    assertThat(p[3 + LatencyModel.ERRORS]).isCloseTo(1.0, within(0.01));
  }

  @Test
  void theLineStopsAndTheChartSaysSoWhenNoRequestWasSentInTheWindow() {
    var model = new LatencyModel();
    model.apply(List.of(started(0, 1), started(1_000, 2), answered(1_200, 1, Rung.FULL, 1200)));
    assertThat(model.quiet()).isFalse();
    assertThat(model.latest()[LatencyModel.P99]).isCloseTo(1200, within(20.0));

    model.apply(List.of(answered(12_000, 2, Rung.FULL, 11_000))); // a straggler, 11 s after the last request left

    assertThat(model.quiet()).isTrue();
    assertThat(model.latest()[LatencyModel.P99]).as("no point: the line stops").isNaN();
  }

  @Test
  void oldAnswersLeaveTheWindow() {
    var model = new LatencyModel();
    model.apply(List.of(started(0, 1), answered(500, 1, Rung.FULL, 3000)));
    model.apply(List.of(started(30_480, 2), answered(30_500, 2, Rung.FULL, 20)));
    assertThat(model.latest()[LatencyModel.P99]).isCloseTo(20, within(1.0));
    assertThat(model.percentiles().getItemCount(0)).isGreaterThan(1);
  }

  @Test
  void theSamePointsWhetherTheEventsCameInOneBatchOrInMany() {
    // given a run's events as a live window gets them (run_started alone, then a few at a time, with a gap)
    List<RunEvent> events = new ArrayList<>(List.of(
        new RunEvent.RunStarted(0, 0, 1, "s", "live", null, null),
        started(1200, 1), answered(1300, 1, Rung.FULL, 100),
        started(5100, 2), answered(5400, 2, Rung.ERROR, 300)));
    var live = new LatencyModel();
    live.apply(events.subList(0, 1));
    live.apply(events.subList(1, 3));
    live.apply(events.subList(3, 5));
    // when a replay gets them in one batch
    var replay = new LatencyModel();
    replay.apply(events);
    // then both hold the same points, one per second from the start
    assertThat(points(replay.rates())).isEqualTo(points(live.rates())).hasSize(3 * 6);
    assertThat(points(replay.percentiles())).isEqualTo(points(live.percentiles()));
  }

  private static List<String> points(PointsDataset d) {
    List<String> out = new ArrayList<>();
    for (int s = 0; s < d.getSeriesCount(); s++)
      for (int i = 0; i < d.getItemCount(s); i++) out.add(s + ":" + d.getXValue(s, i) + "=" + d.getYValue(s, i));
    return out;
  }

  @Test
  void aNewRunClearsTheLinesAndDrawsNothingUntilItHasData() {
    var model = new LatencyModel();
    model.apply(List.of(new RunEvent.RunStarted(0, 0, 1, "a", "live", null, null), started(1200, 1),
        answered(1300, 1, Rung.FULL, 100)));
    assertThat(model.rates().getItemCount(0)).isPositive();
    model.apply(List.of(new RunEvent.RunStarted(0, 0, 1, "b", "live", null, null)));
    assertThat(model.rates().getItemCount(0)).isZero();
    assertThat(model.percentiles().getItemCount(0)).isZero();
  }
}
