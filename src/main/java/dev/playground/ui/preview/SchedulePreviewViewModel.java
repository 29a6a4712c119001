package dev.playground.ui.preview;

import dev.playground.policy.BackoffComparison;
import dev.playground.policy.RetrySpec;
import dev.playground.policy.SchedulePreview;
import dev.playground.scenario.LessonSnippets;
import dev.playground.scenario.Scenario;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The schedule preview's logic: for the current {@link RetrySpec} and seed coordinates, the rows of
 * {@link SchedulePreview} as text, a one-line summary, and the lesson / tenacity / Failsafe tables. Inputs typed
 * by the user (seed, request, model, Retry-After) are validated; a bad one keeps the last good preview and says
 * why. Computing a preview takes microseconds (Failsafe's {@code Execution} API, no waiting), so it runs at once
 * on the caller's thread. Not thread-safe: FX thread (or one test thread).
 */
final class SchedulePreviewViewModel {
  static final long MAX_RETRY_AFTER_MS = 3_600_000;
  static final int MAX_MODEL_INDEX = 9;

  private final StringProperty seed = new SimpleStringProperty("42");
  private final StringProperty request = new SimpleStringProperty("0");
  private final StringProperty model = new SimpleStringProperty("0");
  private final BooleanProperty assumeRetryAfter = new SimpleBooleanProperty(false);
  private final StringProperty retryAfterSeconds = new SimpleStringProperty("5");

  private final ReadOnlyObjectWrapper<RetrySpec> spec = new ReadOnlyObjectWrapper<>(RetrySpec.defaults());
  private final ReadOnlyObjectWrapper<SchedulePreview> preview = new ReadOnlyObjectWrapper<>();
  private final ObservableList<PreviewRow> rows = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper seedError = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper requestError = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper modelError = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper retryAfterError = new ReadOnlyStringWrapper("");
  private final ObservableList<BackoffTable> comparisons = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper presetNote = new ReadOnlyStringWrapper("");

  SchedulePreviewViewModel() {
    seed.addListener((o, a, b) -> recompute());
    request.addListener((o, a, b) -> recompute());
    model.addListener((o, a, b) -> recompute());
    assumeRetryAfter.addListener((o, a, b) -> recompute());
    retryAfterSeconds.addListener((o, a, b) -> recompute());
    comparisons.setAll(BackoffTable.of("The lesson's example", BackoffComparison.lessonExample()));
    presetNote.set("No preset chosen: only the lesson's example is shown.");
    recompute();
  }

  StringProperty seedProperty() { return seed; }

  StringProperty requestProperty() { return request; }

  StringProperty modelProperty() { return model; }

  BooleanProperty assumeRetryAfterProperty() { return assumeRetryAfter; }

  StringProperty retryAfterSecondsProperty() { return retryAfterSeconds; }

  /** The retry settings shown; null = no retry policy. */
  ReadOnlyObjectProperty<RetrySpec> specProperty() { return spec.getReadOnlyProperty(); }

  /** The preview of the last valid inputs, or null without a retry policy. */
  ReadOnlyObjectProperty<SchedulePreview> previewProperty() { return preview.getReadOnlyProperty(); }

  ObservableList<PreviewRow> rows() { return rows; }

  ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }

  ReadOnlyStringProperty seedErrorProperty() { return seedError.getReadOnlyProperty(); }

  ReadOnlyStringProperty requestErrorProperty() { return requestError.getReadOnlyProperty(); }

  ReadOnlyStringProperty modelErrorProperty() { return modelError.getReadOnlyProperty(); }

  ReadOnlyStringProperty retryAfterErrorProperty() { return retryAfterError.getReadOnlyProperty(); }

  /** The lesson's example first, then the preset's own settings when its Python has them. */
  ObservableList<BackoffTable> comparisons() { return comparisons; }

  /** Why the preset has (or has no) table of its own. */
  ReadOnlyStringProperty presetNoteProperty() { return presetNote.getReadOnlyProperty(); }

  /** New retry settings (the Policies panel's applied or edited value); null = no retry policy. */
  void setRetrySpec(RetrySpec newSpec) {
    spec.set(newSpec);
    recompute();
  }

  /** A scenario: its seed, its retry settings and, when its lesson Python has them, its tenacity settings. */
  void setScenario(Scenario scenario) {
    if (scenario == null) return;
    seed.set(Long.toString(scenario.seed())); // recomputes, with the old spec: replaced just below
    spec.set(scenario.policies().retry());
    BackoffTable lesson = BackoffTable.of("The lesson's example", BackoffComparison.lessonExample());
    List<BackoffTable> tables = new ArrayList<>(List.of(lesson));
    Optional<String> python = LessonSnippets.python(scenario.lessonSection());
    Optional<TenacityCall> call = python.flatMap(TenacityCall::in);
    if (call.isEmpty()) {
      presetNote.set(python.isPresent()
          ? "\"" + scenario.title() + "\": the lesson's Python for it has no wait_exponential with stop_after_attempt."
          : "\"" + scenario.title() + "\" has no Python in the lesson to compare with.");
    } else {
      BackoffComparison c = BackoffComparison.of(call.get().waitExponential(), call.get().stopAfterAttempt());
      if (c.python().equals(BackoffComparison.lessonExample().python())) {
        presetNote.set("\"" + scenario.title() + "\" is the lesson's example above.");
      } else {
        presetNote.set("");
        tables.add(BackoffTable.of("This preset: " + scenario.title(), c));
      }
    }
    comparisons.setAll(tables);
    recompute();
  }

  private void recompute() {
    Long s = parseLong(seed.get(), "seed", Long.MIN_VALUE, Long.MAX_VALUE, seedError);
    Long r = parseLong(request.get(), "request", 0, Long.MAX_VALUE, requestError);
    Long m = parseLong(model.get(), "model", 0, MAX_MODEL_INDEX, modelError);
    Duration retryAfter = assumeRetryAfter.get() ? retryAfter() : null;
    if (!assumeRetryAfter.get()) retryAfterError.set("");
    boolean valid = s != null && r != null && m != null && (!assumeRetryAfter.get() || retryAfter != null);
    if (!valid) return; // the last good preview stays; the message says what is wrong
    RetrySpec current = spec.get();
    if (current == null) {
      preview.set(null);
      rows.clear();
      summary.set("No retry policy: each model of the chain gets one attempt, nothing waits.");
      return;
    }
    SchedulePreview p = SchedulePreview.of(current, s, r, m.intValue(), retryAfter);
    rows.setAll(p.rows().stream().map(PreviewRow::of).toList());
    preview.set(p);
    summary.set(summary(current, p, retryAfter));
  }

  static String summary(RetrySpec spec, SchedulePreview p, Duration retryAfter) {
    if (p.attempts() == 1) {
      return spec.maxAttempts() == 1
          ? "max_attempts is 1: one attempt, no retry."
          : "This retry retries nothing (retry_on and retry_on_result are empty): one attempt.";
    }
    var last = p.rows().get(p.rows().size() - 1);
    StringBuilder b = new StringBuilder();
    b.append(p.attempts()).append(" attempts, ").append(p.attempts() - 1).append(" wait")
        .append(p.attempts() == 2 ? "" : "s").append("; the last attempt starts at ").append(Times.text(p.total()));
    if (!last.earliestStart().equals(last.latestStart())) {
      b.append(" (between ").append(Times.text(last.earliestStart())).append(" and ")
          .append(Times.text(last.latestStart())).append(" whatever the seed)");
    }
    b.append('.');
    if (retryAfter != null && !spec.honourRetryAfter())
      b.append(" honour_retry_after is off: the waits ignore the Retry-After.");
    if (p.attempts() < spec.maxAttempts() && !spec.maxTotalDuration().isZero())
      b.append(" The ").append(Times.text(spec.maxTotalDuration())).append(" budget ends the series before max_attempts.");
    return b.toString();
  }

  private Duration retryAfter() {
    String text = retryAfterSeconds.get() == null ? "" : retryAfterSeconds.get().strip();
    try {
      BigDecimal seconds = new BigDecimal(text);
      BigDecimal ms = seconds.movePointRight(3);
      if (ms.signum() < 0 || ms.compareTo(BigDecimal.valueOf(MAX_RETRY_AFTER_MS)) > 0) {
        retryAfterError.set("Retry-After must be in [0, 3600] s, was " + text);
        return null;
      }
      if (ms.stripTrailingZeros().scale() > 0) {
        retryAfterError.set("Retry-After must be whole milliseconds (at most 3 decimals), was " + text);
        return null;
      }
      retryAfterError.set("");
      return Duration.ofMillis(ms.longValueExact());
    } catch (NumberFormatException | ArithmeticException e) {
      retryAfterError.set("Retry-After must be a number of seconds, was \"" + text + "\"");
      return null;
    }
  }

  private static Long parseLong(String raw, String field, long min, long max, ReadOnlyStringWrapper error) {
    String text = raw == null ? "" : raw.strip();
    long v;
    try {
      v = Long.parseLong(text);
    } catch (NumberFormatException e) {
      error.set(field + " must be a whole number, was \"" + text + "\"");
      return null;
    }
    if (v < min || v > max) {
      error.set(field + " must be in [" + min + ", " + max + "], was " + v);
      return null;
    }
    error.set("");
    return v;
  }
}
