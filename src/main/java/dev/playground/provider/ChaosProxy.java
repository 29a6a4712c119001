package dev.playground.provider;

import com.sun.net.httpserver.HttpExchange;
import dev.playground.guard.Secrets;
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
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Flow;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Forwards requests to a real OpenAI-compatible upstream with the key from the environment, and passes the
 * answer back as its bytes arrive (streams included). Thread-safe. The key is put on the upstream request
 * only: it is never logged, journaled or put in a message, and an upstream that echoes it (some error pages
 * quote the {@code Authorization} header) has it masked on the way back.
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
    Secrets.register(key); // the app's logs and window mask it too
    String sent = key != null && !key.isBlank() ? key.strip() : bearer(exchange);
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
    var passOn = new PassOn(exchange, ourHeaders, onStatus, sent);
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
    String masked = Secrets.redact(message);
    return key == null || key.isBlank() ? masked : masked.replace(key.strip(), Secrets.MASK);
  }

  /** The client's own bearer token, which goes upstream when there is no key of ours; null if none. */
  private static String bearer(HttpExchange exchange) {
    String own = exchange.getRequestHeaders().getFirst("Authorization");
    if (own == null) return null;
    String token = own.regionMatches(true, 0, "Bearer ", 0, 7) ? own.substring(7).strip() : own.strip();
    return token.length() >= Secrets.MIN_SECRET_LENGTH ? token : null;
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
    private final String sentKey;
    private volatile boolean headersSent;

    PassOn(HttpExchange exchange, Map<String, String> ourHeaders, IntConsumer onStatus, String sentKey) {
      this.exchange = exchange;
      this.ourHeaders = ourHeaders;
      this.onStatus = onStatus;
      this.sentKey = sentKey;
    }

    @Override
    public HttpResponse.BodySubscriber<Void> apply(HttpResponse.ResponseInfo info) {
      var h = exchange.getResponseHeaders();
      info.headers().map().forEach((name, given) -> {
        String lower = name.toLowerCase(Locale.ROOT);
        List<String> values = sentKey == null ? given
            : given.stream().map(v -> v.replace(sentKey, "*".repeat(sentKey.length()))).toList();
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
      return new Copy(exchange, sentKey == null ? null : new KeyMask(sentKey));
    }

    void failed(Throwable error, String key) {
      if (headersSent) {
        Exchanges.abort(exchange); // the upstream broke off mid-answer: so do we
        return;
      }
      Throwable cause = error.getCause() != null && error instanceof CompletionException
          ? error.getCause() : error;
      fail(exchange, ourHeaders, onStatus, "upstream unreachable: " + cause.getClass().getSimpleName() + ": "
          + redact(cause.getMessage(), key));
    }
  }

  /** Writes each received piece to the client at once, asking for the next only when it is written. */
  private static final class Copy implements HttpResponse.BodySubscriber<Void> {
    private final HttpExchange exchange;
    private final KeyMask mask; // null: no key went upstream
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private Flow.Subscription subscription;

    Copy(HttpExchange exchange, KeyMask mask) {
      this.exchange = exchange;
      this.mask = mask;
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
          out.write(mask == null ? bytes : mask.next(bytes));
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
      if (mask != null) {
        try {
          exchange.getResponseBody().write(mask.finish());
        } catch (IOException e) {
          Exchanges.abort(exchange);
          done.complete(null);
          return;
        }
      }
      exchange.close();
      done.complete(null);
    }

    @Override
    public CompletionStage<Void> getBody() {
      return done;
    }
  }
}
