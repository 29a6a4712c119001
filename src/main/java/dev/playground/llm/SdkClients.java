package dev.playground.llm;

import com.openai.client.OpenAIClientAsync;
import com.openai.client.okhttp.OpenAIOkHttpClientAsync;
import dev.playground.common.DaemonThreads;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One SDK client (one OkHttp connection pool) per base URL and key, shared by every model that uses them and
 * closed when the last of those models is closed. Thread-safe.
 */
final class SdkClients {
  private static final Map<String, Shared> CLIENTS = new HashMap<>();
  private static final AtomicInteger THREADS = new AtomicInteger();

  private SdkClients() {}

  /** A handle on a shared client; {@link #release()} exactly once. */
  static final class Lease {
    private final String key;
    private final Shared shared;
    private boolean released;

    private Lease(String key, Shared shared) {
      this.key = key;
      this.shared = shared;
    }

    OpenAIClientAsync client() {
      return shared.client;
    }

    /** Where the answer bodies are read, so that no caller thread and no OkHttp thread waits on a body. */
    ExecutorService readers() {
      return shared.readers;
    }

    CallCancels cancels() {
      return shared.cancels;
    }

    void release() {
      synchronized (CLIENTS) {
        if (released) return;
        released = true;
        if (--shared.users > 0) return;
        CLIENTS.remove(key);
      }
      shared.close();
    }
  }

  private static final class Shared {
    final OpenAIClientAsync client;
    final ExecutorService readers;
    final CallCancels cancels;
    int users;

    Shared(OpenAIClientAsync client, ExecutorService readers, CallCancels cancels) {
      this.client = client;
      this.readers = readers;
      this.cancels = cancels;
    }

    void close() {
      try {
        client.close();
      } finally {
        readers.shutdownNow();
      }
    }
  }

  static Lease acquire(String baseUrl, Secret key) {
    String id = baseUrl + "#" + key.fingerprint();
    synchronized (CLIENTS) {
      Shared shared = CLIENTS.computeIfAbsent(id, k -> open(baseUrl, key));
      shared.users++;
      return new Lease(id, shared);
    }
  }

  /** How many distinct clients are open now (for tests of sharing and closing). */
  static int openClients() {
    synchronized (CLIENTS) {
      return CLIENTS.size();
    }
  }

  private static Shared open(String baseUrl, Secret key) {
    CallCancels cancels = new CallCancels();
    OpenAIClientAsync client = OpenAIOkHttpClientAsync.builder()
        .baseUrl(baseUrl)
        .apiKey(key.reveal())
        // The SDK retries twice by itself otherwise (honouring Retry-After): the engine's policies retry.
        .maxRetries(0)
        .addInterceptor(cancels)
        .build();
    ExecutorService readers = DaemonThreads.cached("llm-reader");
    return new Shared(client, readers, cancels);
  }
}
