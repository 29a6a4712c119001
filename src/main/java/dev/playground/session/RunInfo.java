package dev.playground.session;

import dev.playground.faults.FaultPlan;
import dev.playground.scenario.Scenario;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * An open run of a {@link Session} as the window shows it. Immutable.
 *
 * @param scenario what really runs (for a real endpoint, the proxy form of {@code settings.scenario()})
 * @param breakable the providers whose faults can be changed, with their plans now
 * @param engineFaults the plan breaking the engine's retriever and cache now
 * @param baseUrls the loopback base URL of each live simulated or proxy provider (other apps may use it too)
 * @param clockMillis the run clock's time now (scenario time), from any thread
 * @param storyStartMs when the scenario's timed faults started (run-clock ms), or -1 while they wait for a load
 */
public record RunInfo(long number, SessionSettings settings, Scenario scenario, Path logFile,
    Map<String, Duration> breakerDelays, Map<String, FaultPlan> breakable, FaultPlan engineFaults,
    Map<String, String> baseUrls, LongSupplier clockMillis, long storyStartMs) {

  public RunInfo {
    breakerDelays = Map.copyOf(breakerDelays);
    breakable = Collections.unmodifiableMap(new LinkedHashMap<>(breakable));
    baseUrls = Map.copyOf(baseUrls);
  }

  static RunInfo of(RunHandle h) {
    Map<String, FaultPlan> breakable = new LinkedHashMap<>();
    Map<String, String> urls = new LinkedHashMap<>();
    for (String name : h.run.providers().names()) {
      if (h.run.providers().breakable(name)) breakable.put(name, h.run.providers().faults(name));
      String url = h.run.providers().baseUrl(name);
      if (url != null) urls.put(name, url);
    }
    return new RunInfo(h.number, h.settings, h.scenario, h.logFile, h.breakerDelays(), breakable,
        h.run.engineFaults(), urls, h.run.clock()::nowMillis, h.run.storyStartMs());
  }
}
