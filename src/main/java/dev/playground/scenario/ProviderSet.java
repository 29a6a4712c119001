package dev.playground.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.playground.clock.RunClock;
import dev.playground.clock.Seeds;
import dev.playground.engine.ModelDirectory;
import dev.playground.events.RunEvent;
import dev.playground.events.RunRecorder;
import dev.playground.faults.FaultInjector;
import dev.playground.faults.FaultPlan;
import dev.playground.faults.FaultPlans;
import dev.playground.guard.Secrets;
import dev.playground.llm.ChatModel;
import dev.playground.llm.OpenAiChatModel;
import dev.playground.llm.SimulatedChatModel;
import dev.playground.policy.ModelRef;
import dev.playground.provider.SimulatedProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The providers of one run and their models. Live: each simulated or proxy provider is a
 * {@link SimulatedProvider} on loopback reached through the real openai-java SDK, and a real provider is
 * reached directly. Virtual: each simulated provider is an in-process {@link SimulatedChatModel} on the run
 * clock, with the same fault plan and numbering. Fault-plan changes (from the app, or from the admin API)
 * become {@code faults_changed} events. Thread-safe.
 */
public final class ProviderSet implements ModelDirectory, AutoCloseable {
  private final RunClock clock;
  private final RunRecorder recorder;
  private final Map<String, ProviderSpec> specs = new LinkedHashMap<>();
  private final Map<String, SimulatedProvider> servers = new LinkedHashMap<>();
  private final Map<String, FaultInjector> injectors = new LinkedHashMap<>();
  private final Map<String, ChatModel> models = new ConcurrentHashMap<>();
  private final List<AutoCloseable> subscriptions = new ArrayList<>();
  private final Function<String, String> environment;

  private ProviderSet(RunClock clock, RunRecorder recorder, Function<String, String> environment) {
    this.clock = clock;
    this.recorder = recorder;
    this.environment = environment;
  }

  /**
   * Starts the scenario's providers on the clock's terms: servers on loopback for a live clock, in-process
   * models for a virtual one (which needs every provider simulated).
   */
  public static ProviderSet start(Scenario scenario, RunClock clock, RunRecorder recorder) {
    return start(scenario, clock, recorder, System::getenv);
  }

  /**
   * As {@link #start(Scenario, RunClock, RunRecorder)}, reading API keys through {@code environment} (a
   * variable's name → its value, or null). A real or proxy provider whose key variable is unset is refused
   * before anything starts.
   */
  public static ProviderSet start(
      Scenario scenario, RunClock clock, RunRecorder recorder, Function<String, String> environment) {
    if (clock.isVirtual() && !scenario.allSimulated())
      throw new ScenarioException("virtual time needs every provider simulated; "
          + scenario.providers().stream().filter(p -> p.type() != ProviderSpec.Type.SIMULATED)
              .map(p -> p.name() + " is " + p.type().wireName()).findFirst().orElse(""));
    if (!clock.isVirtual())
      for (ProviderSpec p : scenario.providers()) {
        if (p.type() == ProviderSpec.Type.SIMULATED) continue;
        String key = environment.apply(p.apiKeyEnv());
        Secrets.register(key); // masked in the run log, the exports and the window, whatever the variable's name
        if (key == null || key.isBlank())
          throw new ScenarioException("provider \"" + p.name() + "\" needs its API key in the environment variable "
              + p.apiKeyEnv() + ", which is not set");
      }
    var set = new ProviderSet(clock, recorder, environment);
    try {
      for (ProviderSpec p : scenario.providers()) set.add(p, scenario.seed());
      return set;
    } catch (RuntimeException e) {
      set.close();
      throw e;
    }
  }

  private void add(ProviderSpec p, long runSeed) {
    specs.put(p.name(), p);
    // in a scenario the run's seed governs: each provider's plan is seeded from it and the provider's name
    FaultPlan plan = p.faults() == null ? null : p.faults().withSeed(Seeds.mix(runSeed, Seeds.of(p.name())));
    if (clock.isVirtual()) {
      FaultInjector injector = new FaultInjector(plan, clock);
      injectors.put(p.name(), injector);
      subscriptions.add(injector.onChange(changed -> published(p.name(), changed)));
      return;
    }
    if (p.type() == ProviderSpec.Type.REAL) return;
    var options = SimulatedProvider.Options.defaults().withName(p.name()).withSeed(runSeed).withPlan(plan);
    if (!p.models().isEmpty()) options = options.withModels(p.models());
    if (p.type() == ProviderSpec.Type.PROXY) {
      String env = p.apiKeyEnv();
      options = options.withUpstream(p.baseUrl()).withApiKey(() -> environment.apply(env));
    }
    SimulatedProvider server = SimulatedProvider.start(options);
    servers.put(p.name(), server);
    subscriptions.add(server.onFaultsChanged(changed -> published(p.name(), changed)));
  }

