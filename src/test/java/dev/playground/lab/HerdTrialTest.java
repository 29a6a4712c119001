package dev.playground.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model, checked on a network without variance (every message takes exactly 10 ms), where it is exact. */
class HerdTrialTest {
  private final HerdSettings steadyNetwork = HerdSettings.defaults()
      .withNetwork(Duration.ofMillis(10), Duration.ZERO)
      .withTrials(1);

  @Test
  void aLoneClientWritesOnceAndIsDoneAfterFourMessages() {
    for (HerdStrategy s : HerdStrategy.values()) {
      long[] outcome = HerdTrial.run(steadyNetwork, s, 1, 0, HerdEngine.VIRTUAL_CLOCK.loops());
      assertThat(outcome).as(s.id()).containsExactly(1, 40_000_000L); // read there and back, write there and back
    }
  }

  @Test
  void aLostWriteCostsAFullRoundTripPlusTheSleepBeforeTheNextRead() {
    // both clients read version 0 at 10 ms and write at 30 ms; client 0's write lands first, client 1's loses,
    // hears so at 40 ms, sleeps, reads at 50 ms + sleep, writes at 70 ms + sleep, hears at 80 ms + sleep
    long[] none = HerdTrial.run(steadyNetwork, HerdStrategy.NO_BACKOFF, 2, 0, HerdEngine.VIRTUAL_CLOCK.loops());
    long[] expo = HerdTrial.run(steadyNetwork, HerdStrategy.EXPONENTIAL, 2, 0, HerdEngine.VIRTUAL_CLOCK.loops());

    assertThat(none).containsExactly(3, 80_000_000L);
    assertThat(expo).containsExactly(3, 90_000_000L); // first sleep: 5 ms · 2^1
  }

  @Test
  void withoutJitterOrNetworkVarianceTheHerdStaysInLockstep() {
    // all N read together and write together: one wins per round, so the calls are N + (N-1) + … + 1
    long[] expo = HerdTrial.run(steadyNetwork, HerdStrategy.EXPONENTIAL, 10, 0, HerdEngine.VIRTUAL_CLOCK.loops());
    assertThat(expo[0]).isEqualTo(55);
  }

  @Test
  void callsStayBetweenOnePerClientAndTheLockstepWorstCase() {
    // a success can make each other unfinished client lose at most once, so calls ≤ N + (N-1) + … + 1
    var settings = HerdSettings.defaults().withClients(List.of(30)).withTrials(5);
    for (HerdStrategy s : HerdStrategy.values()) {
      for (int trial = 0; trial < 5; trial++) {
        long[] outcome = HerdTrial.run(settings, s, 30, trial, HerdEngine.VIRTUAL_CLOCK.loops());
        assertThat(outcome[0]).as(s.id()).isBetween(30L, 30L * 31 / 2);
        assertThat(outcome[1]).as(s.id()).isPositive();
      }
    }
  }
}
