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

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    if (path.equals("/__admin") || path.startsWith("/__admin/")) {
      admin.handle(exchange);
    } else if (path.equals("/v1/chat/completions") && method.equals("POST")) {
      chat.handle(exchange);
    } else if (proxy != null && path.startsWith("/v1/")) {
      Exchanges.prepare(exchange);
      byte[] body = Exchanges.readBody(exchange, 16 * 1024 * 1024);
      proxy.forward(exchange, body, Map.of(), status -> {});
    } else if (path.equals("/v1/models") && method.equals("GET")) {
      drain(exchange);
      Exchanges.sendJson(exchange, 200, Map.of(), Wire.models(options.models(), created()));
    } else if (path.startsWith("/v1/models/") && method.equals("GET")) {
      drain(exchange);
      String id = path.substring("/v1/models/".length());
      Exchanges.sendJson(exchange, 200, Map.of(), Wire.model(id, created()));
    } else {
      drain(exchange);
      Exchanges.sendJson(exchange, 404, Map.of(), FaultErrors.invalidUrl(method, path));
    }
  }

  private long created() {
    return options.wallClock().instant().getEpochSecond();
  }

  private static void drain(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
  }
}
