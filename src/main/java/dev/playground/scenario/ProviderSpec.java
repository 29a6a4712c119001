package dev.playground.scenario;

import dev.playground.common.WireName;
import dev.playground.common.WireNames;
import dev.playground.faults.FaultPlan;
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
          where + " must be one of " + WireNames.allowed(Type.class) + "; was " + WireNames.quote(name)));
    }
  }

  public ProviderSpec {
    if (name == null || !NAME.matcher(name).matches())
      throw new ScenarioException("name must be 1-40 lower-case letters, digits, '.', '_' or '-', was \"" + name + "\"");
    if (type == null) throw new ScenarioException("type must be one of simulated, proxy, real");
    models = models == null ? List.of() : List.copyOf(models);
    for (String m : models)
      if (m == null || m.isBlank()) throw new ScenarioException("models must not contain an empty name");
    if (type == Type.REAL && faults != null)
      throw new ScenarioException("faults need a simulated or proxy provider; a real one cannot be broken on purpose");
    if (type != Type.SIMULATED && baseUrl == null)
      throw new ScenarioException("base_url must be given for a " + type.wireName() + " provider");
    if (type == Type.SIMULATED && baseUrl != null)
      throw new ScenarioException("base_url is for proxy and real providers; a simulated one has its own");
    if (baseUrl != null && !("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme())))
      throw new ScenarioException("base_url must be an http or https URL, was \"" + baseUrl + "\"");
    if (apiKeyEnv == null) apiKeyEnv = DEFAULT_KEY_ENV;
    if (!ENV.matcher(apiKeyEnv).matches())
      throw new ScenarioException("api_key_env must name an environment variable (A-Z, 0-9, _), was \"" + apiKeyEnv
          + "\"; the key itself never goes in a scenario");
    if (type != Type.REAL && faults == null) faults = FaultPlan.healthy(0);
  }

  public static ProviderSpec simulated(String name, FaultPlan faults) {
    return new ProviderSpec(name, Type.SIMULATED, List.of(), faults, null, null);
  }
}
