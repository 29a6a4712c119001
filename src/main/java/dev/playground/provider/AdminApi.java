package dev.playground.provider;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.playground.faults.FaultPlanException;
import dev.playground.faults.FaultPlans;
import dev.playground.guard.Quote;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The admin API, for loopback clients only: {@code GET/PUT/DELETE /__admin/faults} and
 * {@code GET /__admin/requests[?limit=N]}. Errors have OpenAI's error shape. Thread-safe.
 */
final class AdminApi {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int MAX_PLAN = FaultPlans.MAX_PLAN_BYTES;

  private final SimulatedProvider provider;

  AdminApi(SimulatedProvider provider) {
    this.provider = provider;
  }

  /** Only the machine itself may change or read faults, even when the API is served to a network. */
  static boolean allowed(InetAddress client) {
    return client != null && client.isLoopbackAddress();
  }

  void handle(HttpExchange exchange) throws IOException {
    byte[] body = Exchanges.readBody(exchange, MAX_PLAN);
    if (!allowed(exchange.getRemoteAddress().getAddress())) {
      error(exchange, 403, "the admin API answers loopback clients only", null, "admin_loopback_only");
      return;
    }
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    switch (path) {
      case "/__admin/faults" -> {
        switch (method) {
          case "GET" -> plan(exchange);
          case "PUT", "POST" -> {
            try {
              provider.applyFaults(new String(body, StandardCharsets.UTF_8));
            } catch (FaultPlanException e) {
              error(exchange, 400, e.getMessage(), e.path().isEmpty() ? null : e.path(), "invalid_fault_plan");
              return;
            }
            plan(exchange);
          }
          case "DELETE" -> {
            provider.clearFaults();
            plan(exchange);
          }
          default -> notAllowed(exchange, "GET, PUT, DELETE");
        }
      }
      case "/__admin/requests" -> {
        if (method.equals("GET")) requests(exchange);
        else notAllowed(exchange, "GET");
      }
      default -> error(exchange, 404, "no admin endpoint " + Quote.plain(method + " " + path)
          + "; there are /__admin/faults and /__admin/requests", null, null);
    }
  }

  private void plan(HttpExchange exchange) throws IOException {
    Exchanges.sendJson(exchange, 200, Map.of(), FaultPlans.toPrettyJson(provider.faults()) + "\n");
  }

  private void requests(HttpExchange exchange) throws IOException {
    int limit = Integer.MAX_VALUE;
    String query = exchange.getRequestURI().getQuery();
    if (query != null) {
      for (String pair : query.split("&")) {
        if (!pair.startsWith("limit=")) continue;
        try {
          limit = Integer.parseInt(pair.substring(6));
        } catch (NumberFormatException e) {
          limit = -1;
        }
        if (limit < 0) {
          error(exchange, 400, "limit must be a whole number ≥ 0, was " + Quote.text(pair.substring(6)), "limit", null);
          return;
        }
      }
    }
    List<JournalEntry> entries = provider.journalRing().latest(limit);
    ObjectNode root = MAPPER.createObjectNode();
    root.put("total", provider.requestCount());
    root.put("kept", provider.journalRing().capacity());
    var array = root.putArray("requests");
    for (JournalEntry e : entries) {
      array.addObject()
          .put("n", e.n())
          .put("t_ms", e.tMs())
          .put("model", e.model())
          .put("fault", e.fault().wireName())
          .put("status", e.status())
          .put("stream", e.stream())
          .put("rule", e.rule())
          .put("forced", e.forced())
          .put("forwarded", e.forwarded())
          .put("request_id", e.requestId());
    }
    Exchanges.sendJson(exchange, 200, Map.of(), root.toPrettyString() + "\n");
  }

  private static void notAllowed(HttpExchange exchange, String allow) throws IOException {
    exchange.getResponseHeaders().set("Allow", allow);
    error(exchange, 405, exchange.getRequestMethod() + " is not allowed here; use " + allow, null, null);
  }

  private static void error(HttpExchange exchange, int status, String message, String param, String code)
      throws IOException {
    Exchanges.sendJson(exchange, status, Map.of(), Wire.error(message, "invalid_request_error", param, code));
  }
}
