package dev.playground.session;

import dev.playground.faults.FaultPlan;
import dev.playground.faults.FaultRule;
import dev.playground.policy.ChainSpec;
import dev.playground.policy.ModelRef;
import dev.playground.scenario.ProviderSpec;
import dev.playground.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * A scenario pointed at a real endpoint: one provider {@value #PROVIDER} of type {@code proxy} (the chaos proxy in
 * front of the endpoint), the chain reduced to the typed model, the scenario's other policies kept, and the
 * faults its first model had, so the preset's trouble still happens. Stateless.
 */
final class ViaProxy {
  /** The provider's name in a run against a real endpoint. */
  static final String PROVIDER = "real";

  private ViaProxy() {}

  static Scenario effective(Scenario base, ProviderChoice choice) {
    if (choice.isSimulated()) return base;
    ModelRef first = base.policies().chain().model(0);
    FaultPlan faults = firstModelsFaults(base.provider(first.provider()).faults(), first.model());
    ProviderSpec real = new ProviderSpec(PROVIDER, ProviderSpec.Type.PROXY, List.of(choice.model()), faults,
        choice.baseUrl(), ProviderChoice.KEY_ENV);
    var policies = base.policies().withChain(ChainSpec.of(new ModelRef(PROVIDER, choice.model())));
    return new Scenario(base.name(), base.title(), base.summary(), base.lessonSection(), base.watch(), base.seed(),
        List.of(real), base.engineFaults(), policies, base.load());
  }

  /** The rules that applied to {@code model} (or to every model), now for whichever model is asked. */
  private static FaultPlan firstModelsFaults(FaultPlan plan, String model) {
    if (plan == null) return null;
    List<FaultRule> rules = new ArrayList<>();
    for (FaultRule r : plan.rules()) {
      if (r.models().isEmpty()) rules.add(r);
      else if (r.models().contains(model)) rules.add(r.withModels(List.of()));
    }
    return new FaultPlan(plan.seed(), rules, null); // the endpoint has latency of its own
  }
}
