package dev.playground.events;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.playground.guard.ExactNumbers;
import dev.playground.guard.Quote;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The run log's JSON form of a {@link RunEvent}: one object with {@code seq}, {@code t_ms}, {@code type}, then
 * {@code req} where the event has one, then the record's other components in snake_case. Nulls and empty
 * header maps are left out; enums are written by their wire names; doubles compactly ({@code 250}, {@code 12.5});
 * embedded JSON as objects. The same event always gives the same bytes. Stateless and thread-safe.
 */
public final class RunEventJson {
  // decimals kept as written, so that a t_ms of 1e-400 is refused rather than read as 0
  private static final ObjectMapper MAPPER = ExactNumbers.strict()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();
  private static final JsonFactory FACTORY = MAPPER.getFactory();

  private RunEventJson() {}

  /** Every {@code type} the log knows, in a stable order. */
  public static Set<String> types() {
    return EventCodec.BY_TYPE.keySet();
  }

  /** {@code event} as one line of JSON, without the line break. */
  public static String toJson(RunEvent event) {
    var out = new ByteArrayOutputStream(256);
    write(event, out, Redaction.environment());
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Writes {@code event} to {@code out} as UTF-8 JSON (no line break), secrets masked by {@code redaction}. */
  static void write(RunEvent event, OutputStream out, Redaction redaction) {
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      EventCodec.of(event).write(event, g, redaction);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The event written as {@code json}.
   *
   * @throws IllegalArgumentException with one sentence that says what is wrong (not JSON, not an object, unknown
   *     type, missing or mistyped field, unknown field)
   */
  public static RunEvent fromJson(String json) {
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(describe(e), e);
    }
    return fromJson(node);
  }

  /** The event held in {@code node}; see {@link #fromJson(String)}. */
  public static RunEvent fromJson(JsonNode node) {
    if (node == null || !node.isObject())
      throw new IllegalArgumentException("expected a JSON object, found " + kind(node));
    JsonNode type = node.get("type");
    if (type == null || !type.isTextual())
      throw new IllegalArgumentException("the object has no \"type\" (one of " + String.join(", ", types()) + ")");
    EventCodec codec = EventCodec.BY_TYPE.get(type.textValue());
    if (codec == null)
      throw new IllegalArgumentException(
          "unknown type " + Quote.text(type.textValue()) + " (known: " + String.join(", ", types()) + ")");
    return codec.read((ObjectNode) node);
  }

  private static String kind(JsonNode node) {
    if (node == null || node.isMissingNode()) return "nothing";
    if (node.isArray()) return "an array";
    if (node.isTextual()) return "a string";
    if (node.isNumber()) return "a number";
    return JsonTrees.shortText(node);
  }

  /** Jackson's complaint in one line, with the column. */
  private static String describe(JsonProcessingException e) {
    String message = Quote.message(e.getOriginalMessage());
    var location = e.getLocation();
    String where = location == null || location.getColumnNr() < 1 ? "" : " at column " + location.getColumnNr();
    return "not valid JSON" + where + ": " + message;
  }
}
