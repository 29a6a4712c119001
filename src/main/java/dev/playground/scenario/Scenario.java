package dev.playground.scenario;

import dev.playground.faults.FaultPlan;
import dev.playground.faults.FaultPlans;
import dev.playground.guard.Quote;
import dev.playground.policy.ModelRef;
import dev.playground.policy.PolicySet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A runnable experiment: the providers and how they fail, the client's policies, the load, and the seed.
 * Presets add what to watch and where the pattern stands in the lesson. Validated as a whole (every model of
 * the chain names a provider of the scenario). Immutable; {@link ScenarioJson} reads and writes it.
 *
 * @param engineFaults rules that break the engine's own retriever or cache ({@code target}), or null
 * @param lessonSection the lesson heading whose Python this scenario mirrors, or null
 */
public record Scenario(
    String name,
    String title,
    String summary,
    String lessonSection,
    List<String> watch,
    long seed,
    List<ProviderSpec> providers,
    FaultPlan engineFaults,
    PolicySet policies,
    LoadSpec load) {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");

  public Scenario {
    if (name == null || !NAME.matcher(name).matches())
      throw new ScenarioException("name must be 1-60 lower-case letters, digits or '-', was " + Quote.text(name));
    if (title == null || title.isBlank()) title = name;
    summary = summary == null ? "" : summary;
    watch = watch == null ? List.of() : List.copyOf(watch);
    if (providers == null || providers.isEmpty())
      throw new ScenarioException("providers must list at least one provider");
    providers = List.copyOf(providers);
    Set<String> names = new HashSet<>();
    for (ProviderSpec p : providers)
      if (!names.add(p.name())) throw new ScenarioException("providers: the name " + Quote.text(p.name()) + " is used twice");
    if (policies == null) throw new ScenarioException("policies must be given (at least a chain)");
    checkChain(policies, names);
    if (load == null) load = LoadSpec.of(1, 1);
    if (engineFaults != null) FaultPlans.checkEngine(engineFaults, "engine_faults");
  }

  /**
   * Checks that this scenario can hold {@code p}: every model of its chain names one of its providers.
   *
   * @throws ScenarioException naming the first model that does not
   */
  public void checkPolicies(PolicySet p) {
    if (p == null) throw new ScenarioException("policies must be given (at least a chain)");
    checkChain(p, providers.stream().map(ProviderSpec::name).collect(Collectors.toSet()));
  }

  private static void checkChain(PolicySet policies, Set<String> names) {
    List<ModelRef> chain = policies.chain().models();
    for (int i = 0; i < chain.size(); i++) {
      String provider = chain.get(i).provider();
      if (!names.contains(provider))
        throw new ScenarioException("policies.chain.models[" + i + "].provider " + Quote.text(provider)
            + " is not a provider of this scenario; known: " + String.join(", ", names));
    }
  }

  public ProviderSpec provider(String providerName) {
    return providers.stream().filter(p -> p.name().equals(providerName)).findFirst()
        .orElseThrow(() -> new ScenarioException("no provider named \"" + providerName + "\""));
  }

  public Scenario withSeed(long newSeed) {
    return new Scenario(name, title, summary, lessonSection, watch, newSeed, providers, engineFaults, policies, load);
  }

  public Scenario withPolicies(PolicySet p) {
    return new Scenario(name, title, summary, lessonSection, watch, seed, providers, engineFaults, p, load);
  }

  public Scenario withLoad(LoadSpec l) {
    return new Scenario(name, title, summary, lessonSection, watch, seed, providers, engineFaults, policies, l);
  }

  public Scenario withProviders(List<ProviderSpec> p) {
    return new Scenario(name, title, summary, lessonSection, watch, seed, p, engineFaults, policies, load);
  }

  /**
   * This scenario with {@code plan} as the faults of its provider {@code provider}; a real provider has no
   * faults and stays as it is.
   */
  public Scenario withFaults(String provider, FaultPlan plan) {
    List<ProviderSpec> next = new ArrayList<>();
    for (ProviderSpec p : providers)
      next.add(!p.name().equals(provider) || p.type() == ProviderSpec.Type.REAL ? p
          : new ProviderSpec(p.name(), p.type(), p.models(), plan, p.baseUrl(), p.apiKeyEnv()));
    return withProviders(next);
  }

  /** This scenario with {@code plan} breaking the engine's retriever and cache (null: they never fail). */
  public Scenario withEngineFaults(FaultPlan plan) {
    return new Scenario(name, title, summary, lessonSection, watch, seed, providers, plan, policies, load);
  }

  /** True if every provider is simulated: only then can the scenario run in virtual time. */
  public boolean allSimulated() {
    return providers.stream().allMatch(p -> p.type() == ProviderSpec.Type.SIMULATED);
  }
}
