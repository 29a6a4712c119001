package dev.playground.session;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where the session's requests go: the built-in simulated provider, or a real OpenAI-compatible endpoint (base
 * URL and model) reached through the chaos proxy, so that faults still apply. The API key is never part of it:
 * it comes from {@link #KEY_ENV} in the environment. Immutable and thread-safe.
 *
 * @param baseUrl null for the simulated provider
 * @param model null for the simulated provider
 */
public record ProviderChoice(URI baseUrl, String model) {
  /** The environment variable the key of a real endpoint is read from. */
  public static final String KEY_ENV = "OPENAI_API_KEY";
  public static final int MAX_MODEL_CHARS = 100;
  private static final ProviderChoice SIMULATED = new ProviderChoice(null, null);

  public ProviderChoice {
    if ((baseUrl == null) != (model == null))
      throw new IllegalArgumentException("a real endpoint needs both a base URL and a model");
  }

  public static ProviderChoice simulated() {
    return SIMULATED;
  }

  /**
   * A real endpoint, checked as the user typed it.
   *
   * @throws IllegalArgumentException naming the field, the rule and the value
   */
  public static ProviderChoice real(String baseUrl, String model) {
    return new ProviderChoice(parseBaseUrl(baseUrl), checkModel(model));
  }

  public boolean isSimulated() {
    return baseUrl == null;
  }

  /** "simulated" or "gpt-4o-mini at api.openai.com". */
  public String label() {
    return isSimulated() ? "simulated" : model + " at " + baseUrl.getHost() + portSuffix(baseUrl);
  }

  /** The base URL, or a message saying which rule it breaks. */
  public static URI parseBaseUrl(String text) {
    String t = text == null ? "" : text.strip();
    String rule = "base URL must be an http or https URL with a host, like https://api.openai.com/v1, was \"" + t + "\"";
    if (t.isEmpty()) throw new IllegalArgumentException(rule);
    try {
      URI uri = new URI(t);
      String scheme = uri.getScheme();
      if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
          || uri.getHost() == null || uri.getHost().isBlank())
        throw new IllegalArgumentException(rule);
      if (uri.getUserInfo() != null)
        throw new IllegalArgumentException("base URL must not hold a user or key (the key comes from " + KEY_ENV
            + "), was \"" + uri.getScheme() + "://…@" + uri.getHost() + "\"");
      if (uri.getQuery() != null || uri.getFragment() != null)
        throw new IllegalArgumentException("base URL must not have a query or fragment, was \"" + t + "\"");
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(rule);
    }
  }

  /** The model name, or a message saying which rule it breaks. */
  public static String checkModel(String text) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty() || t.length() > MAX_MODEL_CHARS || t.chars().anyMatch(Character::isWhitespace))
      throw new IllegalArgumentException("model must be 1-" + MAX_MODEL_CHARS
          + " characters without spaces, like gpt-4o-mini, was \"" + t + "\"");
    return t;
  }

  private static String portSuffix(URI uri) {
    return uri.getPort() < 0 ? "" : ":" + uri.getPort();
  }

  @Override
  public String toString() {
    return label();
  }
}
