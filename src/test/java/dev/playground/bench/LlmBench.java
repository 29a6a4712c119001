package dev.playground.bench;

import dev.playground.clock.VirtualClock;
import dev.playground.faults.FaultKind;
import dev.playground.faults.FaultPlan;
import dev.playground.faults.FaultRule;
import dev.playground.faults.Latency;
import dev.playground.llm.ChatAnswer;
import dev.playground.llm.ChatModel;
import dev.playground.llm.ChatRequest;
import dev.playground.llm.OpenAiChatModel;
import dev.playground.llm.SimulatedChatModel;
import dev.playground.provider.SimulatedProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * The llm room's costs: (1) the in-process simulated model on a virtual clock, calls per second and the ratio
 * of simulated to wall time; (2) healthy calls through the openai-java adapter on loopback against the
 * simulated provider, latency p50/p99 and throughput, beside plain OkHttp on the same server as a baseline.
 *
 * <p>{@code ./mvnw -q -Pbench test-compile exec:exec -Dbench=LlmBench [-Dbench.args="RUNS [virtual|loopback]"]}
 */
public final class LlmBench {
  private static final int VIRTUAL_CALLS = 100_000;
  private static final int SEQUENTIAL_CALLS = 2_000;
  private static final int CONCURRENT_CALLS = 10_000;
  private static final int IN_FLIGHT = 16;

