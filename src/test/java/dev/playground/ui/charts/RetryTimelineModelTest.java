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
    model.setLanes(40);
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

  private static List<RunEvent> requests(int from, int to) {
    List<RunEvent> events = new ArrayList<>();
    for (int r = from; r <= to; r++) {
      events.add(started(r * 100L, r));
      events.add(attempt(r * 100L, r, 1));
      events.add(finished(r * 100L + 50, r, 1, "ok", null));
      events.add(answered(r * 100L + 50, r, Rung.FULL, 50));
    }
    return events;
  }

  @Test
  void theWindowShowsTheNewestLanesWhileFollowingAndItsTimeSpanFitsThem() {
    var model = new RetryTimelineModel();
    model.setLanes(10);
    model.apply(requests(1, 150));

    assertThat(model.rowCount()).isEqualTo(150);
    assertThat(model.rowLabels()).hasSize(10).startsWith("#141").endsWith("#150");
    assertThat(model.spanStart()).isEqualTo(14.1);
    assertThat(model.spanEnd()).isEqualTo(15.05);
    model.apply(requests(151, 152));
    assertThat(model.rowLabels()).startsWith("#143").endsWith("#152");
  }

  @Test
  void scrollingBackStopsFollowingAndKeepsTheLanesInViewAsNewRequestsCome() {
    var model = new RetryTimelineModel();
    model.setLanes(10);
    model.apply(requests(1, 150));

    model.scrollTo(50);
    model.apply(requests(151, 160));

    assertThat(model.following()).isFalse();
    assertThat(model.firstRow()).isEqualTo(50);
    assertThat(model.rowLabels()).startsWith("#51");
    model.setFollow(true);
    assertThat(model.rowLabels()).startsWith("#151").endsWith("#160");
  }

  @Test
  void highlightingARequestScrollsItsLaneIntoViewAndItsLaneIsKnown() {
    var model = new RetryTimelineModel();
    model.setLanes(10);
    model.apply(requests(1, 150));

    assertThat(model.highlight(57)).isTrue();

    assertThat(model.following()).isFalse();
    assertThat(model.requestAt(model.highlightedLane())).isEqualTo(57);
    assertThat(model.rowLabels()).contains("#57");
    assertThat(model.highlight(100_000)).as("not kept").isFalse();
  }
}
