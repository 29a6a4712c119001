package dev.playground.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.playground.guard.ExactNumbers;
import dev.playground.guard.Quote;
import dev.playground.llm.FailureKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads one JSON object of a spec: refuses fields it does not know, checks each value's type, fills defaults
 * for absent (or null) fields, and names the field by its path in every message. Not thread-safe; one per read.
 */
final class JsonFields {
  private final JsonNode node;
  private final String path;

  private JsonFields(JsonNode node, String path) {
    this.node = node;
    this.path = path;
  }

  /** Checks that {@code node} is an object with no field outside {@code known}. */
  static JsonFields of(JsonNode node, String path, String... known) {
    if (node == null || !node.isObject())
      throw Checks.fail((path.isEmpty() ? "the policies" : path) + " must be a JSON object, was " + describe(node));
    List<String> knownList = List.of(known);
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!knownList.contains(name))
        throw Checks.fail("unknown field " + Quote.plain(join(path, name)) + " (known: " + String.join(", ", knownList) + ")");
    }
    return new JsonFields(node, path);
  }

  /** Runs a spec's constructor, prefixing its validation message with the path of the object. */
  static <T> T build(String path, Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (IllegalArgumentException e) {
      throw path.isEmpty() ? e : Checks.fail(path + ": " + e.getMessage());
    }
  }

  static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  String at(String key) {
    return join(path, key);
  }

  /** The value of {@code key}, or null when it is absent or JSON null. */
  JsonNode child(String key) {
    JsonNode v = node.get(key);
    return v == null || v.isNull() ? null : v;
  }

  int integer(String key, int fallback) {
    JsonNode v = child(key);
    if (v == null) return fallback;
    // exactly: 1e3 is 1000; 1.5 and 1e-400 are refused
    BigDecimal exact = ExactNumbers.decimal(v);
    Long whole = ExactNumbers.whole(exact);
    if (whole == null && (exact == null || ExactNumbers.fractional(exact)))
      throw Checks.fail(at(key) + " must be a whole number, was " + describe(v));
    if (whole == null || whole < Integer.MIN_VALUE || whole > Integer.MAX_VALUE)
      throw Checks.fail(at(key) + " must be in [" + Integer.MIN_VALUE + ", " + Integer.MAX_VALUE + "], was "
          + describe(v));
    return whole.intValue();
  }

  double number(String key, double fallback) {
    JsonNode v = child(key);
    if (v == null) return fallback;
    if (!v.isNumber()) throw Checks.fail(at(key) + " must be a number, was " + describe(v));
    Double d = ExactNumbers.real(v);
    if (d == null) throw Checks.fail(at(key) + " must be " + ExactNumbers.REAL_RULE + ", was " + describe(v));
    return d;
  }

  boolean bool(String key, boolean fallback) {
    JsonNode v = child(key);
    if (v == null) return fallback;
    if (!v.isBoolean()) throw Checks.fail(at(key) + " must be true or false, was " + describe(v));
    return v.booleanValue();
  }

  String text(String key, String fallback) {
    JsonNode v = child(key);
    if (v == null) return fallback;
    if (!v.isTextual()) throw Checks.fail(at(key) + " must be a string, was " + describe(v));
    return v.textValue();
  }

  /** A {@code *_ms} field: a whole, non-negative number of milliseconds. */
  Duration millis(String key, Duration fallback) {
    JsonNode v = child(key);
    if (v == null) return fallback;
    BigDecimal exact = ExactNumbers.decimal(v);
    if (exact == null || ExactNumbers.fractional(exact))
      throw Checks.fail(at(key) + " must be a whole number of milliseconds, was " + describe(v));
    Long ms = ExactNumbers.whole(exact);
    if (ms == null || ms > Checks.ONE_DAY.toMillis())
      throw Checks.fail(at(key) + " must be ≤ 1 day (" + Checks.ONE_DAY.toMillis() + "), was " + describe(v));
    if (ms < 0) throw Checks.fail(at(key) + " must be ≥ 0, was " + ms);
    return Duration.ofMillis(ms);
  }

  Set<FailureKind> kinds(String key, Set<FailureKind> fallback) {
    JsonNode v = child(key);
    if (v == null) return fallback;
    if (!v.isArray()) throw Checks.fail(at(key) + " must be a list of failure kinds, was " + describe(v));
    List<FailureKind> kinds = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      JsonNode item = v.get(i);
      String where = at(key) + "[" + i + "]";
      if (!item.isTextual()) throw Checks.fail(where + " must be a failure kind name, was " + describe(item));
      kinds.add(FailureKind.fromWireName(item.textValue()).orElseThrow(() -> Checks.fail(
          where + " must be one of " + Kinds.allNames() + "; was " + Quote.text(item.textValue()))));
    }
    return Kinds.copy(kinds);
  }

  static String describe(JsonNode v) {
    if (v == null) return "nothing";
    if (v.isObject()) return "an object";
    if (v.isArray()) return "a list";
    return Quote.json(v);
  }

  // ---- writing ----

  static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  static void putMillis(ObjectNode node, String key, Duration d) {
    node.put(key, d.toMillis());
  }

  static void putKinds(ObjectNode node, String key, Set<FailureKind> kinds) {
    ArrayNode array = node.putArray(key);
    kinds.forEach(k -> array.add(k.wireName()));
  }
}
