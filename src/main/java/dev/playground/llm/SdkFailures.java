package dev.playground.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.openai.core.http.Headers;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.SseException;
import dev.playground.common.Causes;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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

  /** A 200 stream that ended before its first chunk: its body was, in effect, missing. */
  LlmFailure emptyStream(Map<String, List<String>> headers) {
    return failure(FailureKind.MALFORMED_RESPONSE, "malformed answer: the stream ended before its first chunk", 200,
        headers, null, null);
  }

  private LlmFailure fromStatus(OpenAIServiceException e) {
    int status = e.statusCode();
    String code = codeOf(e);
    FailureKind kind = kindOfStatus(status, code);
    return failure(kind, status + " " + kind.wireName() + said(e), status, headersOf(e.headers()), code, e);
  }

  /** An error event inside a 200 stream: classified by its code and type, as a status cannot say. */
  private LlmFailure fromStreamError(SseException e) {
    String code = codeOf(e);
    String type = lenient(() -> e.type().orElse(""), "");
    FailureKind kind;
    if ("context_length_exceeded".equals(code)) kind = FailureKind.CONTEXT_LENGTH;
    else if ("rate_limit_exceeded".equals(code) || type.contains("rate_limit")) kind = FailureKind.RATE_LIMITED;
    else if (type.contains("invalid_request")) kind = FailureKind.INVALID_REQUEST;
    else kind = FailureKind.SERVER_ERROR;
    return failure(kind, "error event in stream: " + kind.wireName() + said(e), e.statusCode(),
        headersOf(e.headers()), code, e);
  }

  private LlmFailure fromIo(Exception e, Map<String, List<String>> headers) {
    // OkHttp reports both its read timeout (SocketTimeoutException) and its call timeout as InterruptedIOException.
    InterruptedIOException timeout = causeOf(e, InterruptedIOException.class);
    FailureKind kind = timeout != null ? FailureKind.TIMEOUT : FailureKind.NETWORK;
    Throwable io = timeout != null ? timeout : Optional.<Throwable>ofNullable(causeOf(e, IOException.class)).orElse(e);
    String detail = io.getClass().getSimpleName() + (io.getMessage() == null ? "" : ": " + io.getMessage());
    return failure(kind, (timeout != null ? "no answer in time (" : "connection failed (") + detail + ")", 0,
        headers, null, e);
  }

  /**
   * The SDK wraps every failure while reading a 200 body in this one exception: a parse error means the body
   * was not JSON (or was empty); an I/O error underneath means the connection broke or timed out mid-body.
   */
  private LlmFailure fromInvalidData(OpenAIInvalidDataException e, Map<String, List<String>> headers) {
    if (causeOf(e, JsonProcessingException.class) == null && causeOf(e, IOException.class) != null) {
      return fromIo(e, headers);
    }
    JsonProcessingException parse = causeOf(e, JsonProcessingException.class);
    String detail = parse != null ? parse.getOriginalMessage() : e.getMessage();
    return failure(FailureKind.MALFORMED_RESPONSE, "malformed answer (" + detail + ")", 200, headers, null, e);
  }

  /** ": " and the error body's message, or nothing if it has none. */
  private static String said(OpenAIServiceException e) {
    String message = lenient(() -> errorField(e, "message"), null);
    return message == null || message.isBlank() ? "" : ": " + message;
  }

  /** A field of the error object, read from the raw body (the SDK keeps the inner {@code error} object). */
  private static String errorField(OpenAIServiceException e, String name) {
    var raw = e.body().convert(JsonNode.class);
    if (raw == null) return null;
    var node = raw.has("error") ? raw.path("error").path(name) : raw.path(name);
    return node.isTextual() || node.isNumber() ? node.asText() : null;
  }

  /**
   * The error body's {@code code}. The SDK throws when it is not a string (Cloudflare's 502/504 bodies carry
   * the status as a number there), so a number is read from the raw body instead.
   */
  private static String codeOf(OpenAIServiceException e) {
    String code = lenient(() -> e.code().orElse(null), null);
    if (code != null) return code;
    return lenient(() -> errorField(e, "code"), null);
  }

  private static <T> T lenient(Supplier<T> read, T otherwise) {
    try {
      return read.get();
    } catch (RuntimeException e) {
      return otherwise;
    }
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
    Map<String, List<String>> kept = scrubbed(headers);
    String requestId = first(kept, "x-request-id");
    // scrubbed before it is cut: a key cut in half would no longer be recognised
    String text = truncate(secret.scrub(message)) + " from " + where;
    // A provider may echo the key in its error text; then the cause chain is dropped rather than leak it.
    Throwable keptCause = cause != null && secret.appearsIn(cause) ? null : cause;
    return new LlmFailure(kind, text, status, retryAfter, kept, requestId, code, keptCause);
  }

  /** The headers, any value that carries a secret masked (a provider may echo anything in a header). */
  private Map<String, List<String>> scrubbed(Map<String, List<String>> headers) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    headers.forEach((name, values) -> out.put(name, values.stream().map(secret::scrub).toList()));
    return out;
  }

  private static Map<String, List<String>> headersOr(Headers headers, Map<String, List<String>> fallback) {
    return headers == null || headers.isEmpty() ? fallback : headersOf(headers);
  }

  static Map<String, List<String>> headersOf(Headers headers) {
    if (headers == null) return Map.of();
    Map<String, List<String>> lower = new LinkedHashMap<>();
    for (String name : headers.names()) {
      lower.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
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
    return Causes.unwrap(t);
  }

  private static <T extends Throwable> T causeOf(Throwable t, Class<T> type) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (type.isInstance(c)) return type.cast(c);
    }
    return null;
  }

  private static String truncate(String s) {
    if (s == null) return "";
    String oneLine = s.replaceAll("\\s+", " ").trim();
    return oneLine.length() <= MAX_MESSAGE ? oneLine : oneLine.substring(0, MAX_MESSAGE) + "…";
  }
}
