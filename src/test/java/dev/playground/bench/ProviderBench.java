package dev.playground.bench;

import dev.playground.faults.FaultPlan;
import dev.playground.faults.Latency;
import dev.playground.provider.SimulatedProvider;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import org.HdrHistogram.Histogram;

/**
 * The simulated provider on loopback: healthy requests per second and latency percentiles with several
 * keep-alive clients (raw sockets, so the client costs little), and how close injected delays land to their
 * setting. {@code ./mvnw -q -Pbench test-compile exec:exec -Dbench=ProviderBench [-Dbench.args="--seconds 10
 * --clients 8"]}. Goals: ≥ 8,000 req/s, p99 ≤ 5 ms, delays within ±2 %.
 */
public final class ProviderBench {
  private static final String BODY = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"system\",\"content\":"
      + "\"Be brief.\"},{\"role\":\"user\",\"content\":\"What is a circuit breaker?\"}]}";

  private ProviderBench() {}

  public static void main(String[] args) throws Exception {
    int seconds = intArg(args, "--seconds", 10);
    int clients = intArg(args, "--clients", 8);
    int delayRequests = intArg(args, "--delay-requests", 30);
    int workers = intArg(args, "--workers", SimulatedProvider.Options.defaults().workerThreads());
    long[] delays = Arrays.stream(stringArg(args, "--delays", "100,500,1000").split(",")).mapToLong(Long::parseLong)
        .toArray();
    System.out.printf(Locale.ROOT, "ProviderBench: %d keep-alive clients, %d server workers, %d s measured after %d s"
        + " warm-up, %d cores%n", clients, workers, seconds, 3, Runtime.getRuntime().availableProcessors());

    try (var sim = SimulatedProvider.start(SimulatedProvider.Options.defaults().withName("bench")
        .withWorkerThreads(workers))) {
      URI base = URI.create(sim.baseUrl());
      load(base, clients, 3); // warm-up
      Histogram healthy = new Histogram(3_600_000_000L, 3);
      long count = load(base, clients, seconds, healthy);
      double rps = count / (double) seconds;
      System.out.printf(Locale.ROOT, "healthy: %,.0f req/s (goal ≥ 8,000)   p50 %.3f ms   p90 %.3f ms   p99 %.3f ms"
              + " (goal ≤ 5)   max %.1f ms   (%,d requests)%n",
          rps, ms(healthy, 50), ms(healthy, 90), ms(healthy, 99), healthy.getMaxValue() / 1_000.0, count);

      double overheadMs = ms(healthy, 50);
      sim.applyFaults(FaultPlan.healthy(1).withBaseLatency(Latency.fixed(20)));
      delayed(base, Math.min(clients, delayRequests), delayRequests); // warm up the delayed path
      for (long setting : delays) {
        sim.applyFaults(FaultPlan.healthy(1).withBaseLatency(Latency.fixed(setting)));
        long[] observed = delayed(base, Math.min(clients, delayRequests), delayRequests);
        double[] errors = Arrays.stream(observed).mapToDouble(us -> (us / 1_000.0 - setting) / setting * 100).sorted().toArray();
        System.out.printf(Locale.ROOT, "delay %4d ms: median %.2f ms, median error %+.2f %% (goal within ±2 %%),"
                + " worst %+.2f %%, median minus the healthy p50 (%.3f ms) %+.2f %%   (%d requests)%n",
            setting, median(observed) / 1_000.0, errors[errors.length / 2], errors[errors.length - 1], overheadMs,
            ((median(observed) / 1_000.0 - overheadMs) - setting) / setting * 100, observed.length);
      }
    }
  }

  /** Keep-alive requests from {@code clients} threads for {@code seconds}; returns how many completed. */
  private static long load(URI base, int clients, int seconds, Histogram into) throws Exception {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    var done = new CountDownLatch(clients);
    List<Histogram> histograms = new ArrayList<>();
    long[] counts = new long[clients];
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int id = c;
      Histogram h = new Histogram(3_600_000_000L, 3);
      histograms.add(h);
      Thread t = new Thread(() -> {
        try (var conn = new Connection(base)) {
          while (System.nanoTime() < deadline) { // each client measures for the same window
            long t0 = System.nanoTime();
            conn.post(BODY);
            h.recordValue((System.nanoTime() - t0) / 1_000);
            counts[id]++;
          }
        } catch (IOException e) {
          throw new IllegalStateException(e);
        } finally {
          done.countDown();
        }
      }, "bench-client-" + c);
      threads.add(t);
      t.start();
    }
    done.await();
    long total = 0;
    for (int c = 0; c < clients; c++) {
      total += counts[c];
      if (into != null) into.add(histograms.get(c));
    }
    return total;
  }

  private static long load(URI base, int clients, int seconds) throws Exception {
    return load(base, clients, seconds, null);
  }

  /** {@code n} requests spread over {@code clients} connections; each one's latency in microseconds. */
  private static long[] delayed(URI base, int clients, int n) throws Exception {
    long[] out = new long[n];
    var done = new CountDownLatch(clients);
    for (int c = 0; c < clients; c++) {
      int id = c;
      new Thread(() -> {
        try (var conn = new Connection(base)) {
          for (int i = id; i < n; i += clients) {
            long t0 = System.nanoTime();
            conn.post(BODY);
            out[i] = (System.nanoTime() - t0) / 1_000;
          }
        } catch (IOException e) {
          throw new IllegalStateException(e);
        } finally {
          done.countDown();
        }
      }).start();
    }
    done.await();
    return out;
  }

  private static double ms(Histogram h, double percentile) {
    return h.getValueAtPercentile(percentile) / 1_000.0;
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static int intArg(String[] args, String name, int fallback) {
    return Integer.parseInt(stringArg(args, name, Integer.toString(fallback)));
  }

  private static String stringArg(String[] args, String name, String fallback) {
    for (int i = 0; i < args.length - 1; i++) if (args[i].equals(name)) return args[i + 1];
    return fallback;
  }

  /** One kept-alive HTTP/1.1 connection that posts a body and reads the whole answer. Not thread-safe. */
  private static final class Connection implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final String head;

    Connection(URI base) throws IOException {
      socket = new Socket(base.getHost(), base.getPort());
      socket.setTcpNoDelay(true);
      out = socket.getOutputStream();
      in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
      head = "POST " + base.getPath() + "/chat/completions HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
          + "\r\nContent-Type: application/json\r\nAuthorization: Bearer sk-bench\r\nContent-Length: ";
    }

    void post(String body) throws IOException {
      byte[] b = body.getBytes(StandardCharsets.UTF_8);
      out.write((head + b.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.write(b);
      out.flush();
      String status = line();
      if (!status.startsWith("HTTP/1.1 200")) throw new IOException("unexpected answer: " + status);
      int length = -1;
      for (String h = line(); !h.isEmpty(); h = line())
        if (h.regionMatches(true, 0, "content-length:", 0, 15)) length = Integer.parseInt(h.substring(15).trim());
      if (length < 0) throw new IOException("no content-length");
      if (in.readNBytes(length).length != length) throw new IOException("short body");
    }

    private String line() throws IOException {
      var b = new StringBuilder(64);
      for (int c = in.read(); c != '\n'; c = in.read()) {
        if (c < 0) throw new IOException("connection closed");
        if (c != '\r') b.append((char) c);
      }
      return b.toString();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
