package dev.playground.events;

import java.util.List;

/**
 * A run log as read back: its events in file order, whether its last line was cut off (and skipped), and what
 * the reader noticed along the way (the cut line, gaps in {@code seq}). Immutable and thread-safe.
 */
public record RunLog(List<RunEvent> events, boolean truncated, List<String> warnings) {
  public RunLog {
    events = List.copyOf(events);
    warnings = List.copyOf(warnings);
  }
}
