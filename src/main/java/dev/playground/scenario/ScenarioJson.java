package dev.playground.scenario;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.playground.faults.FaultPlan;
import dev.playground.faults.FaultPlans;
import dev.playground.guard.BoundedRead;
import dev.playground.guard.ExactNumbers;
import dev.playground.guard.Quote;
import dev.playground.policy.PolicyJson;
import dev.playground.policy.PolicySet;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Reads and writes scenario files (JSON). Strict: unknown fields, wrong types and bad values are refused
 * with one message naming the field, the rule and the value. Stateless and thread-safe.
 */
public final class ScenarioJson {
  /** Files larger than this are refused before they are read. */
  public static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

  // decimals kept as written, so that 1e-400 is refused rather than read as 0
  private static final ObjectMapper MAPPER = ExactNumbers.strict()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();
  private static final List<String> TOP = List.of("name", "title", "summary", "lesson_section", "watch", "seed",
      "providers", "engine_faults", "policies", "load");
  private static final List<String> PROVIDER = List.of("name", "type", "models", "faults", "base_url", "api_key_env");
  private static final List<String> LOAD = List.of("requests", "concurrency", "rate_per_s", "prompts", "stream");

  private ScenarioJson() {}

  /** Reads a scenario file; every problem, including a missing file, is a {@link ScenarioException}. */
  public static Scenario read(Path file) {
    String where = Quote.plain(String.valueOf(file.getFileName()));
    String text;
    try {
      // the bound is on the bytes read: a pipe or a device (/dev/zero) reports a size of 0
      text = BoundedRead.utf8(file, MAX_FILE_BYTES);
    } catch (BoundedRead.TooLarge e) {
      throw new ScenarioException(where + ": a scenario file must be at most " + BoundedRead.size(MAX_FILE_BYTES)
          + "; this one is larger");
    } catch (NoSuchFileException e) {
      throw new ScenarioException(where + ": no such file");
    } catch (CharacterCodingException e) {
      throw new ScenarioException(where + ": not a UTF-8 text file");
    } catch (IOException e) {
      throw new ScenarioException(where + ": cannot be read (" + Quote.plain(String.valueOf(e.getMessage())) + ")");
    }
    return parse(text, where);
  }

