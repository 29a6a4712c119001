package dev.playground.bench;

import dev.playground.clock.LiveClock;
import dev.playground.events.RunEvent;
import dev.playground.events.RunLogWriter;
import dev.playground.events.RunRecorder;
import dev.playground.events.Rung;
import dev.playground.scenario.ScenarioJson;
import dev.playground.scenario.ScenarioRun;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The process {@link KillBench} kills: it writes a run log under load and prints, every 10 ms, how many events
 * it has emitted so far ({@code emitted N MS}, MS since it started), so that the parent knows what the log
 * should have held when the kill came. {@code live}: the real engine against two simulated providers on
 * loopback, 200 requests at a time, with faults; {@code flood}: events published as fast as one thread can.
 * Runs until it is killed.
 */
public final class KillChild {
  private static final String SCENARIO = """
      {"name": "kill", "seed": 9,
       "providers": [
         {"name": "primary", "faults": {"base_latency": {"lognormal": {"median_ms": 20, "sigma": 0.5}}, "rules": [
            {"kind": "rate_limit", "probability": 0.1, "retry_after_ms": 50},
            {"kind": "service_unavailable", "probability": 0.05}, {"kind": "reset", "probability": 0.02}]}},
         {"name": "backup", "faults": {"base_latency": {"fixed_ms": 30}}}],
       "policies": {"chain": [{"provider": "primary", "model": "gpt-4o"}, {"provider": "backup", "model": "gpt-4o-mini"}],
         "retry": {"max_attempts": 3, "delay_ms": 20, "honour_retry_after": true},
         "timeout": {"per_attempt_ms": 2000}},
       "load": {"requests": 1000000, "concurrency": 200}}
      """;

  private KillChild() {}

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    Path log = Path.of(args[1]);
    AtomicLong emitted = new AtomicLong();
    long start = System.nanoTime();
    PrintStream out = System.out;
    Thread reporter = new Thread(() -> {
      while (true) {
        out.println("emitted " + emitted.get() + " " + (System.nanoTime() - start) / 1_000_000);
        out.flush();
        try {
          Thread.sleep(10); // the side channel's pace, not a wait for something to happen
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "kill-reporter");
    reporter.setDaemon(true);
    if (mode.equals("live")) {
      var scenario = ScenarioJson.parse(SCENARIO, "kill");
      ScenarioRun run = ScenarioRun.live(scenario, log, e -> emitted.incrementAndGet());
      reporter.start();
      run.startLoad(scenario.load(), null).done().get();
    } else {
      var recorder = new RunRecorder(new LiveClock());
      recorder.subscribe(RunLogWriter.open(log));
      recorder.subscribe(e -> emitted.incrementAndGet());
      reporter.start();
      for (long req = 0; ; req++) {
        long r = req;
        recorder.publish((s, t) -> new RunEvent.RequestStarted(s, t, r, "prompt " + r));
        recorder.publish((s, t) -> new RunEvent.AttemptStarted(s, t, r, 1, 1, "sim", "m", Rung.FULL));
        recorder.publish((s, t) -> new RunEvent.AttemptFinished(s, t, r, 1, 1, "sim", "m", Rung.FULL, "ok", 200,
            3.25, null, "req_" + r, null, Map.of("x-request-id", "req_" + r)));
        recorder.publish((s, t) -> new RunEvent.RequestFinished(s, t, r, Rung.FULL, "sim", "m", "ok", 4, 1, "an answer"));
      }
    }
  }
}
