package dev.playground.llm;

import dev.playground.faults.FaultDecision;
import dev.playground.faults.FaultKind;
import dev.playground.faults.SimulatedAnswer;
import dev.playground.faults.SimulatedAnswers;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the openai-java adapter would report for one fault decision against the simulated HTTP provider, and
 * when: the same answer pieces, finish reasons, statuses, headers, error codes and retry-after, computed
 * without HTTP. Stateless and thread-safe.
 */
final class SimulatedOutcome {
  private SimulatedOutcome() {}

  /** Either an answer or a failure, due {@code afterNanos} after the request was sent. */
  record Result(long afterNanos, ChatAnswer answer, LlmFailure failure) {
    static Result answer(long afterNanos, ChatAnswer answer) {
      return new Result(afterNanos, answer, null);
    }

    static Result failure(long afterNanos, LlmFailure failure) {
      return new Result(afterNanos, null, failure);
    }
  }

  /** The provider's fake answer for one prompt, with its whole text joined once. */
  record Fake(SimulatedAnswer answer, String content) {
    static Fake of(SimulatedAnswer answer) {
      return new Fake(answer, answer.content());
    }
  }

  /** @param answers the fake answer for a prompt ({@link SimulatedAnswers#answer}, possibly cached) */
  static Result of(FaultDecision d, ChatRequest request, String provider, String model, String requestId,
      Function<String, Fake> answers) {
    long timeoutNanos = request.timeout().toNanos();
    long latencyNanos = millisToNanos(d.latencyMs());
    FaultKind kind = d.kind();
    if (kind == FaultKind.TIMEOUT) {
      // The server holds the connection, then closes it: if the client gives up first it is a timeout.
      long holdNanos = millisToNanos(d.holdMs());
      if (holdNanos > timeoutNanos) return timeout(timeoutNanos, provider, model);
      return Result.failure(holdNanos, network("the connection was closed without an answer", provider, model, null));
    }
    if (latencyNanos > timeoutNanos) return timeout(timeoutNanos, provider, model);
    return atLatency(d, request, provider, model, requestId, latencyNanos, answers);
  }

  private static Result timeout(long timeoutNanos, String provider, String model) {
    var failure = new LlmFailure(FailureKind.TIMEOUT, "no answer in time (the simulated provider held the call) from "
        + provider + "/" + model, 0, null, Map.of(), null, null, null);
    return Result.failure(timeoutNanos, failure);
  }

  private static Result atLatency(FaultDecision d, ChatRequest request, String provider, String model,
      String requestId, long latencyNanos, Function<String, Fake> answers) {
    double ms = latencyNanos / 1_000_000d;
    long at = latencyNanos;
    boolean stream = request.stream();
    return switch (d.kind()) {
      case OK, SLOW, SLOW_FIRST_TOKEN ->
          Result.answer(at, whole(answers.apply(request.prompt()), request, requestId, ms));
      case EMPTY_CONTENT ->
          Result.answer(at, answer(fake(request, answers).firstPieces(0), "stop", requestId, stream, ms));
      case LENGTH -> Result.answer(at, answer(part(fake(request, answers), 2), "length", requestId, stream, ms));
      case CONTENT_FILTER ->
          Result.answer(at, answer(part(fake(request, answers), 3), "content_filter", requestId, stream, ms));
      // A cut stream is an answer without its end; a plain answer cut mid-body is a broken connection.
      case STREAM_CUT -> stream
          ? Result.answer(at, cutStream(part(fake(request, answers), 2), requestId, ms))
          : Result.failure(at, network("the connection closed mid-answer", provider, model, requestId));
      case EMPTY_BODY -> Result.failure(at, malformed("the answer's body was empty", requestId, provider, model));
      case MALFORMED_JSON -> Result.failure(at, malformed("the answer was not JSON", requestId, provider, model));
      case RESET -> Result.failure(at, network("the connection was reset", provider, model, null));
      case TIMEOUT -> throw new IllegalStateException("timeout is decided before the latency");
      case RATE_LIMIT, SERVER_ERROR, BAD_GATEWAY, SERVICE_UNAVAILABLE, GATEWAY_TIMEOUT, OVERLOADED, CONTEXT_LENGTH,
          UNAUTHORIZED, FORBIDDEN, MODEL_NOT_FOUND, BAD_REQUEST ->
          Result.failure(at, errorStatus(d, requestId, provider, model));
    };
  }

