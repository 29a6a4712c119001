package dev.playground.faults;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.playground.guard.ExactNumbers;
import dev.playground.guard.Quote;

/**
 * The JSON form of fault plans: parse (validating, with messages that name the field, the rule and the value)
 * and write. Thread-safe (stateless).
 *
 * <pre>{@code
 * {"seed": 42,
 *  "base_latency": {"lognormal": {"median_ms": 300, "sigma": 0.4}},
 *  "rules": [
 *    {"sequence": ["rate_limit", "rate_limit", "ok"], "retry_after_s": 2},
 *    {"kind": "service_unavailable", "window": {"from_ms": 10000, "to_ms": 30000}},
 *    {"kind": "slow", "probability": 0.1, "latency": {"fixed_ms": 4000}, "models": ["gpt-4o"]}]}
 * }</pre>
 */
public final class FaultPlans {
  /** The most bytes a fault plan may have, in a file or sent to the admin API. */
  public static final int MAX_PLAN_BYTES = 1024 * 1024;

  // decimals kept as written, so that 1e-400 is refused rather than read as 0
  private static final ObjectMapper MAPPER = ExactNumbers.strict()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private FaultPlans() {}

  /** Parses and validates a plan; throws {@link FaultPlanException} naming the first problem. */
  public static FaultPlan parse(String json) {
    if (json == null || json.isBlank()) throw new FaultPlanException("",
        "the fault plan is empty; expected a JSON object");
    JsonNode tree;
    try {
      tree = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
      throw new FaultPlanException("", "the fault plan is not valid JSON: " + Quote.message(e.getOriginalMessage())
          + where);
    }
    return PlanReader.plan(tree, "");
  }

  /**
   * Refuses a plan that a provider would not apply: its rules break the chat call (target {@code chat}, the
   * default); retriever and cache rules belong in the engine's plan. {@code root} prefixes the paths.
   */
  public static FaultPlan checkProvider(FaultPlan plan, String root) {
    return checkTargets(plan, root, false);
  }

  /**
   * Refuses a plan that the engine would not apply: its rules break the retriever or the cache, never the chat
   * call. {@code root} prefixes the paths (e.g. "engine_faults").
   */
  public static FaultPlan checkEngine(FaultPlan plan, String root) {
    return checkTargets(plan, root, true);
  }

  private static FaultPlan checkTargets(FaultPlan plan, String root, boolean engine) {
    for (int i = 0; i < plan.rules().size(); i++) {
      Target t = plan.rules().get(i).target();
      if ((t == Target.CHAT) == engine) {
        String path = FaultPlanException.join(root, "rules[" + i + "].target");
        throw FaultPlanException.field(path, engine
            ? "must be retriever or cache in the engine's plan (chat rules go in a provider's plan), was \"chat\""
            : "must be chat in a provider's plan (retriever and cache rules go in the engine's plan), was \""
                + t.wireName() + "\"");
      }
    }
    return plan;
  }

  /** Reads a plan that is part of a larger document; {@code path} (e.g. "faults") prefixes every message. */
  public static FaultPlan fromTree(JsonNode node, String path) {
    return PlanReader.plan(node, path == null ? "" : path);
  }

  /** The plan as compact JSON that {@link #parse} reads back to an equal plan; defaults are left out. */
  public static String toJson(FaultPlan plan) {
    return toTree(plan).toString();
  }

  /** The plan as indented JSON, for files and the admin API. */
  public static String toPrettyJson(FaultPlan plan) {
    return toTree(plan).toPrettyString();
  }

  public static ObjectNode toTree(FaultPlan plan) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("seed", plan.seed());
    if (plan.baseLatency() != null) root.set("base_latency", latencyTree(plan.baseLatency()));
    ArrayNode rules = root.putArray("rules");
    for (FaultRule rule : plan.rules()) rules.add(ruleTree(rule));
    return root;
  }

  /** A latency in its JSON form. */
  public static ObjectNode latencyTree(Latency latency) {
    ObjectNode node = MAPPER.createObjectNode();
    if (latency instanceof Latency.Fixed f) {
      node.put("fixed_ms", f.ms());
    } else if (latency instanceof Latency.Uniform u) {
      node.putObject("uniform").put("min_ms", u.minMs()).put("max_ms", u.maxMs());
    } else if (latency instanceof Latency.LogNormal l) {
      node.putObject("lognormal").put("median_ms", l.medianMs()).put("sigma", l.sigma());
    }
    return node;
  }

  private static ObjectNode ruleTree(FaultRule rule) {
    ObjectNode node = MAPPER.createObjectNode();
    if (rule.kind() != null) {
      node.put("kind", rule.kind().wireName());
    } else {
      ArrayNode seq = node.putArray("sequence");
      rule.sequence().forEach(k -> seq.add(k.wireName()));
      if (rule.repeat()) node.put("repeat", true);
    }
    if (rule.probability() != 1) node.put("probability", rule.probability());
    if (rule.window() != null) {
      ObjectNode w = node.putObject("window").put("from_ms", rule.window().fromMs());
      if (rule.window().toMs() != null) w.put("to_ms", rule.window().toMs());
    }
    if (rule.hasModelFilter()) rule.models().forEach(node.putArray("models")::add);
    if (rule.target() != Target.CHAT) node.put("target", rule.target().wireName());
    if (rule.retryAfterS() != null) node.put("retry_after_s", rule.retryAfterS());
    if (rule.retryAfterMs() != null) node.put("retry_after_ms", rule.retryAfterMs());
    if (rule.shouldRetry() != null) node.put("should_retry", rule.shouldRetry());
    if (rule.latency() != null) node.set("latency", latencyTree(rule.latency()));
    if (rule.status() != null) node.put("status", rule.status());
    if (rule.holdMs() != null) node.put("hold_ms", rule.holdMs());
    if (rule.note() != null) node.put("note", rule.note());
    return node;
  }
}