  private void published(String provider, FaultPlan plan) {
    JsonNode tree = FaultPlans.toTree(plan);
    recorder.publish((s, t) -> new RunEvent.FaultsChanged(s, t, provider, tree));
  }

  @Override
  public ChatModel model(ModelRef ref) {
    return models.computeIfAbsent(ref.key(), k -> create(ref));
  }

  private ChatModel create(ModelRef ref) {
    ProviderSpec p = specs.get(ref.provider());
    if (p == null) throw new ScenarioException("no provider named \"" + ref.provider() + "\" in this run");
    if (clock.isVirtual()) return new SimulatedChatModel(p.name(), ref.model(), injectors.get(p.name()), clock);
    var builder = OpenAiChatModel.builder().provider(p.name()).model(ref.model()).clock(clock);
    if (p.type() == ProviderSpec.Type.REAL) {
      String env = p.apiKeyEnv();
      return builder.baseUrl(p.baseUrl().toString()).apiKey(() -> environment.apply(env)).build();
    }
    // the simulated server checks no key; the proxy adds the real one itself on the way out
    return builder.baseUrl(servers.get(p.name()).baseUrl()).apiKey("sk-simulated-no-secret").build();
  }

  public List<String> names() {
    return List.copyOf(specs.keySet());
  }

  public ProviderSpec spec(String provider) {
    ProviderSpec p = specs.get(provider);
    if (p == null) throw new ScenarioException("no provider named \"" + provider + "\" in this run");
    return p;
  }

  /** True if the provider's faults can be changed (simulated or proxy). */
  public boolean breakable(String provider) {
    return servers.containsKey(provider) || injectors.containsKey(provider);
  }

  /** Applies a plan to a provider at once (its window times start now). */
  public void applyFaults(String provider, FaultPlan plan) {
    FaultPlans.checkProvider(plan, "");
    if (servers.containsKey(provider)) servers.get(provider).applyFaults(plan);
    else if (injectors.containsKey(provider)) injectors.get(provider).apply(plan);
    else throw new ScenarioException("provider \"" + provider + "\" is real: its faults cannot be changed");
  }

  /**
   * Starts every provider's plan again now: time windows count from now, request numbering from 0. A live
   * run calls it when its load starts, so that its story starts then and not when its servers did.
   */
  public void restartFaults() {
    servers.values().forEach(SimulatedProvider::restartFaults);
    injectors.values().forEach(FaultInjector::restart);
  }

  /** Holds every provider's timed rules until {@link #restartFaults()}: a story that waits for its cue. */
  public void holdFaults() {
    servers.values().forEach(SimulatedProvider::holdFaults);
    injectors.values().forEach(FaultInjector::hold);
  }

  public FaultPlan faults(String provider) {
    if (servers.containsKey(provider)) return servers.get(provider).faults();
    if (injectors.containsKey(provider)) return injectors.get(provider).plan();
    return null;
  }

  /** The loopback base URL of a live simulated or proxy provider, for other apps to use; null otherwise. */
  public String baseUrl(String provider) {
    SimulatedProvider s = servers.get(provider);
    return s == null ? null : s.baseUrl();
  }

  /** Requests the provider saw: the server's journal count live, the in-process models' count in virtual time. */
  public long requestCount(String provider) {
    if (servers.containsKey(provider)) return servers.get(provider).requestCount();
    long n = 0;
    for (ChatModel m : models.values())
      if (m instanceof SimulatedChatModel sim && sim.provider().equals(provider)) n += sim.requestCount();
    return n;
  }

  public SimulatedProvider server(String provider) {
    return servers.get(provider);
  }

  @Override
  public void close() {
    for (AutoCloseable s : subscriptions) {
      try {
        s.close();
      } catch (Exception ignored) {
        // a listener that cannot be removed stops with its provider below
      }
    }
    models.values().forEach(ChatModel::close);
    servers.values().forEach(SimulatedProvider::close);
  }
}
