package dev.playground.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
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

  /** {@code node} as JSON text, cut to 40 characters, for error messages. */
  static String shortText(JsonNode node) {
    String text = node.toString();
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }
}
