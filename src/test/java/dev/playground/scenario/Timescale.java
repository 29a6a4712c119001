package dev.playground.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A scenario played faster: every duration of its JSON ({@code *_ms}, {@code retry_after_s}) multiplied by a
 * factor (0, which means "none", stays 0) and every rate divided by it, so the same story fits in less real time. What a live test runs when
 * the preset's own waits would take minutes.
 */
final class Timescale {
  private Timescale() {}

  static Scenario of(Scenario s, double factor) {
    if (factor == 1.0) return s;
    ObjectNode tree = ScenarioJson.toTree(s);
    scale(tree, factor);
    return ScenarioJson.parse(tree.toString(), s.name() + " ×" + factor);
  }

  private static void scale(JsonNode node, double factor) {
    if (node instanceof ArrayNode array) {
      array.forEach(child -> scale(child, factor));
      return;
    }
    if (!(node instanceof ObjectNode object)) return;
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      JsonNode value = object.get(name);
      if (name.endsWith("_ms") && value.isNumber()) {
        if (value.asDouble() != 0) object.put(name, Math.max(1, Math.round(value.asDouble() * factor)));
      } else if (name.equals("retry_after_s") && value.isNumber()) {
        object.remove(name);
        object.put("retry_after_ms", Math.max(1, Math.round(value.asDouble() * 1000 * factor)));
      } else if (name.equals("rate_per_s") && value.isNumber()) {
        object.put(name, value.asDouble() / factor);
      } else {
        scale(value, factor);
      }
    }
  }
}
