package dev.playground.provider;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Map;

/**
 * Sends each request to its handler: chat completions, models, the admin API; with an upstream, any other
 * {@code /v1/} path is forwarded as it is. Anything else gets OpenAI's "Invalid URL" 404. Thread-safe.
 */
final class Router implements HttpHandler {
  private final ChatCompletions chat;
  private final AdminApi admin;
  private final ChaosProxy proxy;
  private final SimulatedProvider.Options options;

  Router(ChatCompletions chat, AdminApi admin, ChaosProxy proxy, SimulatedProvider.Options options) {
    this.chat = chat;
    this.admin = admin;
    this.proxy = proxy;
    this.options = options;
  }

  /** The most bytes a request forwarded by the chaos proxy may have. */
  static final int MAX_FORWARDED_BODY = 16 * 1024 * 1024;
  /** The most bytes the body of a request that needs none (GET /v1/models …) may have. */
  static final int MAX_UNUSED_BODY = 64 * 1024;

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      route(exchange);
    } catch (Exchanges.BodyTooLarge e) {
      String path = exchange.getRequestURI().getPath();
      String what = path.startsWith("/__admin") ? "the admin API" : path.equals("/v1/chat/completions")
          ? "a chat completion" : "this endpoint";
      Exchanges.tooLarge(exchange, e, chat.otherHeaders(), what);
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    if (path.equals("/__admin") || path.startsWith("/__admin/")) {
      admin.handle(exchange);
    } else if (path.equals("/v1/chat/completions") && method.equals("POST")) {
      chat.handle(exchange);
    } else if (proxy != null && path.startsWith("/v1/")) {
      Exchanges.prepare(exchange);
      byte[] body = Exchanges.readBody(exchange, MAX_FORWARDED_BODY);
      proxy.forward(exchange, body, Map.of(), status -> {});
    } else if (path.equals("/v1/models") && method.equals("GET")) {
      drain(exchange);
      Exchanges.sendJson(exchange, 200, chat.otherHeaders(), Wire.models(options.models(), created()));
    } else if (path.startsWith("/v1/models/") && method.equals("GET")) {
      drain(exchange);
      String id = path.substring("/v1/models/".length());
      Exchanges.sendJson(exchange, 200, chat.otherHeaders(), Wire.model(id, created()));
    } else {
      drain(exchange);
      Exchanges.sendJson(exchange, 404, chat.otherHeaders(), FaultErrors.invalidUrl(method, path));
    }
  }

  private long created() {
    return options.wallClock().instant().getEpochSecond();
  }

  private static void drain(HttpExchange exchange) throws IOException {
    Exchanges.discardBody(exchange, MAX_UNUSED_BODY);
  }
}
