package dev.playground.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class HerdSettingsTest {
  private final HerdSettings defaults = HerdSettings.defaults();

  @Test
  void theDefaultsAreThePublishedExperiment() {
    assertThat(defaults.strategies()).containsExactly(HerdStrategy.values());
    assertThat(defaults.clients()).containsExactly(10, 25, 50, 100);
    assertThat(defaults.trials()).isEqualTo(100);
    assertThat(defaults.base()).isEqualTo(Duration.ofMillis(5));
    assertThat(defaults.cap()).isEqualTo(Duration.ofSeconds(2));
    assertThat(defaults.networkMean()).isEqualTo(Duration.ofMillis(10));
    assertThat(defaults.networkSd()).isEqualTo(Duration.ofMillis(2));
    assertThat(defaults.totalTrials()).isEqualTo(2_000);
  }

  @Test
  void aClientCountBelowOneIsRefusedWithItsIndexAndValue() {
    assertThatThrownBy(() -> defaults.withClients(List.of(10, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("clients[1] must be in [1, 1000], was 0");
    assertThatThrownBy(() -> defaults.withClients(List.of(5_000)))
        .hasMessage("clients[0] must be in [1, 1000], was 5000");
    assertThatThrownBy(() -> defaults.withClients(Arrays.asList(10, null)))
        .hasMessage("clients[1] must be in [1, 1000], was null");
  }

  @Test
  void emptyOrRepeatedClientCountsAreRefused() {
    assertThatThrownBy(() -> defaults.withClients(List.of())).hasMessage("clients must not be empty");
    assertThatThrownBy(() -> defaults.withClients(List.of(10, 25, 10))).hasMessage("clients[2] repeats 10");
  }

  @Test
  void trialsBelowOneAreRefused() {
    assertThatThrownBy(() -> defaults.withTrials(0)).hasMessage("trials must be in [1, 10000], was 0");
    assertThatThrownBy(() -> defaults.withTrials(-3)).hasMessage("trials must be in [1, 10000], was -3");
  }

  @Test
  void theBaseMustBePositiveAndTheCapAtLeastTheBase() {
    assertThatThrownBy(() -> defaults.withBackoff(Duration.ZERO, Duration.ofSeconds(2)))
        .hasMessage("base must be > 0 ms, was 0 ms");
    assertThatThrownBy(() -> defaults.withBackoff(Duration.ofMillis(50), Duration.ofMillis(20)))
        .hasMessage("cap (20 ms) must be ≥ base (50 ms)");
    assertThatThrownBy(() -> defaults.withBackoff(Duration.ofNanos(-500_000), Duration.ofSeconds(1)))
        .hasMessage("base must be > 0 ms, was -0.5 ms");
    assertThat(defaults.withBackoff(Duration.ofMillis(5), Duration.ofMillis(5)).cap()).isEqualTo(Duration.ofMillis(5));
  }

  @Test
  void theNetworkMustTakeSomeTime() {
    assertThatThrownBy(() -> defaults.withNetwork(Duration.ZERO, Duration.ofMillis(2)))
        .hasMessage("networkMean must be > 0 ms, was 0 ms");
    assertThatThrownBy(() -> defaults.withNetwork(Duration.ofMillis(10), Duration.ofMillis(-1)))
        .hasMessage("networkSd must be ≥ 0 ms, was -1 ms");
  }

  @Test
  void strategiesMustBeNamedOnceEach() {
    assertThatThrownBy(() -> defaults.withStrategies(List.of())).hasMessage("strategies must not be empty");
    assertThatThrownBy(() -> defaults.withStrategies(List.of(HerdStrategy.FULL_JITTER, HerdStrategy.FULL_JITTER)))
        .hasMessage("strategies[1] repeats full_jitter");
  }

  @Test
  void theListsAreCopiedSoLaterChangesDoNotLeakIn() {
    var clients = new ArrayList<>(List.of(10, 20));
    var settings = defaults.withClients(clients);
    clients.add(30);
    assertThat(settings.clients()).containsExactly(10, 20);
  }
}
