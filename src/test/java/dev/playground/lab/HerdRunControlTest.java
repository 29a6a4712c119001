package dev.playground.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/** Progress and cancellation, which the window needs to run the lab in the background. */
class HerdRunControlTest {
  private final HerdSettings small = HerdSettings.defaults().withClients(List.of(5, 20)).withTrials(4);

  @Test
  void progressCountsEveryTrialAndRowsArriveAsTheyComplete() {
    List<long[]> progress = new ArrayList<>();
    List<HerdRow> rows = new ArrayList<>();
    var listener = new HerdListener() {
      @Override
      public void onProgress(long done, long total) {
        progress.add(new long[] {done, total});
      }

      @Override
      public void onRow(HerdRow row) {
        rows.add(row);
      }
    };

    HerdResult result = HerdLab.run(small, HerdEngine.VIRTUAL_CLOCK, listener, () -> false);

    assertThat(progress).hasSize(40);
    assertThat(progress.get(0)).containsExactly(1, 40);
    assertThat(progress.get(39)).containsExactly(40, 40);
    assertThat(rows).hasSize(10).containsExactlyInAnyOrderElementsOf(result.rows());
    // every strategy gets its point at 5 clients before any gets one at 20: the lines grow together
    assertThat(rows.subList(0, 5)).allSatisfy(r -> assertThat(r.clients()).isEqualTo(5));
  }

  @Test
  void aCancelledRunStopsBeforeTheNextTrial() {
    List<Long> done = new ArrayList<>();
    HerdListener listener = new HerdListener() {
      @Override
      public void onProgress(long d, long total) {
        done.add(d);
      }
    };

    assertThatThrownBy(() -> HerdLab.run(small, HerdEngine.VIRTUAL_CLOCK, listener, () -> done.size() >= 7))
        .isInstanceOf(CancellationException.class)
        .hasMessage("herd lab cancelled after 7 of 40 trials");
    assertThat(done).hasSize(7);
  }

  @Test
  void anInterruptedThreadStopsTheRun() {
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> HerdLab.run(small)).isInstanceOf(CancellationException.class);
    } finally {
      assertThat(Thread.interrupted()).as("the interrupt is left set for the caller").isTrue();
    }
  }
}
