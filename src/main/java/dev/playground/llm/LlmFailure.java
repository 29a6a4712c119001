package dev.playground.llm;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A failed call, classified. Keeps what the provider said: status, headers, request id, error code.
 * Immutable and thread-safe.
 */
public final class LlmFailure extends RuntimeException {
  private final FailureKind kind;
  private final int status;
  private final Duration retryAfter;
  private final Map<String, List<String>> headers;
  private final String requestId;
  private final String code;

  /**
   * @param status the HTTP status, or 0 if there was none
   * @param retryAfter what the provider asked us to wait, or null
   * @param headers response headers, lower-case names (empty if none)
   * @param requestId the provider's {@code x-request-id}, or null
   * @param code the error body's {@code code}, or null
   */
  public LlmFailure(
      FailureKind kind,
      String message,
      int status,
      Duration retryAfter,
      Map<String, List<String>> headers,
      String requestId,
      String code,
      Throwable cause) {
    super(message, cause, false, cause != null);
    if (kind == null) throw new IllegalArgumentException("kind must not be null");
    this.kind = kind;
    this.status = status;
    this.retryAfter = retryAfter;
    this.headers = headers == null ? Map.of() : Map.copyOf(headers);
    this.requestId = requestId;
    this.code = code;
  }

  public static LlmFailure of(FailureKind kind, String message) {
    return new LlmFailure(kind, message, 0, null, Map.of(), null, null, null);
  }

  public FailureKind kind() {
    return kind;
  }

  /** The HTTP status, or 0 if the call got none (timeout, reset …). */
  public int status() {
    return status;
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  public Map<String, List<String>> headers() {
    return headers;
  }

  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  public Optional<String> code() {
    return Optional.ofNullable(code);
  }

  @Override
  public String toString() {
    return "LlmFailure[" + kind.wireName() + (status > 0 ? " " + status : "") + "]: " + getMessage();
  }
}
