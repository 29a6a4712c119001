package dev.playground.session;

import dev.playground.events.RunEvent;
import dev.playground.faults.FaultPlan;
import dev.playground.policy.PolicyJson;
import dev.playground.policy.PolicySet;
import dev.playground.scenario.Scenario;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Changes to a session's open run while it goes: a provider's faults, the engine's own faults, the policies.
 * Each is logged ({@code faults_changed}, {@code policies_changed}), reported to the session's listener, and kept
 * in the settings the next runs start from. Nothing is half-applied: a change the run cannot take is refused
 * before anything moves. Thread-safe.
 */
public final class LiveEdits {
  private final Session session;

  LiveEdits(Session session) {
    this.session = session;
  }

  /** Applies a fault plan to a provider of the open run, on the session's thread (its windows start then). */
  public CompletableFuture<Void> applyFaults(String provider, FaultPlan plan) {
    Objects.requireNonNull(plan, "plan");
    return session.current().thenAcceptAsync(h -> {
      session.stillOpen(h);
      applyFaults(h, provider, plan);
    }, session.sessionThread());
  }

  /**
   * Applies a fault plan to a provider of the open run now, on the calling thread (the panels' Apply: swapping a
   * plan in is quick). Its windows start now; {@code faults_changed} is logged.
   *
   * @throws IllegalStateException when no run is open (a replay is shown, or a run is starting)
   * @throws IllegalArgumentException when the provider is unknown or real
   */
  public void applyFaultsNow(String provider, FaultPlan plan) {
    Objects.requireNonNull(plan, "plan");
    applyFaults(session.requireOpen(), provider, plan);
  }

  private void applyFaults(RunHandle h, String provider, FaultPlan plan) {
    if (!h.run.providers().names().contains(provider))
      throw new IllegalArgumentException("no provider named \"" + provider + "\" in this run; there are "
          + String.join(", ", h.run.providers().names()));
    h.run.providers().applyFaults(provider, plan); // publishes faults_changed
    session.updateSettings(s -> s.provider().isSimulated() ? s.withScenario(s.scenario().withFaults(provider, plan)) : s);
    session.listener().faultsChanged(provider, plan);
  }

  /**
   * Applies a plan to the engine's own retriever and response cache now, on the calling thread (every rule
   * targets {@code retriever} or {@code cache}); logged as {@code faults_changed} for {@link Session#ENGINE},
   * and kept for the next runs of this scenario.
   *
   * @throws IllegalStateException when no run is open
   * @throws IllegalArgumentException when a rule targets the chat (nothing applied)
   */
  public void applyEngineFaultsNow(FaultPlan plan) {
    Objects.requireNonNull(plan, "plan");
    RunHandle h = session.requireOpen();
    h.run.applyEngineFaults(plan);
    session.updateSettings(s -> s.withScenario(s.scenario().withEngineFaults(plan)));
    session.listener().faultsChanged(Session.ENGINE, plan);
  }

  /**
   * Gives the open run's client new policies, on the session's thread, and logs {@code policies_changed}; they
   * stay for the next runs of this scenario. Policies the scenario cannot hold (a chain naming an unknown
   * provider) are refused before anything changes.
   */
  public CompletableFuture<Void> updatePolicies(PolicySet policies) {
    Objects.requireNonNull(policies, "policies");
    return session.current().thenAcceptAsync(h -> {
      session.stillOpen(h);
      updatePolicies(h, policies);
    }, session.sessionThread());
  }

  /**
   * As {@link #updatePolicies}, now, on the calling thread (the Policies panel's Apply).
   *
   * @throws IllegalStateException when no run is open
   * @throws IllegalArgumentException when the scenario cannot hold these policies (nothing applied)
   */
  public void updatePoliciesNow(PolicySet policies) {
    Objects.requireNonNull(policies, "policies");
    updatePolicies(session.requireOpen(), policies);
  }

  private void updatePolicies(RunHandle h, PolicySet policies) {
    h.scenario.checkPolicies(policies); // the run's own providers must hold the chain
    h.run.client().updatePolicies(policies);
    h.run.recorder().publish((s, t) -> new RunEvent.PoliciesChanged(s, t, PolicyJson.toTree(policies)));
    session.updateSettings(s -> s.withScenario(kept(s, policies)));
    session.listener().policiesChanged(policies, h.breakerDelays());
  }

  /** Against a real endpoint the chain is the endpoint's; the scenario keeps its own. */
  private static Scenario kept(SessionSettings s, PolicySet policies) {
    Scenario base = s.scenario();
    return base.withPolicies(s.provider().isSimulated() ? policies : policies.withChain(base.policies().chain()));
  }
}
