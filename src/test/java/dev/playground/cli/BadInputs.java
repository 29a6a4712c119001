package dev.playground.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.playground.cli.Breakages.Breakage;
import dev.playground.guard.ExactNumbers;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A seeded generator of bad inputs: a valid document with exactly one thing broken (a field given a value that
 * breaks its rule, removed, or joined by an unknown one; or the text itself cut, doubled, nested too deep or
 * spoiled by a control byte). The same seed gives the same cases. Not thread-safe.
 */
final class BadInputs {
  /** One bad input: what was broken, the text, and what its refusal must name (see {@link Breakage}). */
  record Case(String what, String text, List<String> expect) {
    @Override
    public String toString() {
      String shown = text.length() <= 300 ? text : text.substring(0, 300) + "… (" + text.length() + " characters)";
      return what + " in " + shown.replace('\n', ' ');
    }
  }

  static final ObjectMapper JSON = ExactNumbers.strict().build();
  private static final Pattern STEP = Pattern.compile("([a-z_]+)((?:\\[\\d+])*)");
  private static final Set<String> ANY_JSON = Set.of("policies", "faults", "counts");
  private static final String JSON_ERROR = "JSON|empty|object|depth";

  private final SplittableRandom random;

  BadInputs(long seed) {
    this.random = new SplittableRandom(seed);
  }

  Case plan() {
    return document("plan", Breakages.PLAN, Breakages.PLAN_FIELDS,
        List.of("", "rules[0]", "rules[0].window", "base_latency", "rules[2].latency.uniform"), "rules[0].note");
  }

  Case policies() {
    return document("policies", Breakages.POLICIES, Breakages.POLICY_FIELDS,
        List.of("", "retry", "retry.backoff", "breaker", "cache", "ladder", "chain[0]"), "retry.jitter");
  }

  Case scenario() {
    int pick = random.nextInt(10);
    if (pick < 2) return within("providers[0].faults", Breakages.PLAN_FIELDS);
    if (pick < 4) return within("policies", Breakages.POLICY_FIELDS);
    if (pick == 4) {
      Breakage rate = new Breakage("load", List.of("{\"requests\": 3, \"rate_per_s\": " + pick(
          List.of("0", "-1", "10001", "1e-400", "1e400", "\"fast\"")) + "}"), List.of("load.rate_per_s"));
      return field("scenario", Breakages.SCENARIO, rate);
    }
    return document("scenario", Breakages.SCENARIO, Breakages.SCENARIO_FIELDS,
        List.of("", "providers[0]", "load", "engine_faults", "engine_faults.rules[0]"), "title");
  }

  /** A run log (its lines, each valid) with one line broken; the refusal must name that line. */
  Case runLog(List<String> lines) {
    int index = random.nextInt(lines.size());
    String line = lines.get(index);
    ObjectNode event = (ObjectNode) read(line);
    String type = event.path("type").asText();
    String broken;
    String expect;
    int pick = random.nextInt(10);
    if (pick < 5) {
      List<String> fields = new ArrayList<>();
      event.fieldNames().forEachRemaining(f -> { if (!f.equals("type") && !ANY_JSON.contains(f)) fields.add(f); });
      String field = pick(fields);
      event.set(field, read(badFor(type, field, event.get(field))));
      broken = write(event);
      expect = type + "." + field;
    } else if (pick == 5) {
      String field = random.nextBoolean() ? "seq" : "t_ms";
      event.remove(field);
      broken = write(event);
      expect = field;
    } else if (pick == 6) {
      String field = BadValues.word(random);
      event.put(field, 1);
      broken = write(event);
      expect = "has no field";
    } else if (pick == 7) {
      event.set("type", read(pick(List.of(BadValues.UNKNOWN_WORD, BadValues.LONG_TEXT, BadValues.NUMBER)).draw(random)));
      broken = write(event);
      expect = "type";
    } else if (pick == 8) {
      broken = spoil(line);
      expect = "JSON";
    } else {
      broken = pick(List.of("[1, 2]", "\"a run\"", "42", "true", "not json at all"));
      expect = "JSON|object";
    }
    List<String> copy = new ArrayList<>(lines);
    copy.set(index, broken);
    return new Case("line " + (index + 1) + " (" + type + ") broken",
        String.join("\n", copy) + "\n", List.of("line " + (index + 1), expect));
  }

  // ---- documents

  private Case within(String prefix, List<Breakage> fields) {
    Breakage b = pick(fields);
    List<String> expect = new ArrayList<>();
    for (String group : b.expect()) expect.add(prefix.equals("policies") ? group : prefix + "." + group);
    expect.add(prefix.equals("policies") ? "policies" : prefix);
    return field("scenario", Breakages.SCENARIO, new Breakage(prefix + "." + b.path(), b.values(), expect));
  }

