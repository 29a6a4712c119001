package dev.playground.ui.charts;

import static dev.playground.ui.charts.Events.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.playground.events.RunEvent;
import dev.playground.events.Rung;
import dev.playground.ui.OutcomeClass;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryTimelineModelTest {
  @Test
  void attemptsBecomeBarsColouredByOutcomeWithTheWaitsAndTheAskedRetryAfter() {
    // given a request that is rate limited twice, waits as asked, then succeeds
    var model = new RetryTimelineModel();
    model.apply(List.of(
        started(0, 1), attempt(0, 1, 1), finished(100, 1, 1, "rate_limited", 2000L), retry(100, 1, 1, 2000, 2000L),
        attempt(2100, 1, 2), finished(2200, 1, 2, "rate_limited", 1000L), retry(2200, 1, 2, 500, null),
        attempt(2700, 1, 3), finished(2800, 1, 3, "ok", null), answered(2800, 1, Rung.FULL, 2800)));
    // then
    var bars = model.bars();
    assertThat(bars.getItemCount(OutcomeClass.RETRYABLE.ordinal())).isEqualTo(2);
    assertThat(bars.getItemCount(OutcomeClass.OK.ordinal())).isEqualTo(1);
    assertThat(bars.getItemCount(RetryTimelineModel.WAIT_RETRY_AFTER)).isEqualTo(1);
    assertThat(bars.getItemCount(RetryTimelineModel.WAIT_BACKOFF)).isEqualTo(1);
    assertThat(bars.getItemCount(RetryTimelineModel.ASKED_RETRY_AFTER)).isEqualTo(1);
    assertThat(bars.getStartXValue(OutcomeClass.OK.ordinal(), 0)).isEqualTo(2.7);
    assertThat(bars.getEndXValue(OutcomeClass.OK.ordinal(), 0)).isEqualTo(2.8);
    assertThat(bars.getEndXValue(RetryTimelineModel.WAIT_RETRY_AFTER, 0)).isEqualTo(2.1);
    assertThat(model.marks().getItemCount(1 + Rung.FULL.ordinal())).isEqualTo(1);
    assertThat(model.rowLabels()).containsExactly("#1");
  }

  @Test
  void anUnfinishedAttemptReachesToTheLatestTimeSeen() {
    var model = new RetryTimelineModel();
    model.apply(List.of(started(0, 1), attempt(0, 1, 1), started(1500, 2)));
    assertThat(model.bars().getItemCount(RetryTimelineModel.IN_FLIGHT)).isEqualTo(1);
    assertThat(model.bars().getEndXValue(RetryTimelineModel.IN_FLIGHT, 0)).isEqualTo(1.5);
  }

  @Test
  void onlyTheLatestRowsAreKept() {
    var model = new RetryTimelineModel(40);
    List<RunEvent> events = new ArrayList<>();
    for (int r = 1; r <= 100; r++) {
      events.add(started(r * 10L, r));
      events.add(attempt(r * 10L, r, 1));
    }
    model.apply(events);
    model.apply(List.of(finished(2000, 3, 1, "ok", null))); // a request long scrolled away
    assertThat(model.rowCount()).isEqualTo(40);
    assertThat(model.rowLabels()[0]).isEqualTo("#61");
    assertThat(model.bars().getItemCount(OutcomeClass.OK.ordinal())).isZero();
  }
}
