package dev.playground.llm;

import dev.playground.common.WireName;
import dev.playground.common.WireNames;
import java.util.Optional;

/**
 * The one failure taxonomy: every SDK exception and every bad answer lands on exactly one of these.
 * Immutable. {@link #wireName()} is the {@code outcome} the run log writes.
 */
public enum FailureKind implements WireName {
  /** 429: the provider asks us to slow down, usually with Retry-After. */
  RATE_LIMITED("rate_limited", true),
  /** 5xx (500, 502, 503, 504, 529 …). */
  SERVER_ERROR("server_error", true),
  /** No answer within the per-attempt timeout. */
  TIMEOUT("timeout", true),
  /** Connection refused, reset, or closed mid-answer. */
  NETWORK("network", true),
  /** A 200 whose body is missing or is not the JSON the API promises. */
  MALFORMED_RESPONSE("malformed_response", true),
  /** 400 (and 422): the request itself is wrong; retrying cannot help. */
  INVALID_REQUEST("invalid_request", false),
  /** 400 with code context_length_exceeded: the prompt (or its context) is too long. */
  CONTEXT_LENGTH("context_length", false),
  /** 401: missing or wrong API key. */
  AUTH("auth", false),
  /** 403: the key may not use this model or endpoint. */
  PERMISSION("permission", false),
  /** 404: no such model or endpoint. */
  NOT_FOUND("not_found", false),
  /** A well-formed answer whose content is empty or blank. */
  EMPTY_ANSWER("empty_answer", false),
  /** finish_reason "length": the answer was cut at the token limit. */
  TRUNCATED("truncated", false),
  /** finish_reason "content_filter". */
  CONTENT_FILTERED("content_filtered", false),
  /** A streamed answer that ended without a final chunk or [DONE]. */
  STREAM_CUT("stream_cut", false),
  /** Anything the taxonomy does not know; kept with its message. */
  UNKNOWN("unknown", false);

  private final String wireName;
  private final boolean transientByNature;

  FailureKind(String wireName, boolean transientByNature) {
    this.wireName = wireName;
    this.transientByNature = transientByNature;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  /**
   * True for failures that may go away if the same request is sent again (the lesson's "retryable" column).
   * Bad answers (empty, truncated …) are not: retrying on them is a choice of the retry-on-result setting.
   */
  public boolean isTransient() {
    return transientByNature;
  }

  /** True for failures seen in a 200 answer's content rather than as an error. */
  public boolean isAnswerDefect() {
    return this == EMPTY_ANSWER || this == TRUNCATED || this == CONTENT_FILTERED || this == STREAM_CUT;
  }

  public static Optional<FailureKind> fromWireName(String name) {
    return WireNames.find(FailureKind.class, name);
  }
}