  private Case document(String kind, String valid, List<Breakage> fields, List<String> objects, String deepField) {
    int pick = random.nextInt(20);
    if (pick < 13) return field(kind, valid, pick(fields));
    if (pick == 13) {
      String at = pick(objects);
      String name = switch (random.nextInt(3)) {
        case 0 -> BadValues.word(random);
        case 1 -> "k".repeat(81 + random.nextInt(10_000));
        default -> "col\u0000our";
      };
      ObjectNode tree = (ObjectNode) read(valid);
      ((ObjectNode) at(tree, at)).put(name, 1);
      return new Case(kind + ": unknown field at " + (at.isEmpty() ? "the top" : at), write(tree),
          List.of("unknown field"));
    }
    String text = write(read(valid));
    return switch (pick) {
      case 14 -> new Case(kind + ": cut", text.substring(0, 1 + random.nextInt(text.lastIndexOf('}') - 1)),
          List.of(JSON_ERROR));
      case 15 -> new Case(kind + ": a control byte", spoil(text), List.of(JSON_ERROR));
      case 16 -> {
        String key = text.substring(2, text.indexOf('"', 2));
        yield new Case(kind + ": a key twice", "{\"" + key + "\": 1, " + text.substring(1), List.of("Duplicate|twice"));
      }
      case 17 -> new Case(kind + ": not an object",
          pick(List.of("[]", "\"" + kind + "\"", "42", "null", "true", "", "   ")), List.of(JSON_ERROR));
      case 18 -> {
        ObjectNode tree = (ObjectNode) read(valid);
        set(tree, deepField, TextNode.valueOf("#DEEP#"));
        int depth = 1_001 + random.nextInt(2_000);
        yield new Case(kind + ": nested " + depth + " deep",
            write(tree).replace("\"#DEEP#\"", "[".repeat(depth) + "]".repeat(depth)), List.of(JSON_ERROR));
      }
      default -> field(kind, valid, pick(fields));
    };
  }

  private Case field(String kind, String valid, Breakage b) {
    Object source = pick(b.values());
    ObjectNode tree = (ObjectNode) read(valid);
    String value;
    if (source == null) {
      remove(tree, b.path());
      value = "(removed)";
    } else {
      value = source instanceof BadValues v ? v.draw(random) : (String) source;
      set(tree, b.path(), read(value));
    }
    String shown = value.length() <= 60 ? value : value.substring(0, 60) + "…";
    return new Case(kind + ": " + b.path() + " = " + shown, write(tree), b.expect());
  }

  // ---- run-log values

  private String badFor(String type, String field, JsonNode now) {
    boolean enumField = field.equals("rung") || type.equals("retry_scheduled") && field.equals("reason")
        || type.equals("breaker_changed") && (field.equals("from") || field.equals("to"));
    if (enumField && random.nextBoolean()) return BadValues.UNKNOWN_WORD.draw(random);
    if (now.isNumber()) return pick(List.of(BadValues.TINY, BadValues.SUBNORMAL, BadValues.HUGE,
        BadValues.NUMBER_AS_TEXT, BadValues.OBJECT, BadValues.ARRAY, BadValues.BOOLEAN)).draw(random);
    if (now.isTextual()) return pick(List.of(BadValues.NUMBER, BadValues.ARRAY, BadValues.OBJECT, BadValues.BOOLEAN))
        .draw(random);
    if (now.isBoolean()) return pick(List.of(BadValues.NUMBER, BadValues.UNKNOWN_WORD)).draw(random);
    return pick(List.of("1", "\"headers\"", "{\"retry-after\": 1}"));
  }

  // ---- text and trees

  /** {@code text} with a control byte (never valid JSON, in a string or out of one) at a random place. */
  private String spoil(String text) {
    int at = random.nextInt(text.length() + 1);
    return text.substring(0, at) + (char) (1 + random.nextInt(8)) + text.substring(at);
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException("a generator value is not JSON: " + json, e);
    }
  }

  static String write(JsonNode node) {
    return node.toString();
  }

  /** The node at {@code path} ("rules[0].window"; "" for the root). */
  static JsonNode at(JsonNode root, String path) {
    JsonNode node = root;
    if (path.isEmpty()) return node;
    for (String step : path.split("\\.")) {
      Matcher m = STEP.matcher(step);
      if (!m.matches()) throw new IllegalArgumentException("not a path step: " + step);
      node = node.get(m.group(1));
      for (String index : indices(m.group(2))) node = node.get(Integer.parseInt(index));
      if (node == null) throw new IllegalArgumentException("no " + path + " in the document");
    }
    return node;
  }

  static void set(JsonNode root, String path, JsonNode value) {
    int dot = path.lastIndexOf('.');
    JsonNode parent = at(root, dot < 0 ? "" : path.substring(0, dot));
    Matcher m = STEP.matcher(path.substring(dot + 1));
    if (!m.matches()) throw new IllegalArgumentException("not a path: " + path);
    List<String> indices = indices(m.group(2));
    if (indices.isEmpty()) {
      ((ObjectNode) parent).set(m.group(1), value);
    } else {
      JsonNode array = parent.get(m.group(1));
      for (int i = 0; i < indices.size() - 1; i++) array = array.get(Integer.parseInt(indices.get(i)));
      ((ArrayNode) array).set(Integer.parseInt(indices.get(indices.size() - 1)), value);
    }
  }

  static void remove(JsonNode root, String path) {
    int dot = path.lastIndexOf('.');
    ((ObjectNode) at(root, dot < 0 ? "" : path.substring(0, dot))).remove(path.substring(dot + 1));
  }

  private static List<String> indices(String brackets) {
    List<String> out = new ArrayList<>();
    for (Iterator<String> it = List.of(brackets.split("[\\[\\]]+")).iterator(); it.hasNext(); ) {
      String s = it.next();
      if (!s.isEmpty()) out.add(s);
    }
    return out;
  }
}
