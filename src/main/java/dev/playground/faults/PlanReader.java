package dev.playground.faults;

import com.fasterxml.jackson.databind.JsonNode;
import dev.playground.guard.ExactNumbers;
import dev.playground.guard.Quote;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Reads a fault plan from a JSON tree, naming the field, rule and value of the first thing wrong. Stateless. */
final class PlanReader {
  private static final Set<String> PLAN_FIELDS = Set.of("seed", "base_latency", "rules");
  private static final Set<String> RULE_FIELDS = Set.of(
      "kind", "sequence", "repeat", "probability", "window", "models", "target", "retry_after_s",
      "retry_after_ms", "should_retry", "latency", "status", "hold_ms", "note");
  private static final Set<String> WINDOW_FIELDS = Set.of("from_ms", "to_ms");
  private static final Set<String> LATENCY_FIELDS = Set.of("fixed_ms", "uniform", "lognormal");
  private static final Set<String> UNIFORM_FIELDS = Set.of("min_ms", "max_ms");
  private static final Set<String> LOGNORMAL_FIELDS = Set.of("median_ms", "sigma");

  private PlanReader() {}

  /** {@code root} prefixes every path in messages (e.g. "faults" for a plan inside a scenario); may be empty. */
  static FaultPlan plan(JsonNode node, String root) {
    String where = root.isEmpty() ? "the plan" : root;
    if (node == null || !node.isObject())
      throw new FaultPlanException(root, "a fault plan must be a JSON object, was " + describe(node));
    checkFields(node, PLAN_FIELDS, root, where);
    long seed = present(node, "seed") ? integer(node.get("seed"), FaultPlanException.join(root, "seed")) : 0;
    Latency base = present(node, "base_latency")
        ? latency(node.get("base_latency"), FaultPlanException.join(root, "base_latency"))
        : null;
    List<FaultRule> rules = new ArrayList<>();
    if (present(node, "rules")) {
      String path = FaultPlanException.join(root, "rules");
      JsonNode array = node.get("rules");
      if (!array.isArray()) throw FaultPlanException.field(path, "must be an array of rules, was " + describe(array));
      for (int i = 0; i < array.size(); i++) rules.add(rule(array.get(i), path + "[" + i + "]"));
    }
    try {
      return new FaultPlan(seed, rules, base);
    } catch (FaultPlanException e) {
      throw root.isEmpty() ? e : e.within(root);
    }
  }

  private static FaultRule rule(JsonNode node, String path) {
    if (!node.isObject()) throw FaultPlanException.field(path, "must be a JSON object, was " + describe(node));
    checkFields(node, RULE_FIELDS, path, path);
    FaultKind kind = present(node, "kind") ? kind(node.get("kind"), path + ".kind") : null;
    List<FaultKind> sequence = List.of();
    if (present(node, "sequence")) {
      JsonNode array = node.get("sequence");
      String p = path + ".sequence";
      if (!array.isArray()) throw FaultPlanException.field(p, "must be an array of fault kinds, was "
          + describe(array));
      if (array.isEmpty()) throw FaultPlanException.field(p, "must not be empty");
      List<FaultKind> kinds = new ArrayList<>();
      for (int i = 0; i < array.size(); i++) kinds.add(kind(array.get(i), p + "[" + i + "]"));
      sequence = kinds;
    }
    boolean repeat = present(node, "repeat") && bool(node.get("repeat"), path + ".repeat");
    double probability = present(node, "probability") ? number(node.get("probability"), path + ".probability") : 1;
    FaultRule.Window window = present(node, "window") ? window(node.get("window"), path) : null;
    List<String> models = present(node, "models") ? models(node.get("models"), path + ".models") : List.of();
    Target target = present(node, "target") ? target(node.get("target"), path + ".target") : Target.CHAT;
    Long retryAfterS = optionalInteger(node, "retry_after_s", path);
    Long retryAfterMs = optionalInteger(node, "retry_after_ms", path);
    Boolean shouldRetry = present(node, "should_retry") ? bool(node.get("should_retry"), path + ".should_retry") : null;
    Latency latency = present(node, "latency") ? latency(node.get("latency"), path + ".latency") : null;
    Integer status = present(node, "status")
        ? Math.toIntExact(bounded(node.get("status"), path + ".status", 100, 599))
        : null;
    Long holdMs = optionalInteger(node, "hold_ms", path);
    String note = present(node, "note") ? text(node.get("note"), path + ".note") : null;
    try {
      return new FaultRule(kind, sequence, repeat, probability, window, models, target, retryAfterS, retryAfterMs,
          shouldRetry, latency, status, holdMs, note);
    } catch (FaultPlanException e) {
      throw e.within(path);
    }
  }

  private static FaultKind kind(JsonNode node, String path) {
    if (!node.isTextual()) throw FaultPlanException.field(path, "must be a fault kind name, was " + describe(node));
    return FaultKind.fromWireName(node.asText()).orElseThrow(() -> FaultPlanException.field(
        path, describe(node) + " is not a fault kind; use one of " + FaultKind.allowedNames()));
  }

  private static Target target(JsonNode node, String path) {
    if (!node.isTextual()) throw FaultPlanException.field(path, "must be a string, was " + describe(node));
    return Target.fromWireName(node.asText()).orElseThrow(() -> FaultPlanException.field(
        path, describe(node) + " is not a target; use one of " + Target.allowedNames()));
  }

