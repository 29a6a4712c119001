package dev.playground.provider;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.playground.faults.SimulatedAnswer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The bodies OpenAI's chat API sends, written by hand for speed and exactness: completions, stream chunks,
 * model lists and error objects. Stateless and thread-safe.
 */
final class Wire {
  private Wire() {}

  /** Identifies one answer: {@code chatcmpl-…} id, creation second, model, fingerprint. */
  record Ids(String completionId, long created, String model, String fingerprint) {}

  static String quote(String s) {
    if (s == null) return "null";
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** A non-streamed {@code chat.completion}. */
  static String completion(Ids ids, SimulatedAnswer answer, String finishReason) {
    return "{\"id\":" + quote(ids.completionId()) + ",\"object\":\"chat.completion\",\"created\":" + ids.created()
        + ",\"model\":" + quote(ids.model())
        + ",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":" + quote(answer.content())
        + ",\"refusal\":null,\"annotations\":[]},\"logprobs\":null,\"finish_reason\":" + quote(finishReason) + "}]"
        + ",\"usage\":" + usage(answer) + ",\"service_tier\":\"default\",\"system_fingerprint\":"
        + quote(ids.fingerprint()) + "}";
  }

  static String usage(SimulatedAnswer answer) {
    return "{\"prompt_tokens\":" + answer.promptTokens() + ",\"completion_tokens\":" + answer.completionTokens()
        + ",\"total_tokens\":" + answer.totalTokens()
        + ",\"prompt_tokens_details\":{\"cached_tokens\":0,\"audio_tokens\":0}"
        + ",\"completion_tokens_details\":{\"reasoning_tokens\":0,\"audio_tokens\":0,"
        + "\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}}";
  }

  /**
   * The {@code data:} events of a streamed answer, in OpenAI's order: the role delta, one content delta per
   * piece, the chunk with {@code finish_reason}, and the usage chunk when asked for. {@code [DONE]} is not
   * included.
   */
  static List<String> chunks(Ids ids, SimulatedAnswer answer, String finishReason, boolean includeUsage) {
    String head = "{\"id\":" + quote(ids.completionId()) + ",\"object\":\"chat.completion.chunk\",\"created\":"
        + ids.created() + ",\"model\":" + quote(ids.model()) + ",\"service_tier\":\"default\",\"system_fingerprint\":"
        + quote(ids.fingerprint()) + ",\"choices\":";
    String tail = includeUsage ? ",\"usage\":null}" : "}";
    var events = new ArrayList<String>(answer.pieces().size() + 3);
    events.add(head + "[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null},"
        + "\"logprobs\":null,\"finish_reason\":null}]" + tail);
    for (String piece : answer.pieces())
      events.add(head + "[{\"index\":0,\"delta\":{\"content\":" + quote(piece)
          + "},\"logprobs\":null,\"finish_reason\":null}]" + tail);
    events.add(head + "[{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":" + quote(finishReason)
        + "}]" + tail);
    if (includeUsage) events.add(head + "[],\"usage\":" + usage(answer) + "}");
    return events;
  }

  /** One server-sent event line. */
  static String sse(String data) {
    return "data: " + data + "\n\n";
  }

  static final String DONE = "data: [DONE]\n\n";

  /** OpenAI's error object: {@code {"error":{"message","type","param","code"}}}. */
  static String error(String message, String type, String param, String code) {
    return "{\"error\":{\"message\":" + quote(message) + ",\"type\":" + quote(type) + ",\"param\":" + quote(param)
        + ",\"code\":" + quote(code) + "}}";
  }

  /** The shape Cloudflare puts in front of OpenAI for 502/504: the code is the status, as a number. */
  static String edgeError(String message, String type, int code) {
    return "{\"error\":{\"code\":" + code + ",\"message\":" + quote(message) + ",\"param\":null,\"type\":"
        + quote(type) + "}}";
  }

  static String models(List<String> models, long created) {
    StringBuilder b = new StringBuilder("{\"object\":\"list\",\"data\":[");
    for (int i = 0; i < models.size(); i++) {
      if (i > 0) b.append(',');
      b.append(model(models.get(i), created));
    }
    return b.append("]}").toString();
  }

  static String model(String id, long created) {
    return "{\"id\":" + quote(id) + ",\"object\":\"model\",\"created\":" + created + ",\"owned_by\":\"system\"}";
  }
}
