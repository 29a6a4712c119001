package dev.playground.ui.preview;

import dev.playground.events.RetryReason;
import dev.playground.policy.SchedulePreview;

/**
 * One line of the preview table, its cells as text. Immutable and thread-safe.
 *
 * @param reason "", "backoff" or "Retry-After"
 */
record PreviewRow(
    int attempt,
    String delay,
    String start,
    String nominalWait,
    String nominalStart,
    String waitBand,
    String startBand,
    String reason) {

  static PreviewRow of(SchedulePreview.Row r) {
    String reason = r.reason() == null ? "" : r.reason() == RetryReason.RETRY_AFTER ? "Retry-After" : "backoff";
    return new PreviewRow(r.attempt(), Times.text(r.delay()), Times.text(r.start()), Times.text(r.nominalDelay()),
        Times.text(r.nominalStart()), Times.band(r.minDelay(), r.maxDelay()),
        Times.band(r.earliestStart(), r.latestStart()), reason);
  }
}
