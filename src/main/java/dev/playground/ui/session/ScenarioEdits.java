package dev.playground.ui.session;

import dev.playground.faults.FaultPlan;
import dev.playground.scenario.ProviderSpec;
import dev.playground.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;

/** The user's live changes carried into the scenario the next runs start from. Stateless. */
final class ScenarioEdits {
  private ScenarioEdits() {}

  /** {@code s} with {@code plan} for its provider {@code provider} (a real one has no faults and stays as it is). */
  static Scenario withFaults(Scenario s, String provider, FaultPlan plan) {
    List<ProviderSpec> providers = new ArrayList<>();
    for (ProviderSpec p : s.providers()) {
      providers.add(!p.name().equals(provider) || p.type() == ProviderSpec.Type.REAL ? p
          : new ProviderSpec(p.name(), p.type(), p.models(), plan, p.baseUrl(), p.apiKeyEnv()));
    }
    return s.withProviders(providers);
  }

  /** {@code s} with {@code plan} breaking the engine's retriever and cache. */
  static Scenario withEngineFaults(Scenario s, FaultPlan plan) {
    return new Scenario(s.name(), s.title(), s.summary(), s.lessonSection(), s.watch(), s.seed(), s.providers(), plan,
        s.policies(), s.load());
  }
}
