package dev.playground.llm;

import java.time.Duration;
import java.util.Map;

/**
 * One chat call: the user's prompt, optional retrieved context (sent as a system message), the per-attempt
 * timeout, and whether to stream. Immutable.
 *
 * @param extraHeaders sent as-is (e.g. {@code X-Playground-Fault}); never carries the API key
 */
public record ChatRequest(
    String prompt, String context, Duration timeout, boolean stream, Map<String, String> extraHeaders) {
  public ChatRequest {
    if (prompt == null || prompt.isBlank()) throw new IllegalArgumentException("prompt must not be empty");
    if (timeout == null || timeout.isNegative() || timeout.isZero())
      throw new IllegalArgumentException("timeout must be > 0, was " + timeout);
    extraHeaders = extraHeaders == null ? Map.of() : Map.copyOf(extraHeaders);
  }

  public static ChatRequest of(String prompt, Duration timeout) {
    return new ChatRequest(prompt, null, timeout, false, Map.of());
  }

  public ChatRequest withContext(String newContext) {
    return new ChatRequest(prompt, newContext, timeout, stream, extraHeaders);
  }

  public boolean hasContext() {
    return context != null && !context.isBlank();
  }
}
