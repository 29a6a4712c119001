package dev.playground.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoryScheduleTest {
  @Test
  void theOutagePresetsStoryIsItsTimedFaultsAndItsLoad() {
    StorySchedule story = StorySchedule.of(Presets.get("outage-and-recovery"));

    assertThat(story.timed()).extracting(StorySchedule.Timed::label)
        .containsExactly("service_unavailable 10–40 s (openai gpt-4o)");
    assertThat(story.lengthMs()).isEqualTo(60_000);
  }

  @Test
  void aWindowThatNeverClosesIsOpenEndedAndAPresetWithoutWindowsHasNoStory() {
    StorySchedule qa = StorySchedule.of(Presets.get("resilient-qa"));
    assertThat(qa.timed()).extracting(StorySchedule.Timed::label)
        .containsExactly("service_unavailable from 40 s (openai)");
    assertThat(StorySchedule.of(Presets.get("retry-on-empty-result")).isEmpty()).isTrue();
  }
}
