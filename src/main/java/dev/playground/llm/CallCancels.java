package dev.playground.llm;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Call;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Lets a chat call be cancelled for real. The SDK's futures do not pass a cancel on to OkHttp, so each request
 * carries an internal id header, which this interceptor takes off before sending while it remembers the
 * OkHttp call under that id until the chat call ends. Thread-safe.
 */
final class CallCancels implements Interceptor {
  static final String HEADER = "X-Playground-Call";

  /** Stands for a call cancelled before OkHttp started it (it waits in OkHttp's queue). */
  private static final Object CANCELLED = new Object();

  private final AtomicLong ids = new AtomicLong();
  private final Map<String, Object> calls = new ConcurrentHashMap<>();

  String newId() {
    return Long.toString(ids.incrementAndGet());
  }

  /**
   * The chat call has ended. If the caller cancelled it, the HTTP call is cancelled now, or as soon as OkHttp
   * starts it.
   */
  void ended(String id, boolean cancelledByCaller) {
    if (!cancelledByCaller) {
      calls.remove(id);
      return;
    }
    Object started = calls.putIfAbsent(id, CANCELLED);
    if (started instanceof Call call) {
      calls.remove(id);
      call.cancel();
    }
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    String id = request.header(HEADER);
    if (id == null) return chain.proceed(request);
    if (calls.putIfAbsent(id, chain.call()) == CANCELLED) {
      calls.remove(id);
      chain.call().cancel(); // proceed() below then fails at once with "Canceled"
    }
    return chain.proceed(request.newBuilder().removeHeader(HEADER).build());
  }
}
