package dev.playground.policy;

import dev.playground.guard.Names;
import dev.playground.guard.Quote;

/**
 * One model of one provider, as the fallback chain names it. Immutable and thread-safe.
 *
 * @param provider the provider's name in the run (e.g. "openai", "sim-b"); no '/'
 * @param model the model asked for (e.g. "gpt-4o-mini")
 */
public record ModelRef(String provider, String model) {
  public ModelRef {
    if (provider == null || provider.isBlank()) throw Checks.fail("provider must not be empty");
    if (provider.contains("/")) throw Checks.fail("provider must not contain '/', was " + Quote.text(provider));
    String bad = Names.problem(provider, Names.MAX_MODEL_CHARS);
    if (bad != null) throw Checks.fail("provider " + bad + ", was " + Quote.text(provider));
    if (model == null || model.isBlank()) throw Checks.fail("model must not be empty");
    bad = Names.problem(model, Names.MAX_MODEL_CHARS);
    if (bad != null) throw Checks.fail("model " + bad + ", was " + Quote.text(model));
  }

  /** "provider/model": the breaker's name and how events name this model. */
  public String key() {
    return provider + "/" + model;
  }

  @Override
  public String toString() {
    return key();
  }
}
