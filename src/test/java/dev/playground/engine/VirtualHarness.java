package dev.playground.engine;

import dev.playground.clock.VirtualClock;
import dev.playground.events.RunEvent;
import dev.playground.events.RunRecorder;
import dev.playground.faults.FaultInjector;
import dev.playground.faults.FaultPlan;
import dev.playground.faults.FaultPlans;
import dev.playground.llm.SimulatedChatModel;
import dev.playground.policy.ModelRef;
import dev.playground.policy.PolicyJson;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A resilient client on a virtual clock with in-process simulated providers: what the engine tests drive.
 * Every event is kept in order. Not thread-safe (one test thread drives the clock).
 */
final class VirtualHarness {
  final VirtualClock clock = new VirtualClock();
  final RunRecorder recorder = new RunRecorder(clock);
  final List<RunEvent> events = Collections.synchronizedList(new ArrayList<>());
  final Map<String, FaultInjector> providers = new HashMap<>();
  final Map<String, SimulatedChatModel> models = new HashMap<>();
  final ResilientClient client;

  /** {@code plans}: provider name → fault plan JSON; {@code retriever}: where the full rung's context comes from. */
  VirtualHarness(String policiesJson, Map<String, String> plans, ContextRetriever retriever) {
    recorder.subscribe(events::add);
    plans.forEach((name, json) -> providers.put(name, new FaultInjector(FaultPlans.parse(json), clock)));
    ModelDirectory directory = ref -> models.computeIfAbsent(ref.key(),
        k -> new SimulatedChatModel(ref.provider(), ref.model(), injector(ref), clock));
    client = new ResilientClient(PolicyJson.read(policiesJson),
        new EngineSetup(clock, recorder, 7, directory, retriever));
  }

  VirtualHarness(String policiesJson, Map<String, String> plans) {
    this(policiesJson, plans, Retriever.overLesson());
  }

  private FaultInjector injector(ModelRef ref) {
    FaultInjector f = providers.get(ref.provider());
    if (f == null) throw new IllegalArgumentException("no provider " + ref.provider());
    return f;
  }

  /** Asks and runs the clock until everything is quiet; returns the answer. */
  Answer ask(String prompt) {
    CompletableFuture<Answer> f = client.ask(prompt);
    clock.runUntilIdle();
    if (!f.isDone()) throw new AssertionError("the answer did not arrive when the clock ran out of work");
    return f.join();
  }

  /** Asks at a given virtual time (ms since start). */
  CompletableFuture<Answer> askAt(long atMs, String prompt) {
    CompletableFuture<Answer> result = new CompletableFuture<>();
    clock.schedule(() -> client.ask(prompt).whenComplete((a, e) -> {
      if (e != null) result.completeExceptionally(e);
      else result.complete(a);
    }), Math.max(0, atMs - clock.nowMillis()));
    return result;
  }

  long requests(String provider, String model) {
    SimulatedChatModel m = models.get(provider + "/" + model);
    return m == null ? 0 : m.requestCount();
  }

  <E extends RunEvent> List<E> events(Class<E> type) {
    synchronized (events) {
      return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
  }

  static FaultPlan healthy() {
    return FaultPlan.healthy(0);
  }
}
