package dev.playground.llm;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * One chat call: the user's prompt, optional retrieved context (sent as a system message), the per-attempt
 * timeout, and whether to stream. Immutable.
 *
 * @param extraHeaders sent as-is (e.g. {@code X-Playground-Fault}); never carries the API key
 * @param call which logical call this is, or null outside the engine
 */
public record ChatRequest(
    String prompt, String context, Duration timeout, boolean stream, Map<String, String> extraHeaders, CallRef call) {
  public ChatRequest {
    if (prompt == null || prompt.isBlank()) throw new IllegalArgumentException("prompt must not be empty");
    if (timeout == null || timeout.isNegative() || timeout.isZero())
      throw new IllegalArgumentException("timeout must be > 0, was " + timeout);
    extraHeaders = extraHeaders == null ? Map.of() : Map.copyOf(extraHeaders);
  }

  public ChatRequest(String prompt, String context, Duration timeout, boolean stream, Map<String, String> extraHeaders) {
    this(prompt, context, timeout, stream, extraHeaders, null);
  }

  public static ChatRequest of(String prompt, Duration timeout) {
    return new ChatRequest(prompt, null, timeout, false, Map.of(), null);
  }

  public ChatRequest withContext(String newContext) {
    return new ChatRequest(prompt, newContext, timeout, stream, extraHeaders, call);
  }

  public ChatRequest withCall(CallRef newCall) {
    return new ChatRequest(prompt, context, timeout, stream, extraHeaders, newCall);
  }

  /** This request with one more header (replacing one of the same name). */
  public ChatRequest withHeader(String name, String value) {
    var headers = new HashMap<>(extraHeaders);
    headers.put(name, value);
    return new ChatRequest(prompt, context, timeout, stream, headers, call);
  }

  public boolean hasContext() {
    return context != null && !context.isBlank();
  }
}