  /** Reads a scenario from JSON text; {@code source} names it in messages. */
  public static Scenario parse(String json, String source) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonParseException e) {
      var loc = e.getLocation();
      throw new ScenarioException(source + ": not valid JSON at line " + loc.getLineNr() + ", column "
          + loc.getColumnNr() + ": " + Quote.message(e.getOriginalMessage()));
    } catch (JsonProcessingException e) {
      throw new ScenarioException(source + ": not valid JSON: " + Quote.message(e.getOriginalMessage()));
    }
    try {
      return fromTree(root);
    } catch (IllegalArgumentException e) {
      throw new ScenarioException(source + ": " + e.getMessage(), e);
    }
  }

  static Scenario fromTree(JsonNode root) {
    if (root == null || !root.isObject()) throw new ScenarioException("a scenario must be a JSON object");
    known(root, "", TOP);
    String name = text(root, "name", null);
    if (name == null) throw new ScenarioException("name must be given");
    List<ProviderSpec> providers = new ArrayList<>();
    JsonNode ps = root.get("providers");
    if (ps == null || !ps.isArray()) throw new ScenarioException("providers must be a list of providers");
    for (int i = 0; i < ps.size(); i++) providers.add(provider(ps.get(i), "providers[" + i + "]"));
    FaultPlan engineFaults = root.hasNonNull("engine_faults")
        ? FaultPlans.checkEngine(FaultPlans.fromTree(root.get("engine_faults"), "engine_faults"), "engine_faults")
        : null;
    if (!root.hasNonNull("policies")) throw new ScenarioException("policies must be given (at least a chain)");
    PolicySet policies;
    try {
      policies = PolicyJson.read(root.get("policies"));
    } catch (IllegalArgumentException e) {
      throw new ScenarioException("policies: " + e.getMessage());
    }
    return new Scenario(name, text(root, "title", null), text(root, "summary", ""), text(root, "lesson_section", null),
        texts(root, "watch"), integer(root, "seed", 42), providers, engineFaults, policies, load(root.get("load")));
  }

  private static ProviderSpec provider(JsonNode node, String path) {
    if (node == null || !node.isObject()) throw new ScenarioException(path + " must be an object");
    known(node, path, PROVIDER);
    try {
      String type = text(node, "type", "simulated");
      FaultPlan faults = node.hasNonNull("faults")
          ? FaultPlans.checkProvider(FaultPlans.fromTree(node.get("faults"), path + ".faults"), path + ".faults")
          : null;
      String url = text(node, "base_url", null);
      return new ProviderSpec(text(node, "name", null), ProviderSpec.Type.fromWireName(type, path + ".type"),
          texts(node, "models"), faults, url == null ? null : uri(url, path + ".base_url"),
          text(node, "api_key_env", null));
    } catch (IllegalArgumentException e) {
      throw e.getMessage().startsWith(path) ? e : new ScenarioException(path + ": " + e.getMessage());
    }
  }

  private static LoadSpec load(JsonNode node) {
    if (node == null || node.isNull()) return LoadSpec.of(1, 1);
    if (!node.isObject()) throw new ScenarioException("load must be an object");
    known(node, "load", LOAD);
    if (node.hasNonNull("concurrency") && node.hasNonNull("rate_per_s"))
      throw new ScenarioException("load: give concurrency or rate_per_s, not both");
    double rate = node.hasNonNull("rate_per_s") ? number(node, "rate_per_s", "load.rate_per_s") : 0;
    if (node.hasNonNull("rate_per_s") && rate <= 0)
      throw new ScenarioException("load.rate_per_s must be > 0, was " + Quote.json(node.get("rate_per_s")));
    JsonNode prompts = node.get("prompts");
    if (prompts != null && prompts.isArray() && prompts.isEmpty())
      throw new ScenarioException("load.prompts must list at least one prompt (leave it out for the default prompts), "
          + "was []");
    return new LoadSpec(
        (int) integer(node, "requests", 1, "load.requests"),
        (int) integer(node, "concurrency", 1, "load.concurrency"),
        rate,
        texts(node, "prompts", "load.prompts"),
        bool(node, "stream", false, "load.stream"));
  }

  /** The scenario as indented JSON, readable by {@link #parse}. */
  public static String write(Scenario s) {
    try {
      return MAPPER.writeValueAsString(toTree(s));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a scenario always serialises", e);
    }
  }

  public static ObjectNode toTree(Scenario s) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("name", s.name());
    root.put("title", s.title());
    if (!s.summary().isEmpty()) root.put("summary", s.summary());
    if (s.lessonSection() != null) root.put("lesson_section", s.lessonSection());
    if (!s.watch().isEmpty()) s.watch().forEach(root.withArray("watch")::add);
    root.put("seed", s.seed());
    ArrayNode providers = root.putArray("providers");
    for (ProviderSpec p : s.providers()) {
      ObjectNode n = providers.addObject();
      n.put("name", p.name());
      n.put("type", p.type().wireName());
      if (!p.models().isEmpty()) p.models().forEach(n.withArray("models")::add);
      if (p.faults() != null && p.type() != ProviderSpec.Type.REAL) n.set("faults", FaultPlans.toTree(p.faults()));
      if (p.baseUrl() != null) n.put("base_url", p.baseUrl().toString());
      if (!ProviderSpec.DEFAULT_KEY_ENV.equals(p.apiKeyEnv())) n.put("api_key_env", p.apiKeyEnv());
    }
    if (s.engineFaults() != null) root.set("engine_faults", FaultPlans.toTree(s.engineFaults()));
    root.set("policies", PolicyJson.toTree(s.policies()));
    ObjectNode load = root.putObject("load");
    LoadSpec l = s.load();
    load.put("requests", l.requests());
    if (l.byRate()) load.put("rate_per_s", l.ratePerSecond());
    else load.put("concurrency", l.concurrency());
    if (!l.prompts().equals(LoadSpec.DEFAULT_PROMPTS)) l.prompts().forEach(load.withArray("prompts")::add);
    if (l.stream()) load.put("stream", true);
    return root;
  }

  // ---- strict field access ----

  private static void known(JsonNode node, String path, List<String> fields) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!fields.contains(f))
        throw new ScenarioException("unknown field " + Quote.text(path.isEmpty() ? f : path + "." + f) + " (known: "
            + String.join(", ", fields) + ")");
    }
  }

  private static String text(JsonNode node, String field, String fallback) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) return fallback;
    if (!v.isTextual()) throw new ScenarioException(field + " must be a string, was " + Quote.json(v));
    return v.textValue();
  }

  private static List<String> texts(JsonNode node, String field) {
    return texts(node, field, field);
  }

  private static List<String> texts(JsonNode node, String field, String path) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) return List.of();
    if (!v.isArray()) throw new ScenarioException(path + " must be a list of strings, was " + Quote.json(v));
    List<String> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      if (!v.get(i).isTextual())
        throw new ScenarioException(path + "[" + i + "] must be a string, was " + Quote.json(v.get(i)));
      out.add(v.get(i).textValue());
    }
    return out;
  }

  private static long integer(JsonNode node, String field, long fallback) {
    return integer(node, field, fallback, field);
  }

  private static long integer(JsonNode node, String field, long fallback, String path) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) return fallback;
    // exactly: 1e3 is 1000; 1.5, 1e-400 and anything past 64 bits are refused
    Long n = ExactNumbers.whole(v);
    if (n == null) throw new ScenarioException(path + " must be " + (path.equals("seed") ? ExactNumbers.WHOLE_RULE
        : "a whole number") + ", was " + Quote.json(v));
    if (!path.equals("seed") && (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE))
      throw new ScenarioException(path + " must be in [" + Integer.MIN_VALUE + ", " + Integer.MAX_VALUE + "], was " + n);
    return n;
  }

  private static double number(JsonNode node, String field, String path) {
    JsonNode v = node.get(field);
    if (!v.isNumber()) throw new ScenarioException(path + " must be a number, was " + Quote.json(v));
    Double d = ExactNumbers.real(v);
    if (d == null) throw new ScenarioException(path + " must be " + ExactNumbers.REAL_RULE + ", was " + Quote.json(v));
    return d;
  }

  private static boolean bool(JsonNode node, String field, boolean fallback, String path) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) return fallback;
    if (!v.isBoolean()) throw new ScenarioException(path + " must be true or false, was " + Quote.json(v));
    return v.booleanValue();
  }

  private static URI uri(String text, String path) {
    try {
      URI u = new URI(text);
      if (u.getHost() == null) throw new ScenarioException(path + " must be an absolute http(s) URL, was " + Quote.text(text));
      return u;
    } catch (URISyntaxException e) {
      throw new ScenarioException(path + " is not a URL: " + Quote.text(text));
    }
  }

}
