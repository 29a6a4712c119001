package dev.playground.ui.policies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playground.clock.VirtualClock;
import dev.playground.events.BreakerState;
import dev.playground.events.RunEvent;
import dev.playground.events.RunRecorder;
import dev.playground.policy.BreakerSpec;
import dev.playground.policy.ManagedBreaker;
import dev.playground.policy.PolicyListener;
import dev.playground.ui.charts.BreakerModel;
import dev.playground.ui.status.StatusViewModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One countdown per breaker: the Policies tab's card, the breaker chart's band and the notice of the opening all
 * agree at the same instant, read on the run's clock (virtual here, so the instant is exact): the card and the
 * chart say the time left, the notice the scenario time it half-opens at (a notice stays while time runs).
 */
class SharedCountdownTest {
  private final VirtualClock clock = new VirtualClock();
  private final RunRecorder recorder = new RunRecorder(clock);
  private final List<RunEvent> events = new ArrayList<>();
  private final BreakerModel chart = new BreakerModel();
  private final BreakersModel cards = new BreakersModel();
  private final StatusViewModel status = new StatusViewModel();

  @Test
  void theCardTheChartAndTheNoticeSayTheSameTimeLeft() {
    recorder.subscribe(events::add);
    ManagedBreaker breaker = ManagedBreaker.onRunClock(BreakerSpec.countBased(3, 3, Duration.ofSeconds(30)),
        "sim/gpt-4o", clock, new PolicyListener() {
          @Override
          public void onBreakerStateChanged(BreakerState from, BreakerState to, boolean manual) {
            recorder.publish((s, t) -> new RunEvent.BreakerChanged(s, t, "sim/gpt-4o", from, to, 1.0, manual));
          }
        });
    chart.setClock(clock::nowMillis);
    chart.setDelay("sim/gpt-4o", Duration.ofSeconds(30));
    cards.setSource(() -> List.of(breaker));
    cards.setCountdowns(chart::countdown);
    status.setCountdowns(chart::countdown);

    clock.advance(2_000);
    breaker.open();
    chart.apply(events);
    status.apply(events);
    assertThat(status.noticeProperty().get().message()).endsWith(": half-open at 32.0 s");

    clock.advance(12_300); // no event in between: the time left still moves, on the run's clock
    cards.refresh();

    String chartSays = chart.countdown("sim/gpt-4o").orElseThrow().text();
    assertThat(chartSays).isEqualTo("half-open in 17.7 s");
    assertThat(cards.rows().get(0).detailProperty().get()).isEqualTo("refuses calls · " + chartSays);
    assertThat(2_000 + 12_300 + 17_700).isEqualTo(32_000); // the notice's moment, 17.7 s from now
  }
}
