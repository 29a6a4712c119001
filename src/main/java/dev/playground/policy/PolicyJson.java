package dev.playground.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.playground.guard.ExactNumbers;
import dev.playground.guard.Quote;
import java.util.stream.Collectors;

/**
 * Reads and writes the specs as JSON: snake_case keys, durations as whole milliseconds in {@code *_ms} keys,
 * unknown fields refused by name, absent fields filled with their documented defaults. Every problem comes
 * back as one {@link IllegalArgumentException} whose message names the field, the rule and the value.
 * Thread-safe.
 *
 * <p>The specs carry their own Jackson annotations, so any {@code ObjectMapper} can also embed them in a larger
 * document (a scenario); this class adds strict parsing (duplicate keys, trailing content) and clean messages.
 */
public final class PolicyJson {
  // decimals kept as written, so that 1e-400 is refused rather than read as 0
  private static final ObjectMapper MAPPER = ExactNumbers.strict()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private PolicyJson() {}

  /** A policy set from its JSON text. */
  public static PolicySet read(String json) {
    return PolicySet.read(tree(json), "");
  }

  /** A policy set from a JSON tree (e.g. the {@code policies} member of a scenario). */
  public static PolicySet read(JsonNode node) {
    return PolicySet.read(node, "");
  }

  /** Any one spec ({@link RetrySpec}, {@link BreakerSpec} …) from its JSON text. */
  public static <T> T read(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw clean(e);
    }
  }

  /** The spec as indented JSON. */
  public static String write(Object spec) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(spec);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a spec could not be written as JSON", e);
    }
  }

  /** The spec as a JSON tree (e.g. for the run log's {@code run_started.policies}). */
  public static JsonNode toTree(Object spec) {
    return MAPPER.valueToTree(spec);
  }

  private static JsonNode tree(String json) {
    if (json == null || json.isBlank()) throw Checks.fail("the policies are empty: expected a JSON object");
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw clean(e);
    }
  }

  /** One line naming what is wrong, without Jackson's class names or a stack trace. */
  private static IllegalArgumentException clean(JsonProcessingException e) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause())
      if (t instanceof IllegalArgumentException iae) {
        String path = e instanceof JsonMappingException m ? path(m) : "";
        return Checks.fail(path.isEmpty() ? iae.getMessage() : path + ": " + iae.getMessage());
      }
    JsonLocation at = e.getLocation();
    String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    return Checks.fail("not valid JSON: " + Quote.message(e.getOriginalMessage()) + where);
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
  }
}