  private static FaultRule.Window window(JsonNode node, String rulePath) {
    String path = rulePath + ".window";
    if (!node.isObject()) throw FaultPlanException.field(path,
        "must be an object like {\"from_ms\":10000,\"to_ms\":30000}, was " + describe(node));
    checkFields(node, WINDOW_FIELDS, path, path);
    long from = present(node, "from_ms") ? integer(node.get("from_ms"), path + ".from_ms") : 0;
    Long to = present(node, "to_ms") ? integer(node.get("to_ms"), path + ".to_ms") : null;
    try {
      return new FaultRule.Window(from, to);
    } catch (FaultPlanException e) {
      throw e.within(rulePath);
    }
  }

  private static List<String> models(JsonNode node, String path) {
    if (!node.isArray()) throw FaultPlanException.field(path, "must be an array of model names, was " + describe(node));
    if (node.isEmpty()) throw FaultPlanException.field(path, "must not be empty; leave it out to match every model");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) names.add(text(node.get(i), path + "[" + i + "]"));
    return names;
  }

  static Latency latency(JsonNode node, String path) {
    if (node == null || !node.isObject())
      throw FaultPlanException.field(path, "must be an object with one of fixed_ms, uniform, lognormal, was "
          + describe(node));
    checkFields(node, LATENCY_FIELDS, path, path);
    int given = 0;
    for (String f : LATENCY_FIELDS) if (present(node, f)) given++;
    if (given != 1)
      throw FaultPlanException.field(path, "needs exactly one of fixed_ms, uniform, lognormal, had " + given);
    try {
      if (present(node, "fixed_ms")) return new Latency.Fixed(integer(node.get("fixed_ms"), path + ".fixed_ms"));
      if (present(node, "uniform")) {
        JsonNode u = node.get("uniform");
        String p = path + ".uniform";
        if (!u.isObject()) throw FaultPlanException.field(p,
            "must be an object like {\"min_ms\":100,\"max_ms\":300}, was " + describe(u));
        checkFields(u, UNIFORM_FIELDS, p, p);
        return new Latency.Uniform(required(u, "min_ms", p), required(u, "max_ms", p));
      }
      JsonNode l = node.get("lognormal");
      String p = path + ".lognormal";
      if (!l.isObject()) throw FaultPlanException.field(p,
          "must be an object like {\"median_ms\":200,\"sigma\":0.5}, was " + describe(l));
      checkFields(l, LOGNORMAL_FIELDS, p, p);
      if (!present(l, "median_ms")) throw FaultPlanException.field(p + ".median_ms", "is required");
      if (!present(l, "sigma")) throw FaultPlanException.field(p + ".sigma", "is required");
      return new Latency.LogNormal(number(l.get("median_ms"), p + ".median_ms"), number(l.get("sigma"), p + ".sigma"));
    } catch (FaultPlanException e) {
      // messages from the Latency records are relative to the latency object; ours already carry the path
      throw e.path().startsWith(path) ? e : e.within(path);
    }
  }

  private static Long optionalInteger(JsonNode node, String field, String path) {
    return present(node, field) ? integer(node.get(field), path + "." + field) : null;
  }

  private static long required(JsonNode node, String field, String path) {
    if (!present(node, field)) throw FaultPlanException.field(path + "." + field, "is required");
    return integer(node.get(field), path + "." + field);
  }

  private static void checkFields(JsonNode node, Set<String> allowed, String path, String where) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!allowed.contains(name))
        throw new FaultPlanException(FaultPlanException.join(path, name),
            "unknown field " + Quote.text(name) + " in " + where + "; known fields: " + String.join(", ", sorted(allowed)));
    }
  }

  private static List<String> sorted(Set<String> names) {
    List<String> list = new ArrayList<>(names);
    list.sort(null);
    return list;
  }

  private static boolean present(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && !v.isNull();
  }

  /** A whole number exactly: 1e3 is 1000; 1.5, 1e-400 and anything past 64 bits are refused. */
  private static long integer(JsonNode node, String path) {
    BigDecimal exact = ExactNumbers.decimal(node);
    Long v = ExactNumbers.whole(exact);
    if (v != null) return v;
    String rule = exact != null && !ExactNumbers.fractional(exact) ? "an integer (64-bit)" : "an integer";
    throw FaultPlanException.field(path, "must be " + rule + ", was " + describe(node));
  }

  private static long bounded(JsonNode node, String path, long min, long max) {
    long v = integer(node, path);
    if (v < min || v > max) throw FaultPlanException.field(path, "must be in [" + min + ", " + max + "], was " + v);
    return v;
  }

  /** A number a double holds: 1e-400 (read as 0 by a double) and 1e400 (infinity) are refused. */
  private static double number(JsonNode node, String path) {
    if (!node.isNumber()) throw FaultPlanException.field(path, "must be a number, was " + describe(node));
    Double v = ExactNumbers.real(node);
    if (v == null) throw FaultPlanException.field(path, "must be " + ExactNumbers.REAL_RULE + ", was " + describe(node));
    return v;
  }

  private static boolean bool(JsonNode node, String path) {
    if (!node.isBoolean()) throw FaultPlanException.field(path, "must be true or false, was " + describe(node));
    return node.asBoolean();
  }

  private static String text(JsonNode node, String path) {
    if (!node.isTextual()) throw FaultPlanException.field(path, "must be a string, was " + describe(node));
    return node.asText();
  }

  /** A value as the user wrote it: strings quoted, anything else as JSON; long values shortened. */
  static String describe(JsonNode node) {
    return Quote.json(node);
  }
}
