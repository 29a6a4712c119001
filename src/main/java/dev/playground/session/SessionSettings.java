package dev.playground.session;

import dev.playground.scenario.Scenario;
import java.util.Objects;

/**
 * What a session runs: the scenario as the user has it (a preset with the user's changes), the clock, the
 * fast-forward speed and the provider. Validated as a whole: fast-forward needs simulated providers. Immutable.
 */
public record SessionSettings(Scenario scenario, ClockMode clock, Speed speed, ProviderChoice provider) {
  public SessionSettings {
    Objects.requireNonNull(scenario, "scenario");
    clock = clock == null ? ClockMode.LIVE : clock;
    speed = speed == null ? Speed.X1 : speed;
    provider = provider == null ? ProviderChoice.simulated() : provider;
    if (clock == ClockMode.FAST_FORWARD && !provider.isSimulated())
      throw new IllegalArgumentException("Fast-forward needs the simulated provider: a real endpoint ("
          + provider.label() + ") answers in real time. Switch to Live, or back to the simulated provider.");
    if (clock == ClockMode.FAST_FORWARD && !scenario.allSimulated())
      throw new IllegalArgumentException("Fast-forward needs every provider of " + scenario.name()
          + " simulated: a real endpoint answers in real time. Switch to Live.");
  }

  /** Live, 1×, on the simulated provider. */
  public static SessionSettings of(Scenario scenario) {
    return new SessionSettings(scenario, ClockMode.LIVE, Speed.X1, ProviderChoice.simulated());
  }

  public SessionSettings withScenario(Scenario s) {
    return new SessionSettings(s, clock, speed, provider);
  }

  public SessionSettings withClock(ClockMode c) {
    return new SessionSettings(scenario, c, speed, provider);
  }

  public SessionSettings withSpeed(Speed s) {
    return new SessionSettings(scenario, clock, s, provider);
  }

  public SessionSettings withProvider(ProviderChoice p) {
    return new SessionSettings(scenario, clock, speed, p);
  }

  /** The scenario the run really starts: the user's, or its proxy form for a real endpoint. */
  public Scenario effectiveScenario() {
    return ViaProxy.effective(scenario, provider);
  }
}
