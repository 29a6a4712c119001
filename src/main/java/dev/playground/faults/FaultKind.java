package dev.playground.faults;

import dev.playground.common.WireName;
import dev.playground.common.WireNames;
import java.util.Optional;

/**
 * What can go wrong with one request, by the names fault plans use. Immutable.
 *
 * <p>{@link #status()} is the HTTP status the simulated provider answers with, or 0 where the fault is not a
 * status (no answer, a reset, a broken body).
 */
public enum FaultKind implements WireName {
  OK("ok", 200, "a normal answer"),
  RATE_LIMIT("rate_limit", 429, "429 Too Many Requests with Retry-After"),
  SERVER_ERROR("server_error", 500, "500 Internal Server Error"),
  BAD_GATEWAY("bad_gateway", 502, "502 Bad Gateway"),
  SERVICE_UNAVAILABLE("service_unavailable", 503, "503 Service Unavailable"),
  GATEWAY_TIMEOUT("gateway_timeout", 504, "504 Gateway Timeout"),
  OVERLOADED("overloaded", 529, "529 Overloaded"),
  TIMEOUT("timeout", 0, "no answer until the client gives up"),
  SLOW("slow", 200, "a normal answer after the rule's latency"),
  SLOW_FIRST_TOKEN("slow_first_token", 200, "streaming: the first chunk after the rule's latency"),
  RESET("reset", 0, "the connection is closed without an answer"),
  EMPTY_BODY("empty_body", 200, "200 with no body"),
  MALFORMED_JSON("malformed_json", 200, "200 with a body that is not JSON"),
  STREAM_CUT("stream_cut", 200, "the answer stops midway: no final chunk, no [DONE]"),
  EMPTY_CONTENT("empty_content", 200, "200 with content \"\""),
  LENGTH("length", 200, "finish_reason \"length\": the answer is cut"),
  CONTENT_FILTER("content_filter", 200, "finish_reason \"content_filter\""),
  CONTEXT_LENGTH("context_length", 400, "400 context_length_exceeded"),
  UNAUTHORIZED("unauthorized", 401, "401 invalid_api_key"),
  FORBIDDEN("forbidden", 403, "403 Forbidden"),
  MODEL_NOT_FOUND("model_not_found", 404, "404 model_not_found"),
  BAD_REQUEST("bad_request", 400, "400 Bad Request");

  private final String wireName;
  private final int status;
  private final String description;

  FaultKind(String wireName, int status, String description) {
    this.wireName = wireName;
    this.status = status;
    this.description = description;
  }

  /** The name used in fault plans, the {@code X-Playground-Fault} header and the run log. */
  @Override
  public String wireName() {
    return wireName;
  }

  /** The default HTTP status of the answer, or 0 if there is none. */
  public int status() {
    return status;
  }

  /** One line for tooltips and the fault-kind table (docs/reference/fault-plans.md). */
  public String description() {
    return description;
  }

  /** True if the client gets an HTTP error status (4xx or 5xx). */
  public boolean isErrorStatus() {
    return status >= 400;
  }

  public static Optional<FaultKind> fromWireName(String name) {
    return WireNames.find(FaultKind.class, name);
  }

  /** The wire names, in declaration order, for messages that list what is allowed. */
  public static String allowedNames() {
    return WireNames.allowed(FaultKind.class);
  }
}
