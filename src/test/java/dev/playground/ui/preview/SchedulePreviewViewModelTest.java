package dev.playground.ui.preview;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.playground.policy.Jitter;
import dev.playground.policy.RetrySpec;
import dev.playground.policy.SchedulePreview;
import dev.playground.scenario.Presets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchedulePreviewViewModelTest {
  private static final RetrySpec BACKOFF = RetrySpec.defaults().withMaxAttempts(5).withBackoff(ofSeconds(1), ofSeconds(30), 2);
  private final SchedulePreviewViewModel model = new SchedulePreviewViewModel();

  @Test
  void theRowsAreTheSchedulePreviewOfTheSpecAndSeedCoordinates() {
    List<RetrySpec> specs = List.of(RetrySpec.defaults(), BACKOFF, BACKOFF.withJitter(Jitter.FULL, 0),
        BACKOFF.withJitter(Jitter.EQUAL, 0), BACKOFF.withJitter(Jitter.PROPORTIONAL, 0.3),
        BACKOFF.withJitter(Jitter.DECORRELATED, 0), BACKOFF.withMaxAttempts(9).withMaxTotalDuration(ofSeconds(10)));
    model.seedProperty().set("7");
    model.requestProperty().set("3");
    model.modelProperty().set("1");
    for (RetrySpec spec : specs) {
      model.setRetrySpec(spec);

      SchedulePreview expected = SchedulePreview.of(spec, 7, 3, 1);
      assertThat(model.previewProperty().get()).as(spec.toString()).isEqualTo(expected);
      assertThat(model.rows()).hasSize(expected.attempts());
      for (int i = 0; i < expected.attempts(); i++) {
        assertThat(model.rows().get(i).delay()).isEqualTo(Times.text(expected.rows().get(i).delay()));
        assertThat(model.rows().get(i).start()).isEqualTo(Times.text(expected.rows().get(i).start()));
      }
    }
  }

  @Test
  void theRowsReadAsTheDocumentedExample() {
    // docs/user/schedule-preview.md, "The table, for one setting":
    // max_attempts 5, delay 1000 ms, backoff to 30 s, full jitter, seed 42, request 0
    model.seedProperty().set("42");
    model.setRetrySpec(BACKOFF.withJitter(Jitter.FULL, 0));

    assertThat(model.rows()).extracting(PreviewRow::delay).containsExactly("0 s", "197 ms", "1.904 s", "65 ms", "6.146 s");
    assertThat(model.rows()).extracting(PreviewRow::start).containsExactly("0 s", "197 ms", "2.101 s", "2.166 s", "8.312 s");
    assertThat(model.rows()).extracting(PreviewRow::nominalStart).containsExactly("0 s", "1 s", "3 s", "7 s", "15 s");
    assertThat(model.rows()).extracting(PreviewRow::waitBand).containsExactly("0 s", "0–1 s", "0–2 s", "0–4 s", "0–8 s");
    assertThat(model.rows()).extracting(PreviewRow::reason).containsExactly("", "backoff", "backoff", "backoff", "backoff");
    assertThat(model.summaryProperty().get())
        .isEqualTo("5 attempts, 4 waits; the last attempt starts at 8.312 s (between 0 s and 15 s whatever the seed).");
  }

  @Test
  void theLessonsTableStandsBesideTenacityAndFailsafe() {
    BackoffTable lesson = model.comparisons().get(0);

    assertThat(lesson.rows()).extracting(BackoffTable.Row::lesson).containsExactly("4 s", "8 s", "16 s", "32 s", "60 s");
    assertThat(lesson.rows()).extracting(BackoffTable.Row::tenacity).containsExactly("4 s", "4 s", "4 s", "8 s", "(stops)");
    assertThat(lesson.rows()).extracting(BackoffTable.Row::failsafe).containsExactly("4 s", "8 s", "16 s", "32 s", "(stops)");
    assertThat(lesson.python()).isEqualTo("@retry(stop=stop_after_attempt(5), wait=wait_exponential(multiplier=1, min=4, max=60))");
    assertThat(lesson.note()).contains("4, 8, 16, 32, 60 s", "tenacity waits 4, 4, 4, 8 s", "stop_after_attempt(5) means 4 waits, not 5",
        "withBackoff(4 s, 60 s) waits 4, 8, 16, 32 s");
  }

  @Test
  void aPresetThatMirrorsATenacityCallGetsItsOwnTable() {
    model.setScenario(Presets.get("complete-client"));

    assertThat(model.comparisons()).hasSize(2);
    BackoffTable preset = model.comparisons().get(1);
    assertThat(preset.hasLesson()).isFalse();
    assertThat(preset.rows()).extracting(BackoffTable.Row::tenacity).containsExactly("2 s", "2 s");
    assertThat(preset.rows()).extracting(BackoffTable.Row::failsafe).containsExactly("2 s", "4 s");
    assertThat(preset.note()).isEqualTo(
        "The usual translation does not wait the same: tenacity waits 2, 2 s, while Failsafe's withBackoff(2 s, 30 s) waits 2, 4 s.");
    assertThat(model.previewProperty().get().spec()).isEqualTo(Presets.get("complete-client").policies().retry());
  }

  @Test
  void theLessonsOwnPresetIsNotShownTwice() {
    model.setScenario(Presets.get("exponential-backoff"));

    assertThat(model.comparisons()).hasSize(1);
    assertThat(model.presetNoteProperty().get()).isEqualTo("\"Exponential backoff\" is the lesson's example above.");
    assertThat(model.rows()).extracting(PreviewRow::delay).containsExactly("0 s", "4 s", "8 s", "16 s", "32 s");
  }

  @Test
  void aPresetWithoutRetrySaysSoAndShowsNoRows() {
    model.setScenario(Presets.get("simple-fallback"));

    assertThat(model.previewProperty().get()).isNull();
    assertThat(model.rows()).isEmpty();
    assertThat(model.summaryProperty().get()).startsWith("No retry policy");
  }

  @Test
  void aBadSeedIsRefusedWithItsRuleAndTheLastPreviewStays() {
    model.setRetrySpec(BACKOFF.withJitter(Jitter.FULL, 0));
    SchedulePreview before = model.previewProperty().get();

    model.seedProperty().set("4x2");

    assertThat(model.seedErrorProperty().get()).isEqualTo("seed must be a whole number, was \"4x2\"");
    assertThat(model.previewProperty().get()).isSameAs(before);

    model.seedProperty().set("43");
    assertThat(model.seedErrorProperty().get()).isEmpty();
    assertThat(model.previewProperty().get()).isEqualTo(SchedulePreview.of(BACKOFF.withJitter(Jitter.FULL, 0), 43, 0, 0));
  }

  @Test
  void aNegativeRequestOrAModelPastTheChainIsRefused() {
    model.requestProperty().set("-1");
    model.modelProperty().set("12");

    assertThat(model.requestErrorProperty().get()).isEqualTo("request must be in [0, 9223372036854775807], was -1");
    assertThat(model.modelErrorProperty().get()).isEqualTo("model must be in [0, 9], was 12");
  }

  @Test
  void aRetryAfterOnEveryFailureSetsEveryWaitUpToTheCap() {
    model.setRetrySpec(BACKOFF.withRetryAfter(true, ofMillis(2500)));
    model.retryAfterSecondsProperty().set("2");
    model.assumeRetryAfterProperty().set(true);

    assertThat(model.rows()).extracting(PreviewRow::delay).containsExactly("0 s", "2 s", "2 s", "2 s", "2 s");
    assertThat(model.rows()).extracting(PreviewRow::reason).containsExactly("", "Retry-After", "Retry-After", "Retry-After", "Retry-After");

    model.retryAfterSecondsProperty().set("9.5");
    assertThat(model.rows()).extracting(PreviewRow::delay).containsExactly("0 s", "2.5 s", "2.5 s", "2.5 s", "2.5 s");
  }

  @Test
  void aRetryAfterIsIgnoredWhenThePolicyDoesNotHonourIt() {
    model.setRetrySpec(BACKOFF.withRetryAfter(false, ofSeconds(60)));
    model.assumeRetryAfterProperty().set(true);

    assertThat(model.rows()).extracting(PreviewRow::delay).containsExactly("0 s", "1 s", "2 s", "4 s", "8 s");
    assertThat(model.summaryProperty().get()).contains("honour_retry_after is off");
  }

  @Test
  void aBadRetryAfterIsRefusedWithItsRule() {
    model.assumeRetryAfterProperty().set(true);

    model.retryAfterSecondsProperty().set("-1");
    assertThat(model.retryAfterErrorProperty().get()).isEqualTo("Retry-After must be in [0, 3600] s, was -1");
    model.retryAfterSecondsProperty().set("soon");
    assertThat(model.retryAfterErrorProperty().get()).isEqualTo("Retry-After must be a number of seconds, was \"soon\"");
    model.retryAfterSecondsProperty().set("0.0005");
    assertThat(model.retryAfterErrorProperty().get()).startsWith("Retry-After must be whole milliseconds");

    model.assumeRetryAfterProperty().set(false);
    assertThat(model.retryAfterErrorProperty().get()).isEmpty();
  }
}
