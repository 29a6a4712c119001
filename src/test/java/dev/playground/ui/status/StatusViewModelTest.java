package dev.playground.ui.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playground.events.BreakerState;
import dev.playground.ui.ScriptedRun;
import org.junit.jupiter.api.Test;

class StatusViewModelTest {
  @Test
  void countsRequestsRungsAttemptsAndAmplificationAndLightsTheLamps() {
    var model = new StatusViewModel();
    model.apply(ScriptedRun.stormRun(3, 40, 350, 5_000));
    var counters = model.counterValues();
    assertThat(counters.get("requests")).isEqualTo(40L);
    assertThat((long) counters.get("full") + (long) counters.get("limited") + (long) counters.get("cached")
        + (long) counters.get("error")).isEqualTo(40L);
    assertThat(model.amplification()).isEqualTo((long) counters.get("attempts") / 40.0);
    assertThat(model.countersProperty().get()).startsWith("requests 40 · ");
    assertThat(model.lamps()).extracting(StatusViewModel.Lamp::breaker).contains(ScriptedRun.PRIMARY);
    var primary = model.lamps().stream().filter(l -> l.breaker().equals(ScriptedRun.PRIMARY)).findFirst().orElseThrow();
    assertThat(primary.stateProperty().get()).isEqualTo(BreakerState.OPEN);
  }

  @Test
  void aBreakerOpeningRaisesANotice() {
    var model = new StatusViewModel();
    assertThat(model.noticeProperty().get()).isNull();
    model.apply(ScriptedRun.stormRun(3, 40, 350, 5_000));
    assertThat(model.noticeProperty().get().message()).startsWith("Breaker sim/gpt-4o-mini opened (failure rate 83%)");
  }
}
