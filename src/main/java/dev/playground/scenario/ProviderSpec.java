package dev.playground.scenario;

import dev.playground.common.WireName;
import dev.playground.common.WireNames;
import dev.playground.faults.FaultPlan;
import dev.playground.faults.FaultPlans;
import dev.playground.guard.Names;
import dev.playground.guard.Quote;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One provider of a scenario. {@code simulated}: a simulated OpenAI-compatible server on loopback, failing as
 * its fault plan says. {@code proxy}: the same faults in front of a real upstream. {@code real}: a real
 * OpenAI-compatible endpoint, no faults. The API key of a real upstream comes from the environment variable
 * named by {@code apiKeyEnv}; the key itself never appears in a scenario. Immutable.
 */
public record ProviderSpec(
    String name, Type type, List<String> models, FaultPlan faults, URI baseUrl, String apiKeyEnv) {

  /** The key variable when a scenario does not name one. */
  public static final String DEFAULT_KEY_ENV = "OPENAI_API_KEY";
  /** The most models a provider may list. */
  public static final int MAX_MODELS = 100;
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,39}");
  private static final Pattern ENV = Pattern.compile("[A-Z_][A-Z0-9_]{0,99}");

  /** How the provider is reached. */
  public enum Type implements WireName {
    SIMULATED("simulated"),
    PROXY("proxy"),
    REAL("real");

    private final String wireName;

    Type(String wireName) {
      this.wireName = wireName;
    }

    @Override
    public String wireName() {
      return wireName;
    }

    static Type fromWireName(String name, String where) {
      return WireNames.find(Type.class, name).orElseThrow(() -> new ScenarioException(
          where + " must be one of " + WireNames.allowed(Type.class) + "; was " + Quote.text(name)));
    }
  }

  public ProviderSpec {
    if (name == null || !NAME.matcher(name).matches())
      throw new ScenarioException("name must be 1-40 lower-case letters, digits, '.', '_' or '-', was " + Quote.text(name));
    if (type == null) throw new ScenarioException("type must be one of simulated, proxy, real");
    models = models == null ? List.of() : List.copyOf(models);
    if (models.size() > MAX_MODELS)
      throw new ScenarioException("models must list at most " + MAX_MODELS + " models, had " + models.size());
    for (int i = 0; i < models.size(); i++) {
      String problem = Names.problem(models.get(i), Names.MAX_MODEL_CHARS);
      if (problem != null) throw new ScenarioException("models[" + i + "] " + problem + ", was " + Quote.text(models.get(i)));
    }
    if (faults != null) FaultPlans.checkProvider(faults, "faults");
    if (type == Type.REAL && faults != null)
      throw new ScenarioException("faults need a simulated or proxy provider; a real one cannot be broken on purpose");
    if (type != Type.SIMULATED && baseUrl == null)
      throw new ScenarioException("base_url must be given for a " + type.wireName() + " provider");
    if (type == Type.SIMULATED && baseUrl != null)
      throw new ScenarioException("base_url is for proxy and real providers; a simulated one has its own");
    if (baseUrl != null && !("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme())))
      throw new ScenarioException("base_url must be an http or https URL, was " + Quote.text(baseUrl.toString()));
    if (apiKeyEnv == null) apiKeyEnv = DEFAULT_KEY_ENV;
    if (!ENV.matcher(apiKeyEnv).matches())
      throw new ScenarioException("api_key_env must name an environment variable (A-Z, 0-9, _), was "
          + Quote.text(apiKeyEnv.length() > 12 ? apiKeyEnv.substring(0, 4) + "…" : apiKeyEnv)
          + "; the key itself never goes in a scenario");
    if (type != Type.REAL && faults == null) faults = FaultPlan.healthy(0);
  }

  public static ProviderSpec simulated(String name, FaultPlan faults) {
    return new ProviderSpec(name, Type.SIMULATED, List.of(), faults, null, null);
  }
}
