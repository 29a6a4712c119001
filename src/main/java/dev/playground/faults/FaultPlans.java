package dev.playground.faults;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private FaultPlans() {}

  /** Parses and validates a plan; throws {@link FaultPlanException} naming the first problem. */
  public static FaultPlan parse(String json) {
    if (json == null || json.isBlank()) throw new FaultPlanException("", "the fault plan is empty; expected a JSON object");
    JsonNode tree;
    try {
      tree = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
      throw new FaultPlanException("", "the fault plan is not valid JSON: " + e.getOriginalMessage() + where);
    }
    return PlanReader.plan(tree, "");
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
