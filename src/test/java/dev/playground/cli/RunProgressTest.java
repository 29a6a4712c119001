package dev.playground.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playground.events.RetryReason;
import dev.playground.events.RunEvent.AttemptStarted;
import dev.playground.events.RunEvent.RequestFinished;
import dev.playground.events.RunEvent.RetryScheduled;
import dev.playground.events.Rung;
import org.junit.jupiter.api.Test;

class RunProgressTest {
  private final RunProgress progress = new RunProgress(4);

  private static RetryScheduled retry(long tMs, long req, long delayMs) {
    return new RetryScheduled(0, tMs, req, 1, "sim", "m", delayMs, RetryReason.BACKOFF, null);
  }

  @Test
  void countsFinishedRequestsAndTheScenarioTime() {
    progress.accept(new RequestFinished(0, 900, 0, Rung.FULL, "sim", "m", "ok", 900, 1, "a"));

    assertThat(progress.line(12_345)).isEqualTo("run: 1 of 4 requests done · 12.3 s of scenario time");
  }

  @Test
  void saysHowLongTheLongestRetryWaitStillHasToGo() {
    progress.accept(retry(1_000, 0, 4_000));
    assertThat(progress.line(2_000)).endsWith(" · a retry waits 3.0 s more");

    progress.accept(retry(1_500, 1, 16_000));
    assertThat(progress.line(2_000)).endsWith(" · 2 retries wait, the longest 15.5 s more");

    progress.accept(new AttemptStarted(0, 5_000, 0, 2, 2, "sim", "m", Rung.FULL));
    assertThat(progress.line(6_000)).endsWith(" · a retry waits 11.5 s more");
  }

  @Test
  void warnsOnlyAboutStoriesLongerThanAFewSeconds() {
    assertThat(RunProgress.estimate(4_000)).isNull();
    assertThat(RunProgress.estimate(43_055)).isEqualTo(
        "its waits and timing make it about 43.1 s live; add --virtual to run it in a moment");
  }
}
