package dev.playground.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playground.lab.HerdLab;
import dev.playground.lab.HerdResult;
import dev.playground.lab.HerdRow;
import dev.playground.lab.HerdSettings;
import dev.playground.lab.HerdStrategy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HerdConclusionsTest {
  @Test
  void thePublishedExperimentReproducesEveryConclusion() {
    var conclusions = HerdConclusions.of(HerdLab.run(HerdSettings.defaults()));

    assertThat(conclusions).hasSize(4).allSatisfy(c -> assertThat(c.reproduced()).as(c.claim()).isTrue());
    assertThat(conclusions.get(0).evidence())
        .isEqualTo("At 100 clients full jitter makes 0.43× and equal jitter 0.44× the calls of exponential backoff.");
    assertThat(conclusions.get(1).evidence()).startsWith("Slowest at 4 of 4 client counts; at 100 clients it takes 62.9 s");
  }

  @Test
  void aSmallCrowdDoesNotHalveTheWorkAndSaysWhereTheResultIs() {
    var conclusions = HerdConclusions.of(HerdLab.run(HerdSettings.defaults().withClients(List.of(5)).withTrials(20)));

    assertThat(conclusions.get(0).reproduced()).isFalse();
    assertThat(conclusions.get(0).evidence()).contains("At 5 clients", "The published result is at 100 clients");
  }

  @Test
  void aRunWhereExponentialIsNotSlowestIsNotReproduced() {
    HerdResult real = HerdLab.run(HerdSettings.defaults().withClients(List.of(20)).withTrials(5));
    List<HerdRow> rows = new ArrayList<>();
    for (HerdRow r : real.rows()) {
      boolean none = r.strategy() == HerdStrategy.NO_BACKOFF;
      rows.add(none ? new HerdRow(r.strategy(), r.clients(), r.trials(), r.callsMean(), r.callsMedian(), 1e9, 1e9) : r);
    }

    var conclusions = HerdConclusions.of(new HerdResult(real.settings(), rows));

    assertThat(conclusions.get(1).reproduced()).isFalse();
    assertThat(conclusions.get(1).evidence()).startsWith("Slowest at 0 of 1 client counts");
    assertThat(conclusions.get(3).reproduced()).isFalse();
  }
}
