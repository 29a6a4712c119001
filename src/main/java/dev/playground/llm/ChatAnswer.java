package dev.playground.llm;

import java.util.Optional;

/**
 * A well-formed answer, which may still be a bad one (empty, cut, filtered). Immutable.
 *
 * @param model the model that answered, as the provider named it
 * @param finishReason "stop", "length", "content_filter" … or null when a stream ended without one
 * @param latencyMs from sending the request to the last byte, on the run clock
 */
public record ChatAnswer(
    String content,
    String model,
    String finishReason,
    int promptTokens,
    int completionTokens,
    String requestId,
    boolean streamed,
    double latencyMs) {

  /** What is wrong with this answer, if anything: empty, truncated, filtered, or a cut stream. */
  public Optional<FailureKind> defect() {
    if (streamed && finishReason == null) return Optional.of(FailureKind.STREAM_CUT);
    if ("length".equals(finishReason)) return Optional.of(FailureKind.TRUNCATED);
    if ("content_filter".equals(finishReason)) return Optional.of(FailureKind.CONTENT_FILTERED);
    if (content == null || content.isBlank()) return Optional.of(FailureKind.EMPTY_ANSWER);
    return Optional.empty();
  }
}
