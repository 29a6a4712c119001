package dev.playground.provider;

import dev.playground.faults.FaultDecision;
import dev.playground.faults.FaultKind;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The error answers of the HTTP-error fault kinds, as OpenAI (and the Cloudflare edge in front of it) sends
 * them, so that any OpenAI SDK maps each to its own exception. Stateless and thread-safe.
 */
final class FaultErrors {
  /** The prompt limit the context_length fault claims. */
  static final int CONTEXT_WINDOW = 128_000;

  private FaultErrors() {}

  /** An error answer: status, extra headers (besides content type and request id) and body. */
  record ErrorReply(int status, Map<String, String> headers, String body) {}

  static ErrorReply of(FaultDecision d, String model, int promptTokens, String requestId) {
    FaultKind kind = d.kind();
    String tag = " (simulated fault: " + kind.wireName() + ")";
    Map<String, String> headers = new LinkedHashMap<>();
    if (d.retryAfterS() != null) headers.put("retry-after", Long.toString(d.retryAfterS()));
    if (d.retryAfterMs() != null) headers.put("retry-after-ms", Long.toString(d.retryAfterMs()));
    if (d.shouldRetry() != null) headers.put("x-should-retry", Boolean.toString(d.shouldRetry()));
    String body = switch (kind) {
      case RATE_LIMIT -> {
        long waitS = d.retryAfterS() != null ? d.retryAfterS()
            : d.retryAfterMs() != null ? (d.retryAfterMs() + 999) / 1000 : 1;
        headers.put("x-ratelimit-limit-requests", "60");
        headers.put("x-ratelimit-remaining-requests", "0");
        headers.put("x-ratelimit-reset-requests", waitS + "s");
        yield Wire.error("Rate limit reached for " + model + " in organization org-playground on requests per min "
            + "(RPM): Limit 60, Used 60, Requested 1. Please try again in " + waitS + "s. Visit "
            + "https://platform.openai.com/account/rate-limits to learn more." + tag,
            "requests", null, "rate_limit_exceeded");
      }
      case SERVER_ERROR -> Wire.error(
          "The server had an error while processing your request. Sorry about that!" + tag, "server_error", null, null);
      case BAD_GATEWAY -> Wire.edgeError("Bad gateway." + tag, "cf_bad_gateway", d.status());
      case SERVICE_UNAVAILABLE -> Wire.error("That model is currently overloaded with other requests. You can retry "
          + "your request, or contact us through our help center at help.openai.com if the error persists. (Please "
          + "include the request ID " + requestId + " in your message.)" + tag, "server_error", null, null);
      case GATEWAY_TIMEOUT -> Wire.edgeError("Gateway timeout." + tag, "cf_gateway_timeout", d.status());
      case OVERLOADED -> Wire.error("Overloaded" + tag, "overloaded_error", null, null);
      case CONTEXT_LENGTH -> Wire.error("This model's maximum context length is " + CONTEXT_WINDOW + " tokens. "
          + "However, your messages resulted in " + (CONTEXT_WINDOW + Math.max(1, promptTokens)) + " tokens. "
          + "Please reduce the length of the messages." + tag, "invalid_request_error", "messages",
          "context_length_exceeded");
      case UNAUTHORIZED -> unauthorized(tag);
      case FORBIDDEN -> Wire.error("Country, region, or territory not supported" + tag, "request_forbidden", null,
          "unsupported_country_region_territory");
      case MODEL_NOT_FOUND -> Wire.error("The model `" + model + "` does not exist or you do not have access to it."
          + tag, "invalid_request_error", null, "model_not_found");
      case BAD_REQUEST -> Wire.error("Invalid request: the simulated provider was told to refuse it." + tag,
          "invalid_request_error", null, null);
      default -> throw new IllegalArgumentException(kind.wireName() + " is not an HTTP error kind");
    };
    return new ErrorReply(d.status(), headers, body);
  }

  /** 401 with code invalid_api_key. Unlike OpenAI's, the message never quotes the key. */
  static String unauthorized(String suffix) {
    return Wire.error("Incorrect API key provided. You can find your API key at "
        + "https://platform.openai.com/account/api-keys." + suffix, "invalid_request_error", null, "invalid_api_key");
  }

  /** OpenAI's answer to a path or method it does not serve. */
  static String invalidUrl(String method, String path) {
    return Wire.error("Invalid URL (" + method + " " + path + ")", "invalid_request_error", null, null);
  }

  static String invalidRequest(String message, String param, String code) {
    return Wire.error(message, "invalid_request_error", param, code);
  }
}