  /** The provider's fake answer, built only for the kinds that answer (it is the costly part). */
  private static SimulatedAnswer fake(ChatRequest request, Function<String, Fake> answers) {
    return answers.apply(request.prompt()).answer().withPromptTokens(promptTokens(request));
  }

  /** The first 1/{@code divisor} of the pieces, as the provider cuts them. */
  private static SimulatedAnswer part(SimulatedAnswer full, int divisor) {
    return full.firstPieces(full.pieces().size() / divisor);
  }

  /** The whole answer, finished normally: the common case, so its text is not joined again. */
  private static ChatAnswer whole(Fake fake, ChatRequest request, String requestId, double latencyMs) {
    SimulatedAnswer a = fake.answer();
    return new ChatAnswer(fake.content(), a.model(), "stop", promptTokens(request), a.completionTokens(), requestId,
        request.stream(), latencyMs);
  }

  private static ChatAnswer answer(SimulatedAnswer a, String finishReason, String requestId, boolean stream,
      double latencyMs) {
    return new ChatAnswer(a.content(), a.model(), finishReason, a.promptTokens(), a.completionTokens(), requestId,
        stream, latencyMs);
  }

  /** A stream cut before its finish_reason chunk never reaches the usage chunk either. */
  private static ChatAnswer cutStream(SimulatedAnswer a, String requestId, double latencyMs) {
    return new ChatAnswer(a.content(), a.model(), null, 0, 0, requestId, true, latencyMs);
  }

  private static LlmFailure malformed(String what, String requestId, String provider, String model) {
    Map<String, List<String>> headers = Map.of("x-request-id", List.of(requestId));
    return new LlmFailure(FailureKind.MALFORMED_RESPONSE, "malformed answer: " + what + " from " + provider + "/"
        + model, 200, null, headers, requestId, null, null);
  }

  /** @param requestId the answer's id when its headers arrived before the connection broke, else null */
  private static LlmFailure network(String what, String provider, String model, String requestId) {
    Map<String, List<String>> headers = requestId == null ? Map.of() : Map.of("x-request-id", List.of(requestId));
    return new LlmFailure(FailureKind.NETWORK, "connection failed (" + what + ") from " + provider + "/" + model, 0,
        null, headers, requestId, null, null);
  }

  private static LlmFailure errorStatus(FaultDecision d, String requestId, String provider, String model) {
    int status = d.status();
    String code = errorCode(d);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("x-request-id", List.of(requestId));
    headers.put("x-playground-fault", List.of(d.kind().wireName()));
    Duration retryAfter = null;
    if (d.retryAfterS() != null) {
      headers.put("retry-after", List.of(Long.toString(d.retryAfterS())));
      retryAfter = Duration.ofSeconds(d.retryAfterS());
    }
    if (d.retryAfterMs() != null) {
      headers.put("retry-after-ms", List.of(Long.toString(d.retryAfterMs())));
      retryAfter = Duration.ofMillis(d.retryAfterMs()); // retry-after-ms wins, as in RetryAfter
    }
    if (d.shouldRetry() != null) headers.put("x-should-retry", List.of(Boolean.toString(d.shouldRetry())));
    FailureKind kind = SdkFailures.kindOfStatus(status, code);
    String message = status + " " + kind.wireName() + " (simulated fault: " + d.kind().wireName() + ") from "
        + provider + "/" + model;
    return new LlmFailure(kind, message, status, retryAfter, headers, requestId, code, null);
  }

  /**
   * The {@code code} of the error body the simulated provider sends for each HTTP error kind; the edge's
   * 502 and 504 bodies carry their status there, as a number.
   */
  static String errorCode(FaultDecision d) {
    return switch (d.kind()) {
      case BAD_GATEWAY, GATEWAY_TIMEOUT -> Integer.toString(d.status());
      case RATE_LIMIT -> "rate_limit_exceeded";
      case CONTEXT_LENGTH -> "context_length_exceeded";
      case UNAUTHORIZED -> "invalid_api_key";
      case FORBIDDEN -> "unsupported_country_region_territory";
      case MODEL_NOT_FOUND -> "model_not_found";
      default -> null;
    };
  }

  /** As the provider counts them: three tokens a message plus one per four characters. */
  static int promptTokens(ChatRequest request) {
    int tokens = 3 + SimulatedAnswers.tokens(request.prompt());
    if (request.hasContext()) tokens += 3 + SimulatedAnswers.tokens(request.context());
    return tokens;
  }

  private static long millisToNanos(long ms) {
    return Duration.ofMillis(ms).toNanos();
  }
}
