package dev.playground.ui.policies;

import dev.playground.llm.FailureKind;

/** One line per failure kind for tooltips, in the words of the policy documentation. Stateless. */
final class KindHelp {
  private KindHelp() {}

  static String of(FailureKind kind) {
    return switch (kind) {
      case RATE_LIMITED -> "429: the provider asks us to slow down, usually with Retry-After";
      case SERVER_ERROR -> "5xx: 500, 502, 503, 504, 529 …";
      case TIMEOUT -> "no answer within the per-attempt timeout";
      case NETWORK -> "connection refused, reset, or closed mid-answer";
      case MALFORMED_RESPONSE -> "a 200 whose body is missing or is not the API's JSON";
      case INVALID_REQUEST -> "400 (and 422): the request itself is wrong; retrying cannot help";
      case CONTEXT_LENGTH -> "400 context_length_exceeded: the prompt (or its context) is too long";
      case AUTH -> "401: missing or wrong API key";
      case PERMISSION -> "403: the key may not use this model or endpoint";
      case NOT_FOUND -> "404: no such model or endpoint";
      case UNKNOWN -> "anything the taxonomy does not know";
      case EMPTY_ANSWER -> "an answer defect: a well-formed answer whose content is empty";
      case TRUNCATED -> "an answer defect: finish_reason \"length\", the answer was cut";
      case CONTENT_FILTERED -> "an answer defect: finish_reason \"content_filter\"";
      case STREAM_CUT -> "an answer defect: a streamed answer that ended without its final chunk or [DONE]";
    };
  }
}
