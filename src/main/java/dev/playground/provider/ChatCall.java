package dev.playground.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.playground.faults.SimulatedAnswers;
import java.io.IOException;

/**
 * What the provider needs from a chat-completion request body, or why it is not one. Immutable.
 *
 * @param model the model asked for ("" when missing)
 * @param prompt the last user message's text (what the answer echoes)
 * @param promptTokens the estimated size of every message
 * @param maxTokens max_completion_tokens (or max_tokens), or 0 for no limit
 * @param problem null for a valid request; otherwise the 400 answer's body
 */
record ChatCall(String model, String prompt, int promptTokens, boolean stream, boolean includeUsage, int maxTokens,
    String problem) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  boolean valid() {
    return problem == null;
  }

  static ChatCall parse(byte[] body) {
    JsonNode root;
    try {
      root = MAPPER.readTree(body);
    } catch (IOException e) {
      root = null;
    }
    if (root == null || !root.isObject())
      return invalid("", false, FaultErrors.invalidRequest("We could not parse the JSON body of your request. The API "
          + "expects a JSON payload, but what was sent was not valid JSON.", null, null));
    JsonNode modelNode = root.get("model");
    String model = modelNode != null && modelNode.isTextual() ? modelNode.asText() : "";
    boolean stream = root.path("stream").asBoolean(false);
    if (model.isEmpty())
      return invalid(model, stream, FaultErrors.invalidRequest("you must provide a model parameter", null, null));
    JsonNode messages = root.get("messages");
    if (messages == null || !messages.isArray() || messages.isEmpty())
      return invalid(model, stream, FaultErrors.invalidRequest(
          "Missing required parameter: 'messages'.", "messages", "missing_required_parameter"));
    String prompt = "";
    int tokens = 0;
    for (JsonNode message : messages) {
      String text = text(message.get("content"));
      tokens += 3 + SimulatedAnswers.tokens(text);
      if ("user".equals(message.path("role").asText())) prompt = text;
    }
    int max = root.path("max_completion_tokens").asInt(root.path("max_tokens").asInt(0));
    boolean usage = root.path("stream_options").path("include_usage").asBoolean(false);
    return new ChatCall(model, prompt, tokens, stream, usage, Math.max(0, max), null);
  }

  /** The model and stream flag of any body, for requests that are forwarded as they are. */
  static ChatCall lenient(byte[] body) {
    ChatCall call = parse(body);
    return call.valid() ? call : new ChatCall(call.model, "", 0, call.stream, false, 0, null);
  }

  private static ChatCall invalid(String model, boolean stream, String problem) {
    return new ChatCall(model, "", 0, stream, false, 0, problem);
  }

  /** A message's content: a string, or the text parts of an array. */
  private static String text(JsonNode content) {
    if (content == null || content.isNull()) return "";
    if (content.isTextual()) return content.asText();
    if (!content.isArray()) return "";
    StringBuilder b = new StringBuilder();
    for (JsonNode part : content)
      if ("text".equals(part.path("type").asText())) b.append(part.path("text").asText());
    return b.toString();
  }
}
