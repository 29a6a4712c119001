package dev.playground.session;

import dev.playground.events.RunEvent;
import dev.playground.events.RunLog;
import dev.playground.events.RunLogFormatException;
import dev.playground.events.RunLogReader;
import dev.playground.events.RunSummary;
import dev.playground.policy.ModelRef;
import dev.playground.policy.PolicyJson;
import dev.playground.policy.PolicySet;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A saved run log opened for viewing: its events, the reader's warnings, its summary, and what its
 * {@code run_started} says (scenario, breaker delays for the countdown). Immutable once read.
 *
 * @param scenario the scenario named in {@code run_started}, or "" if the log has none
 */
public record Replay(Path file, RunLog log, RunSummary summary, String scenario, String clock,
    Map<String, Duration> breakerDelays) {

  public Replay {
    breakerDelays = Map.copyOf(breakerDelays);
  }

  /** The file's name, as the badge shows it. */
  public String name() {
    return String.valueOf(file.getFileName());
  }

  /**
   * Reads {@code file}.
   *
   * @throws IllegalArgumentException with one sentence a user can act on: the reader's, or why the file
   *     could not be read
   */
  static Replay read(Path file) {
    RunLog log;
    try {
      log = RunLogReader.read(file);
    } catch (RunLogFormatException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file.getFileName() + ": no such file", e);
    } catch (IOException e) {
      throw new IllegalArgumentException(file.getFileName() + ": cannot be read (" + e.getMessage() + ")", e);
    }
    String scenario = "";
    String clock = "";
    Map<String, Duration> delays = new LinkedHashMap<>();
    if (!log.events().isEmpty() && log.events().get(0) instanceof RunEvent.RunStarted started) {
      scenario = started.scenario() == null ? "" : started.scenario();
      clock = started.clock() == null ? "" : started.clock();
      delays.putAll(breakerDelays(started));
    }
    return new Replay(file, log, RunSummary.of(log.events()), scenario, clock, delays);
  }

  /** The breakers' delays from the policies the run started with; none if they cannot be read. */
  private static Map<String, Duration> breakerDelays(RunEvent.RunStarted started) {
    Map<String, Duration> delays = new LinkedHashMap<>();
    try {
      PolicySet p = PolicyJson.read(started.policies());
      if (p.breaker() != null) for (ModelRef ref : p.chain().models()) delays.put(ref.key(), p.breaker().delay());
    } catch (RuntimeException e) {
      // a log from another version may hold policies this one cannot read: then no countdown, nothing worse
    }
    return delays;
  }
}
