package dev.playground.events;

import dev.playground.clock.LiveClock;
import java.nio.file.Path;
import java.util.Map;

/**
 * A process that writes a run log as fast as it can until it is killed; {@link RunLogCrashTest} runs it. Prints
 * {@code written N} once at least {@code N} lines (its second argument) are in the file, then keeps writing.
 * Every failed attempt carries the value of {@code OPENAI_API_KEY} in its error text, the way a careless SDK
 * message might.
 */
public final class LogWritingChild {
  private LogWritingChild() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    long announceAt = Long.parseLong(args[1]);
    String key = String.valueOf(System.getenv("OPENAI_API_KEY"));
    var recorder = new RunRecorder(new LiveClock());
    var writer = RunLogWriter.open(file);
    recorder.subscribe(writer);
    boolean announced = false;
    for (long req = 0; ; req++) {
      long r = req;
      recorder.publish((s, t) -> new RunEvent.RequestStarted(s, t, r, "prompt " + r));
      recorder.publish((s, t) -> new RunEvent.AttemptStarted(s, t, r, 1, 1, "sim", "m", Rung.FULL));
      recorder.publish((s, t) -> new RunEvent.AttemptFinished(s, t, r, 1, 1, "sim", "m", Rung.FULL, "auth", 401,
          3.25, null, "req_" + r, "Incorrect API key provided: " + key, Map.of("x-request-id", "req_" + r)));
      recorder.publish((s, t) -> new RunEvent.RequestFinished(s, t, r, Rung.ERROR, null, null, "auth", 4, 1, null));
      if (!announced && writer.linesWritten() >= announceAt) {
        System.out.println("written " + writer.linesWritten());
        System.out.flush();
        announced = true;
      }
    }
  }
}
