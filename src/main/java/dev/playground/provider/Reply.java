package dev.playground.provider;

import com.sun.net.httpserver.HttpExchange;
import dev.playground.faults.FaultDecision;
import dev.playground.faults.FaultKind;
import dev.playground.faults.SimulatedAnswer;
import dev.playground.faults.SimulatedAnswers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One chat request's answer, as its fault decision says: when (delays are timer tasks, never a waiting
 * thread) and what (a normal or broken answer, an error, a stream, a held or closed connection, or the
 * upstream's answer). Confined to one thread at a time.
 */
final class Reply {
  /** An answer step that may fail on I/O (the client may be gone). */
  private interface Step {
    void run() throws IOException;
  }

  private final SimulatedProvider provider;
  private final ChaosProxy proxy;
  private final HttpExchange exchange;
  private final ChatCall call;
  private final byte[] body;
  private final FaultDecision d;
  private final ChatCompletions.Request request;
  private final Wire.Ids ids;
  private final boolean forced;
  private final Thread handlerThread = Thread.currentThread();
  private volatile boolean inStart; // inside start(), on the JDK handler's own thread

  Reply(SimulatedProvider provider, ChaosProxy proxy, HttpExchange exchange, ChatCall call, byte[] body,
      FaultDecision d, ChatCompletions.Request request, Wire.Ids ids, boolean forced) {
    this.provider = provider;
    this.proxy = proxy;
    this.exchange = exchange;
    this.call = call;
    this.body = body;
    this.d = d;
    this.request = request;
    this.ids = ids;
    this.forced = forced;
  }

  /** Runs on the handler thread; anything delayed goes to the provider's timer. */
  void start() throws IOException {
    inStart = true;
    try {
      decideWhen();
    } finally {
      inStart = false;
    }
  }

  private void decideWhen() throws IOException {
    FaultKind kind = d.kind();
    if (proxy != null && passesThrough(kind)) {
      at(d.latencyMs(), this::forward);
      return;
    }
    journal(d.status());
    switch (kind) {
      case TIMEOUT -> at(d.holdMs(), this::abort);
      case RESET -> at(d.latencyMs(), this::abort);
      case SLOW_FIRST_TOKEN -> {
        if (call.stream()) at(d.baseLatencyMs(), () -> {
          startStream();
          at(d.extraLatencyMs(), () -> stream(events(simulated(), "stop"), true));
        });
        else at(d.latencyMs(), this::respond);
      }
      default -> at(d.latencyMs(), this::respond);
    }
  }

  /** The kinds a chaos proxy forwards (after their delay); it answers every other kind itself. */
  static boolean passesThrough(FaultKind kind) {
    return kind == FaultKind.OK || kind == FaultKind.SLOW || kind == FaultKind.SLOW_FIRST_TOKEN;
  }

  private void respond() throws IOException {
    SimulatedAnswer full = simulated();
    int pieces = full.pieces().size();
    switch (d.kind()) {
      case OK, SLOW, SLOW_FIRST_TOKEN -> normal(full, "stop");
      case EMPTY_CONTENT -> normal(full.firstPieces(0), "stop");
      case LENGTH -> normal(full.firstPieces(pieces / 2), "length");
      case CONTENT_FILTER -> normal(full.firstPieces(pieces / 3), "content_filter");
      case EMPTY_BODY -> Exchanges.send(exchange, 200, contentType(), headers(), new byte[0]);
      case MALFORMED_JSON -> malformed(full);
      case STREAM_CUT -> cut(full);
      default -> {
        var error = FaultErrors.of(d, call.model(), call.promptTokens(), request.requestId());
        Map<String, String> h = headers();
        h.putAll(error.headers());
        Exchanges.sendJson(exchange, error.status(), h, error.body());
      }
    }
  }

  private void normal(SimulatedAnswer answer, String finishReason) throws IOException {
    if (call.maxTokens() > 0 && answer.completionTokens() > call.maxTokens()) {
      answer = answer.firstPieces(call.maxTokens());
      finishReason = "length";
    }
    if (call.stream()) {
      startStream();
      stream(events(answer, finishReason), true);
    } else {
      Exchanges.sendJson(exchange, 200, headers(), Wire.completion(ids, answer, finishReason));
    }
  }

  /** Plain: a complete-length body that is not JSON. Stream: one chunk that is not JSON, then [DONE]. */
  private void malformed(SimulatedAnswer answer) throws IOException {
    if (call.stream()) {
      List<String> events = new ArrayList<>(events(answer, "stop"));
      String broken = events.get(1);
      events.set(1, broken.substring(0, broken.length() / 2) + "<!-- upstream error -->");
      startStream();
      stream(events, true);
    } else {
      String json = Wire.completion(ids, answer, "stop");
      Exchanges.sendJson(exchange, 200, headers(), json.replaceFirst("\"choices\":", "\"choices\"="));
    }
  }

  /**
   * Stream: the role chunk and half the content, then the stream ends (cleanly at the HTTP level) without a
   * finish_reason chunk and without [DONE]. Plain: the body is announced at full length, half of it is sent,
   * and the connection is closed, as when a connection dies mid-answer.
   */
  private void cut(SimulatedAnswer answer) throws IOException {
    if (call.stream()) {
      List<String> events = events(answer, "stop");
      startStream();
      stream(events.subList(0, 1 + answer.pieces().size() / 2), false);
      return;
    }
    byte[] json = Wire.utf8(Wire.completion(ids, answer, "stop"));
    var h = exchange.getResponseHeaders();
    h.set("Content-Type", Exchanges.JSON);
    headers().forEach(h::set);
    exchange.sendResponseHeaders(200, json.length);
    OutputStream out = exchange.getResponseBody();
    out.write(json, 0, json.length / 2);
    out.flush();
    abort();
  }

  private void startStream() throws IOException {
    var h = exchange.getResponseHeaders();
    h.set("Content-Type", Exchanges.EVENT_STREAM);
    h.set("Cache-Control", "no-cache");
    headers().forEach(h::set);
    exchange.sendResponseHeaders(200, 0);
  }

  /** Writes the events (then [DONE] if {@code done}) and ends the body; paced if the provider says so. */
  private void stream(List<String> events, boolean done) throws IOException {
    long pace = provider.options().streamChunkDelayMs();
    OutputStream out = exchange.getResponseBody();
    if (pace == 0) {
      var all = new ByteArrayOutputStream(events.size() * 256);
      for (String e : events) all.writeBytes(Wire.utf8(Wire.sse(e)));
      if (done) all.writeBytes(Wire.utf8(Wire.DONE));
      all.writeTo(out);
      exchange.close();
      return;
    }
    paced(events, 0, done, pace);
  }

  private void paced(List<String> events, int i, boolean done, long pace) throws IOException {
    OutputStream out = exchange.getResponseBody();
    if (i == events.size()) {
      if (done) out.write(Wire.utf8(Wire.DONE));
      exchange.close();
      return;
    }
    out.write(Wire.utf8(Wire.sse(events.get(i))));
    out.flush();
    at(pace, () -> paced(events, i + 1, done, pace));
  }

  private void forward() {
    proxy.forward(exchange, body, headers(), status -> journal(status));
  }

  /** On the handler thread the JDK closes and forgets the connection itself; elsewhere we close it. */
  private void abort() {
    if (inStart && Thread.currentThread() == handlerThread) throw new Exchanges.AbortConnection();
    Exchanges.abort(exchange);
  }

  /** Runs {@code step} now on this thread, or after {@code delayMs} on a worker (the timer only dispatches). */
  private void at(long delayMs, Step step) throws IOException {
    if (delayMs <= 0) {
      step.run();
      return;
    }
    provider.timer().schedule(() -> provider.workers().execute(() -> later(step)), delayMs, TimeUnit.MILLISECONDS);
  }

  private void later(Step step) {
    try {
      step.run();
    } catch (IOException | RuntimeException e) {
      Exchanges.abort(exchange); // the client is gone, or the answer could not be written
    }
  }

  private SimulatedAnswer simulated() {
    return SimulatedAnswers.answer(call.model(), call.prompt()).withPromptTokens(call.promptTokens());
  }

  private List<String> events(SimulatedAnswer answer, String finishReason) {
    return Wire.chunks(ids, answer, finishReason, call.includeUsage());
  }

  private String contentType() {
    return call.stream() ? Exchanges.EVENT_STREAM : Exchanges.JSON;
  }

  private Map<String, String> headers() {
    return request.headers(d);
  }

  private void journal(int status) {
    request.journal(provider.journalRing(), call.model(), d.kind(), status, call.stream(), d.rule(), forced,
        proxy != null && passesThrough(d.kind()));
  }
}
