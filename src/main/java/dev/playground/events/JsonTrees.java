package dev.playground.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.playground.guard.Quote;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/** Writes embedded JSON trees (policies, faults, counts) with their strings redacted. Stateless, thread-safe. */
final class JsonTrees {
  private JsonTrees() {}

  /**
   * Writes {@code node} as Jackson would (so it reads back as an equal tree: ints as ints, doubles as
   * {@link Double#toString}), keys in the tree's own order, text through {@code redaction}.
   */
  static void write(JsonNode node, JsonGenerator g, Redaction redaction) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT -> {
        g.writeStartObject();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          var e = it.next();
          g.writeFieldName(e.getKey());
          write(e.getValue(), g, redaction);
        }
        g.writeEndObject();
      }
      case ARRAY -> {
        g.writeStartArray();
        for (JsonNode element : node) write(element, g, redaction);
        g.writeEndArray();
      }
      case STRING -> g.writeString(redaction.apply(node.textValue()));
      case NUMBER -> {
        if (node.isInt() || node.isLong() || node.isShort()) g.writeNumber(node.longValue());
        else if (node.isBigInteger()) g.writeNumber(node.bigIntegerValue());
        else if (node.isBigDecimal()) g.writeNumber(node.decimalValue());
        else if (node.isFloat()) g.writeNumber(node.floatValue());
        else g.writeNumber(node.doubleValue());
      }
      case BOOLEAN -> g.writeBoolean(node.booleanValue());
      case BINARY -> g.writeBinary(node.binaryValue());
      case NULL, MISSING -> g.writeNull();
      case POJO -> g.writeString(redaction.apply(node.toString()));
    }
  }

  /**
   * {@code node} with its decimals as doubles, as a default Jackson reader gives them (the log's reader keeps
   * decimals exact to check its own numbers; the embedded trees are compared and re-read as any other JSON).
   */
  static JsonNode withDoubles(JsonNode node) {
    if (node.isBigDecimal()) return DoubleNode.valueOf(node.doubleValue());
    if (node.isObject()) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      node.fields().forEachRemaining(e -> copy.set(e.getKey(), withDoubles(e.getValue())));
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode(node.size());
      for (JsonNode element : node) copy.add(withDoubles(element));
      return copy;
    }
    return node;
  }

  /** {@code node} as JSON text, cut to 80 characters and on one line, for error messages. */
  static String shortText(JsonNode node) {
    return Quote.json(node);
  }
}
