package dev.playground.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playground.policy.FailsafeCode;
import dev.playground.scenario.Presets;
import org.junit.jupiter.api.Test;

class LessonViewModelTest {
  @Test
  void aLessonPresetShowsWhatToWatchItsFailsafeCodeAndTheLessonsPython() {
    var model = new LessonViewModel();
    var preset = Presets.get("circuit-breaker");
    model.show(preset, null);
    assertThat(model.titleProperty().get()).isEqualTo(preset.title());
    assertThat(model.watch()).isEqualTo(preset.watch()).isNotEmpty();
    assertThat(model.javaCodeProperty().get()).isEqualTo(FailsafeCode.of(preset.policies())).contains("CircuitBreaker");
    assertThat(model.pythonCodeProperty().get()).contains("def ").doesNotContain("```");
    assertThat(model.pythonSourceProperty().get()).isEqualTo("From the lesson, \"" + preset.lessonSection() + "\"");
  }

  @Test
  void theCodeFollowsThePoliciesInForce() {
    var model = new LessonViewModel();
    var preset = Presets.get("circuit-breaker");
    model.show(preset, null);
    String before = model.javaCodeProperty().get();
    // when the breaker is turned off in the Policies panel
    model.showPolicies(preset.policies().withBreaker(null));
    assertThat(model.javaCodeProperty().get()).isNotEqualTo(before).doesNotContain("CircuitBreaker<");
  }

  @Test
  void aDemoPresetSaysTheLessonHasNoPythonForIt() {
    var model = new LessonViewModel();
    model.show(Presets.get("outage-and-recovery"), null);
    assertThat(model.pythonCodeProperty().get()).isEqualTo(LessonViewModel.NO_PYTHON);
    assertThat(model.pythonSourceProperty().get()).isEmpty();
  }

  @Test
  void copyingSaysWhatWasCopied() {
    var model = new LessonViewModel();
    model.show(Presets.get("simple-retry"), null);
    assertThat(model.copyJava()).isEqualTo(model.javaCodeProperty().get());
    assertThat(model.copiedProperty().get()).startsWith("Copied the Failsafe code (");
  }
}
