package dev.playground.ui.charts;

import static dev.playground.ui.charts.Events.answered;
import static org.assertj.core.api.Assertions.assertThat;

import dev.playground.events.RunEvent;
import dev.playground.events.Rung;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LadderModelTest {
  @Test
  void answersAreCountedPerRungOverTimeAndInTotal() {
    var model = new LadderModel();
    model.apply(List.of(answered(100, 1, Rung.FULL, 10), answered(200, 2, Rung.CACHED, 10),
        answered(1100, 3, Rung.CACHED, 10), answered(1200, 4, Rung.ERROR, 10)));
    assertThat(model.total(Rung.FULL)).isEqualTo(1);
    assertThat(model.total(Rung.CACHED)).isEqualTo(2);
    assertThat(model.total().getValue("requests", "error").longValue()).isEqualTo(1L);
    var overTime = model.overTime();
    assertThat(overTime.getItemCount()).isEqualTo(2); // two one-second bars
    assertThat(overTime.getYValue(Rung.CACHED.ordinal(), 0)).isEqualTo(1);
    assertThat(overTime.getYValue(Rung.CACHED.ordinal(), 1)).isEqualTo(1);
    assertThat(overTime.getYValue(Rung.ERROR.ordinal(), 1)).isEqualTo(1);
  }

  @Test
  void aLongRunIsShownInAtMostSixtyBars() {
    var model = new LadderModel();
    List<RunEvent> events = new ArrayList<>();
    for (int s = 0; s < 300; s++) events.add(answered(s * 1000L, s, Rung.FULL, 10));
    model.apply(events);
    assertThat(model.overTime().getItemCount()).isLessThanOrEqualTo(LadderModel.MAX_BARS);
    assertThat(model.barWidthSeconds()).isEqualTo(5.0);
    double sum = 0;
    for (int i = 0; i < model.overTime().getItemCount(); i++) sum += model.overTime().getYValue(0, i);
    assertThat(sum).isEqualTo(300);
  }
}
