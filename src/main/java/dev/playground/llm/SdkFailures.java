package dev.playground.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.openai.core.http.Headers;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.SseException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Classifies whatever the openai-java SDK (or OkHttp beneath it) throws into one {@link LlmFailure}. Keeps
 * status, headers, request id, error code and retry-after; never lets the API key into a message.
 * Immutable and thread-safe.
 */
final class SdkFailures {
  private static final int MAX_MESSAGE = 300;

  private final String where;
  private final Secret secret;
  private final Supplier<Instant> wallClock;

  SdkFailures(String provider, String model, Secret secret, Supplier<Instant> wallClock) {
    this.where = provider + "/" + model;
    this.secret = secret;
    this.wallClock = wallClock;
  }

  /** Unwraps future wrappers and classifies; an {@link LlmFailure} passes through unchanged. */
  LlmFailure classify(Throwable thrown) {
    return classify(thrown, Map.of());
  }

  /**
   * Classifies a failure while reading a 200 answer's body, whose exception may not carry the response's
   * headers: then {@code responseHeaders} (request id, date) are kept instead.
   */
  LlmFailure classify(Throwable thrown, Map<String, List<String>> responseHeaders) {
    Throwable t = unwrap(thrown);
    if (t instanceof LlmFailure failure) return failure;
    if (t instanceof SseException e) return fromStreamError(e);
    if (t instanceof OpenAIServiceException e) return fromStatus(e);
    if (t instanceof OpenAIIoException e) return fromIo(e, headersOr(e.headers().orElse(null), responseHeaders));
    if (t instanceof OpenAIInvalidDataException e) {
      return fromInvalidData(e, headersOr(e.headers().orElse(null), responseHeaders));
    }
    if (t instanceof IOException e) return fromIo(e, responseHeaders);
    return failure(FailureKind.UNKNOWN, "unexpected " + t.getClass().getSimpleName(), 0, responseHeaders, null, t);
  }

  private LlmFailure fromStatus(OpenAIServiceException e) {
    int status = e.statusCode();
    String code = e.code().orElse(null);
    FailureKind kind = kindOfStatus(status, code);
    return failure(kind, status + " " + kind.wireName(), status, headersOf(e.headers()), code, e);
  }

  /** An error event inside a 200 stream: classified by its code and type, as a status cannot say. */
  private LlmFailure fromStreamError(SseException e) {
    String code = e.code().orElse(null);
    String type = e.type().orElse("");
    FailureKind kind;
    if ("context_length_exceeded".equals(code)) kind = FailureKind.CONTEXT_LENGTH;
    else if ("rate_limit_exceeded".equals(code) || type.contains("rate_limit")) kind = FailureKind.RATE_LIMITED;
    else if (type.contains("invalid_request")) kind = FailureKind.INVALID_REQUEST;
    else kind = FailureKind.SERVER_ERROR;
    return failure(kind, "error event in stream: " + kind.wireName(), e.statusCode(), headersOf(e.headers()),
        code, e);
  }

  private LlmFailure fromIo(Exception e, Map<String, List<String>> headers) {
    // OkHttp reports both its read timeout (SocketTimeoutException) and its call timeout as InterruptedIOException.
    boolean timedOut = causeOf(e, InterruptedIOException.class) != null;
    FailureKind kind = timedOut ? FailureKind.TIMEOUT : FailureKind.NETWORK;
    Throwable root = rootCause(e);
    String detail = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    return failure(kind, (timedOut ? "no answer in time (" : "connection failed (") + detail + ")", 0, headers,
        null, e);
  }

  /**
   * The SDK wraps every failure while reading a 200 body in this one exception: a parse error means the body
   * was not JSON (or was empty); an I/O error underneath means the connection broke or timed out mid-body.
   */
  private LlmFailure fromInvalidData(OpenAIInvalidDataException e, Map<String, List<String>> headers) {
    if (causeOf(e, JsonProcessingException.class) == null && causeOf(e, IOException.class) != null) {
      return fromIo(e, headers);
    }
    return failure(FailureKind.MALFORMED_RESPONSE, "malformed answer: " + e.getMessage(), 200, headers, null, e);
  }

  static FailureKind kindOfStatus(int status, String code) {
    if (status == 400) {
      return "context_length_exceeded".equals(code) ? FailureKind.CONTEXT_LENGTH : FailureKind.INVALID_REQUEST;
    }
    if (status == 422) return FailureKind.INVALID_REQUEST;
    if (status == 401) return FailureKind.AUTH;
    if (status == 403) return FailureKind.PERMISSION;
    if (status == 404) return FailureKind.NOT_FOUND;
    if (status == 408) return FailureKind.TIMEOUT;
    if (status == 429) return FailureKind.RATE_LIMITED;
    if (status >= 500 && status <= 599) return FailureKind.SERVER_ERROR;
    return FailureKind.UNKNOWN;
  }

  private LlmFailure failure(FailureKind kind, String message, int status, Map<String, List<String>> headers,
      String code, Throwable cause) {
    Duration retryAfter = RetryAfter.from(headers, wallClock.get());
    String requestId = first(headers, "x-request-id");
    String text = secret.scrub(truncate(message)) + " from " + where;
    // A provider may echo the key in its error text; then the cause chain is dropped rather than leak it.
    Throwable keptCause = cause != null && secret.appearsIn(cause) ? null : cause;
    return new LlmFailure(kind, text, status, retryAfter, headers, requestId, code, keptCause);
  }

  private static Map<String, List<String>> headersOr(Headers headers, Map<String, List<String>> fallback) {
    return headers == null || headers.isEmpty() ? fallback : headersOf(headers);
  }

  static Map<String, List<String>> headersOf(Headers headers) {
    if (headers == null) return Map.of();
    Map<String, List<String>> lower = new LinkedHashMap<>();
    for (String name : headers.names()) {
      lower.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new java.util.ArrayList<>())
          .addAll(headers.values(name));
    }
    lower.replaceAll((k, v) -> List.copyOf(v));
    return lower;
  }

  static String first(Map<String, List<String>> headers, String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static Throwable unwrap(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private static <T extends Throwable> T causeOf(Throwable t, Class<T> type) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (type.isInstance(c)) return type.cast(c);
    }
    return null;
  }

  private static Throwable rootCause(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c) c = c.getCause();
    return c;
  }

  private static String truncate(String s) {
    if (s == null) return "";
    String oneLine = s.replaceAll("\\s+", " ").trim();
    return oneLine.length() <= MAX_MESSAGE ? oneLine : oneLine.substring(0, MAX_MESSAGE) + "…";
  }
}
