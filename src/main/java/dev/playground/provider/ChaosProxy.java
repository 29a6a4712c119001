package dev.playground.provider;

import com.sun.net.httpserver.HttpExchange;
import dev.playground.common.Causes;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Flow;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Forwards requests to a real OpenAI-compatible upstream with the key from the environment, and passes the
 * answer back as its bytes arrive (streams included). Thread-safe. The key is put on the upstream request
 * only: it is never logged, journaled or put in a message.
 */
final class ChaosProxy implements AutoCloseable {
  // Hop-by-hop headers, what the JDK client sets itself, and what must not reach the upstream.
  private static final Set<String> NOT_FORWARDED = Set.of(
      "authorization", "host", "connection", "content-length", "expect", "upgrade", "date", "from", "via", "warning",
      "transfer-encoding", "keep-alive", "te", "trailer", "proxy-authorization", "proxy-connection",
      "accept-encoding", "http2-settings", "x-playground-fault");
  private static final Set<String> NOT_RETURNED = Set.of(
      "connection", "content-length", "transfer-encoding", "keep-alive", "date", "server", "x-request-id");

  private final String upstream;
  private final Supplier<String> apiKey;
  private final HttpClient client;

  ChaosProxy(URI upstream, Supplier<String> apiKey, ExecutorService executor) {
    String base = upstream.toString();
    this.upstream = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.apiKey = apiKey;
    this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).executor(executor)
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** The upstream URL for a request to {@code /v1/...} here. */
  URI target(HttpExchange exchange) {
    String path = exchange.getRequestURI().getRawPath();
    String rest = path.startsWith("/v1") ? path.substring(3) : path;
    String query = exchange.getRequestURI().getRawQuery();
    return URI.create(upstream + rest + (query == null ? "" : "?" + query));
  }

  /**
   * Sends the request upstream and its answer back; {@code ourHeaders} (request id, fault) go on the answer,
   * and the upstream's own request id comes back as {@code x-upstream-request-id}. {@code onStatus} hears the
   * status the client got: the upstream's, or 502 if it could not be reached. Never blocks.
   */
  void forward(HttpExchange exchange, byte[] body, Map<String, String> ourHeaders, IntConsumer onStatus) {
    HttpRequest request;
    String key = apiKey.get();
    try {
      URI target = target(exchange);
      var builder = HttpRequest.newBuilder(target)
          .method(exchange.getRequestMethod(), body.length == 0
              ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
      if ("http".equalsIgnoreCase(target.getScheme())) builder.version(HttpClient.Version.HTTP_1_1);
      exchange.getRequestHeaders().forEach((name, values) -> {
        if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) values.forEach(v -> builder.header(name, v));
      });
      if (key != null && !key.isBlank()) builder.header("Authorization", "Bearer " + key.strip());
      else {
        String own = exchange.getRequestHeaders().getFirst("Authorization");
        if (own != null) builder.header("Authorization", own); // no key of ours: the client's own goes through
      }
      request = builder.build();
    } catch (RuntimeException e) {
      fail(exchange, ourHeaders, onStatus, "the request cannot be forwarded: " + redact(e.getMessage(), key));
      return;
    }
    var passOn = new PassOn(exchange, ourHeaders, onStatus);
    client.sendAsync(request, passOn).whenComplete((response, error) -> {
      if (error != null) passOn.failed(error, key);
    });
  }

  private static void fail(HttpExchange exchange, Map<String, String> ourHeaders, IntConsumer onStatus,
      String message) {
    onStatus.accept(502);
    try {
      Exchanges.sendJson(exchange, 502, ourHeaders,
          Wire.error(message, "upstream_error", null, "upstream_unreachable"));
    } catch (IOException | RuntimeException e) {
      Exchanges.abort(exchange);
    }
  }

  /** Keys never travel in messages, even if an exception quoted a header. */
  static String redact(String message, String key) {
    if (message == null) return "no detail";
    return key == null || key.isBlank() ? message : message.replace(key.strip(), "[redacted]");
  }

  @Override
  public void close() {
    // JDK 17's HttpClient has no close(); its threads are the provider's workers, which stop with it.
  }

  /** Sends the upstream's status and headers, then copies each piece of the body as it arrives. */
  private static final class PassOn implements HttpResponse.BodyHandler<Void> {
    private final HttpExchange exchange;
    private final Map<String, String> ourHeaders;
    private final IntConsumer onStatus;
    private volatile boolean headersSent;

    PassOn(HttpExchange exchange, Map<String, String> ourHeaders, IntConsumer onStatus) {
      this.exchange = exchange;
      this.ourHeaders = ourHeaders;
      this.onStatus = onStatus;
    }

    @Override
    public HttpResponse.BodySubscriber<Void> apply(HttpResponse.ResponseInfo info) {
      var h = exchange.getResponseHeaders();
      info.headers().map().forEach((name, values) -> {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("x-request-id")) h.put("x-upstream-request-id", values);
        else if (!NOT_RETURNED.contains(lower) && !lower.startsWith(":")) h.put(name, values);
      });
      ourHeaders.forEach(h::set);
      long length = info.headers().firstValueAsLong("content-length").orElse(-2);
      onStatus.accept(info.statusCode());
      try {
        exchange.sendResponseHeaders(info.statusCode(), length == -2 ? 0 : length == 0 ? -1 : length);
        headersSent = true;
      } catch (IOException e) {
        Exchanges.abort(exchange);
        return HttpResponse.BodySubscribers.discarding();
      }
      return new Copy(exchange);
    }

    void failed(Throwable error, String key) {
      if (headersSent) {
        Exchanges.abort(exchange); // the upstream broke off mid-answer: so do we
        return;
      }
      Throwable cause = Causes.unwrap(error);
      fail(exchange, ourHeaders, onStatus, "upstream unreachable: " + cause.getClass().getSimpleName() + ": "
          + redact(cause.getMessage(), key));
    }
  }

  /** Writes each received piece to the client at once, asking for the next only when it is written. */
  private static final class Copy implements HttpResponse.BodySubscriber<Void> {
    private final HttpExchange exchange;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private Flow.Subscription subscription;

    Copy(HttpExchange exchange) {
      this.exchange = exchange;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      try {
        OutputStream out = exchange.getResponseBody();
        for (ByteBuffer b : buffers) {
          byte[] bytes = new byte[b.remaining()];
          b.get(bytes);
          out.write(bytes);
        }
        out.flush();
        subscription.request(1);
      } catch (IOException e) {
        subscription.cancel(); // the client went away
        Exchanges.abort(exchange);
        done.complete(null);
      }
    }

    @Override
    public void onError(Throwable error) {
      Exchanges.abort(exchange);
      done.complete(null);
    }

    @Override
    public void onComplete() {
      exchange.close();
      done.complete(null);
    }

    @Override
    public CompletionStage<Void> getBody() {
      return done;
    }
  }
}
