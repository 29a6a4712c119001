package dev.playground.provider;

import com.sun.net.httpserver.HttpExchange;
import dev.playground.guard.BoundedRead;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * Low-level answers on the JDK server: whole bodies, and connections closed on purpose without (or in the
 * middle of) an answer. Stateless and thread-safe; an exchange is used by one thread at a time.
 */
final class Exchanges {
  static final String JSON = "application/json";
  static final String EVENT_STREAM = "text/event-stream; charset=utf-8";

  private Exchanges() {}

  /**
   * Thrown out of a handler to close the connection at once: the JDK server closes it and forgets it
   * cleanly. Only valid on the handler's own thread.
   */
  static final class AbortConnection extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AbortConnection() {
      super("connection closed on purpose", null, false, false);
    }
  }

  /**
   * Wraps the response body so that a later {@link #abort} can close the connection from any thread even
   * after headers went out: the JDK closes the connection when closing the body fails. Call before anything
   * is written.
   */
  static void prepare(HttpExchange exchange) {
    exchange.setStreams(null, new Cuttable(exchange.getResponseBody()));
  }

  /**
   * Closes the connection without finishing the answer. Off the handler thread the JDK keeps a reference to
   * the closed connection until its response timer drops it (see {@link SimulatedProvider}).
   */
  static void abort(HttpExchange exchange) {
    if (exchange.getResponseBody() instanceof Cuttable c) c.cut = true;
    exchange.close();
  }

  /** A body past its handler's limit is still read (and dropped) up to this, so the client reads our 413. */
  static final long DRAIN_LIMIT = 64L * 1024 * 1024;

  /** A request body larger than the handler takes; {@link #tooLarge} answers it. */
  static final class BodyTooLarge extends IOException {
    private static final long serialVersionUID = 1L;
    final int limit;
    final boolean drained;

    BodyTooLarge(int limit, boolean drained) {
      super("the request body is larger than " + BoundedRead.size(limit), null);
      this.limit = limit;
      this.drained = drained;
    }
  }

  /**
   * The request body, at most {@code limit} bytes. A larger one is read on and dropped (up to
   * {@link #DRAIN_LIMIT}), then {@link BodyTooLarge} is thrown: never more than {@code limit} bytes are kept.
   */
  static byte[] readBody(HttpExchange exchange, int limit) throws IOException {
    InputStream in = exchange.getRequestBody();
    byte[] body = in.readNBytes(limit + 1);
    if (body.length > limit) throw new BodyTooLarge(limit, drain(in));
    in.close();
    return body;
  }

  /** Reads and drops a body that the answer does not need; more than {@code limit} bytes is {@link BodyTooLarge}. */
  static void discardBody(HttpExchange exchange, int limit) throws IOException {
    InputStream in = exchange.getRequestBody();
    byte[] sink = new byte[8 * 1024];
    long total = 0;
    int n;
    while (total <= limit && (n = in.read(sink)) >= 0) total += n;
    if (total > limit) throw new BodyTooLarge(limit, drain(in));
    in.close();
  }

  /** Reads the rest of a body, at most {@link #DRAIN_LIMIT} bytes; true if it ended. */
  private static boolean drain(InputStream in) throws IOException {
    byte[] sink = new byte[64 * 1024];
    long total = 0;
    int n;
    while (total <= DRAIN_LIMIT && (n = in.read(sink)) >= 0) total += n;
    return total <= DRAIN_LIMIT;
  }

  /**
   * Answers a body that was too large: 413 in OpenAI's error shape. If the body could not be read to its end,
   * the connection is closed after the answer (what is left of the body would be read as the next request).
   */
  static void tooLarge(HttpExchange exchange, BodyTooLarge e, Map<String, String> headers, String what)
      throws IOException {
    var h = exchange.getResponseHeaders();
    if (!e.drained) h.set("Connection", "close");
    sendJson(exchange, 413, headers, Wire.error("the request body is larger than " + BoundedRead.size(e.limit)
        + ", the most " + what + " takes", "invalid_request_error", null, "request_too_large"));
  }

  /** Sends a whole answer and finishes the exchange (the connection stays open for the next request). */
  static void send(HttpExchange exchange, int status, String contentType, Map<String, String> headers, byte[] body)
      throws IOException {
    var h = exchange.getResponseHeaders();
    if (contentType != null) h.set("Content-Type", contentType);
    headers.forEach(h::set);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      OutputStream out = exchange.getResponseBody();
      out.write(body);
    }
    exchange.close();
  }

  static void sendJson(HttpExchange exchange, int status, Map<String, String> headers, String body) throws IOException {
    send(exchange, status, JSON, headers, Wire.utf8(body));
  }

  /** A response body whose close fails on purpose once cut, which makes the JDK drop the connection. */
  private static final class Cuttable extends FilterOutputStream {
    volatile boolean cut;

    Cuttable(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      if (cut) throw new IOException("connection cut on purpose");
      super.close();
    }
  }
}