  private LlmBench() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    String part = args.length > 1 ? args[1] : "all";
    if (!part.equals("loopback")) virtual(runs);
    if (!part.equals("virtual")) loopback(runs);
  }

  private static void virtual(int runs) {
    FaultPlan plan = new FaultPlan(42, List.of(
        FaultRule.of(FaultKind.RATE_LIMIT).withProbability(0.2).withRetryAfterMs(500L),
        FaultRule.of(FaultKind.TIMEOUT).withProbability(0.05),
        FaultRule.of(FaultKind.SLOW).withProbability(0.1).withLatency(Latency.uniform(500, 4_000))),
        Latency.lognormal(300, 0.5));
    ChatRequest request = ChatRequest.of("How do retries and breakers work together?", Duration.ofSeconds(2));
    double[] wallMs = new double[runs];
    double[] ratio = new double[runs];
    int warmUps = 3;
    for (int r = 0; r < runs + warmUps; r++) {
      var clock = new VirtualClock();
      var model = SimulatedChatModel.of("sim", "gpt-4o-mini", plan, clock);
      long start = System.nanoTime();
      // 100 calls start every simulated second, as a load generator would schedule them.
      for (int i = 0; i < VIRTUAL_CALLS; i++) {
        clock.schedule(() -> model.chat(request), i * 10L);
      }
      clock.runUntilIdle();
      double wall = (System.nanoTime() - start) / 1e6;
      if (r < warmUps) continue;
      wallMs[r - warmUps] = wall;
      ratio[r - warmUps] = clock.nowMillis() / wall;
    }
    double[] clockOnlyMs = new double[runs];
    for (int r = 0; r < runs + warmUps; r++) {
      // Baseline: the same two clock tasks a call costs (its start and its completion), with no model.
      var clock = new VirtualClock();
      long start = System.nanoTime();
      for (int i = 0; i < VIRTUAL_CALLS; i++) {
        clock.schedule(() -> clock.schedule(() -> { }, 300), i * 10L);
      }
      clock.runUntilIdle();
      if (r >= warmUps) clockOnlyMs[r - warmUps] = (System.nanoTime() - start) / 1e6;
    }
    System.out.printf("simulated model, virtual time: %,d calls (%,d s simulated): wall median %.0f ms, "
        + "%,.0f calls/s, simulated/wall median %,.0f×%n", VIRTUAL_CALLS, VIRTUAL_CALLS / 100, median(wallMs),
        VIRTUAL_CALLS / median(wallMs) * 1000, median(ratio));
    System.out.printf("  baseline, the virtual clock alone with the same tasks: median %.0f ms "
        + "(model/baseline %.1f×)%n",
        median(clockOnlyMs), median(wallMs) / median(clockOnlyMs));
  }

  private static void loopback(int runs) throws Exception {
    try (var sim = SimulatedProvider.start(SimulatedProvider.Options.defaults().withName("bench"));
        var model = OpenAiChatModel.builder().provider("bench").baseUrl(sim.baseUrl()).model("gpt-4o-mini")
            .apiKey("sk-bench").build()) {
      var okHttp = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
      String url = sim.baseUrl() + "/chat/completions";
      String json = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}";
      ChatRequest plain = ChatRequest.of("hello", Duration.ofSeconds(10));
      ChatRequest streamed = new ChatRequest("hello", null, Duration.ofSeconds(10), true, Map.of());
      for (int i = 0; i < 500; i++) { // warm-up of both paths
        model.chat(plain).get();
        model.chat(streamed).get();
        raw(okHttp, url, json);
      }
      double[] adapterP50 = new double[runs], adapterP99 = new double[runs];
      double[] streamP50 = new double[runs], streamP99 = new double[runs];
      double[] rawP50 = new double[runs], rawP99 = new double[runs];
      double[] throughput = new double[runs];
      for (int r = 0; r < runs; r++) {
        double[] a = new double[SEQUENTIAL_CALLS], s = new double[SEQUENTIAL_CALLS], b = new double[SEQUENTIAL_CALLS];
        for (int i = 0; i < SEQUENTIAL_CALLS; i++) {
          long t0 = System.nanoTime();
          model.chat(plain).get();
          long t1 = System.nanoTime();
          model.chat(streamed).get();
          long t2 = System.nanoTime();
          raw(okHttp, url, json);
          long t3 = System.nanoTime();
          a[i] = (t1 - t0) / 1e6;
          s[i] = (t2 - t1) / 1e6;
          b[i] = (t3 - t2) / 1e6;
        }
        adapterP50[r] = pct(a, 50);
        adapterP99[r] = pct(a, 99);
        streamP50[r] = pct(s, 50);
        streamP99[r] = pct(s, 99);
        rawP50[r] = pct(b, 50);
        rawP99[r] = pct(b, 99);
        throughput[r] = concurrent(model, plain);
      }
      System.out.printf("adapter, plain, one at a time: p50 %.3f ms, p99 %.3f ms (medians of %d runs of %,d)%n",
          median(adapterP50), median(adapterP99), runs, SEQUENTIAL_CALLS);
      System.out.printf("adapter, streamed, one at a time: p50 %.3f ms, p99 %.3f ms%n", median(streamP50),
          median(streamP99));
      System.out.printf("plain OkHttp baseline, same server: p50 %.3f ms, p99 %.3f ms; adapter/baseline p50 %.2f×%n",
          median(rawP50), median(rawP99), median(adapterP50) / median(rawP50));
      System.out.printf("adapter, %d in flight: median %,.0f calls/s (%,d calls a run)%n", IN_FLIGHT,
          median(throughput), CONCURRENT_CALLS);
      okHttp.dispatcher().executorService().shutdown();
      okHttp.connectionPool().evictAll();
    }
  }

  private static double concurrent(ChatModel model, ChatRequest request) throws Exception {
    Semaphore slots = new Semaphore(IN_FLIGHT);
    List<CompletableFuture<ChatAnswer>> calls = new ArrayList<>(CONCURRENT_CALLS);
    long start = System.nanoTime();
    for (int i = 0; i < CONCURRENT_CALLS; i++) {
      slots.acquire();
      calls.add(model.chat(request).whenComplete((a, e) -> slots.release()));
    }
    CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
    return CONCURRENT_CALLS / ((System.nanoTime() - start) / 1e9);
  }

  private static void raw(OkHttpClient client, String url, String json) throws Exception {
    var body = RequestBody.create(json, MediaType.get("application/json"));
    try (var response = client.newCall(new Request.Builder().url(url).post(body).build()).execute()) {
      response.body().bytes();
    }
  }

  private static double pct(double[] values, int p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  private static double median(double[] values) {
    return pct(values, 50);
  }
}
