package dev.playground.scenario;

import dev.playground.clock.VirtualClock;
import dev.playground.events.RunEvent.AttemptFinished;
import dev.playground.events.RunEvent.AttemptStarted;
import dev.playground.events.RunEvent.RequestEvent;
import dev.playground.events.RunEvent.RequestFinished;
import dev.playground.events.RunEvent.RequestStarted;
import dev.playground.events.RunEvent;
import dev.playground.events.RunSummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** A preset (or scenario) run to its end in virtual time, with its events at hand. */
final class PresetRun {
  final Scenario scenario;
  final List<RunEvent> events = Collections.synchronizedList(new ArrayList<>());
  final RunSummary summary;
  final ProviderSet providers;

  private PresetRun(Scenario scenario) {
    this.scenario = scenario;
    ScenarioRun run = ScenarioRun.virtual(scenario, new VirtualClock(), null, events::add);
    this.providers = run.providers();
    this.summary = run.runToEnd(Duration.ofMinutes(1));
  }

  static PresetRun of(String preset) {
    return new PresetRun(Presets.get(preset));
  }

  static PresetRun of(Scenario scenario) {
    return new PresetRun(scenario);
  }

  <E extends RunEvent> List<E> all(Class<E> type) {
    synchronized (events) {
      return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
  }

  /** Each request's events, by request number. */
  Map<Long, List<RequestEvent>> byRequest() {
    synchronized (events) {
      return events.stream().filter(RequestEvent.class::isInstance).map(RequestEvent.class::cast)
          .collect(Collectors.groupingBy(RequestEvent::req, TreeMap::new, Collectors.toList()));
    }
  }

  List<RequestFinished> finished() {
    return all(RequestFinished.class);
  }

  /** When each request started, by request number. */
  Map<Long, Long> startTimes() {
    return all(RequestStarted.class).stream().collect(Collectors.toMap(RequestStarted::req, RunEvent::tMs));
  }

  static <E extends RunEvent> List<E> of(List<RequestEvent> events, Class<E> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  static List<String> outcomes(List<RequestEvent> events) {
    return of(events, AttemptFinished.class).stream().map(AttemptFinished::outcome).toList();
  }

  static List<String> models(List<RequestEvent> events) {
    return of(events, AttemptStarted.class).stream().map(a -> a.provider() + "/" + a.model()).toList();
  }
}
