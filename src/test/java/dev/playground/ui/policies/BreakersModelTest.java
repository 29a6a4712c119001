package dev.playground.ui.policies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playground.clock.VirtualClock;
import dev.playground.events.BreakerState;
import dev.playground.policy.BreakerSpec;
import dev.playground.policy.ManagedBreaker;
import dev.playground.policy.PolicyListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BreakersModelTest {
  private final VirtualClock clock = new VirtualClock();
  private final BreakerSpec spec = BreakerSpec.countBased(5, 5, Duration.ofSeconds(30));
  private final List<ManagedBreaker> breakers = new ArrayList<>(List.of(
      ManagedBreaker.onRunClock(spec, "openai/gpt-4o", clock, PolicyListener.NONE),
      ManagedBreaker.onRunClock(spec, "openai/gpt-4o-mini", clock, PolicyListener.NONE)));
  private final BreakersModel model = new BreakersModel();

  @Test
  void eachBreakerIsShownWithItsStateAndCanBeOpenedHalfOpenedAndClosedByHand() {
    model.setSource(() -> breakers);
    assertThat(model.rows()).extracting(BreakerRow::name).containsExactly("openai/gpt-4o", "openai/gpt-4o-mini");
    BreakerRow row = model.rows().get(0);
    assertThat(row.stateProperty().get()).isEqualTo(BreakerState.CLOSED);
    assertThat(row.detailProperty().get()).isEqualTo("calls go through · opens per the policy · delay 30 s");

    row.open();
    assertThat(breakers.get(0).state()).isEqualTo(BreakerState.OPEN);
    assertThat(row.detailProperty().get()).isEqualTo("refuses calls · half-open in 30.0 s");
    assertThat(model.anyOpen()).isTrue();

    clock.advance(12_500);
    model.refresh();
    assertThat(row.detailProperty().get()).isEqualTo("refuses calls · half-open in 17.5 s");

    row.halfOpen();
    assertThat(breakers.get(0).state()).isEqualTo(BreakerState.HALF_OPEN);
    assertThat(row.stateProperty().get()).isEqualTo(BreakerState.HALF_OPEN);

    row.close();
    assertThat(breakers.get(0).state()).isEqualTo(BreakerState.CLOSED);
    assertThat(model.anyOpen()).isFalse();
  }

  @Test
  void aRefreshPicksUpBreakersThatAppearedOrWereReplaced() {
    model.setSource(() -> breakers);
    BreakerRow first = model.rows().get(0);

    breakers.add(ManagedBreaker.onRunClock(spec, "backup/m", clock, PolicyListener.NONE));
    model.refresh();
    assertThat(model.rows()).extracting(BreakerRow::name).endsWith("backup/m");

    breakers.get(0).open(); // changed elsewhere (e.g. by failures): a refresh reads it
    model.refresh();
    assertThat(model.rows().get(0)).isNotSameAs(first);
    assertThat(model.rows().get(0).stateProperty().get()).isEqualTo(BreakerState.OPEN);
  }
}
