package dev.playground.bench;

import dev.playground.clock.LiveClock;
import dev.playground.engine.EngineSetup;
import dev.playground.engine.ResilientClient;
import dev.playground.engine.Retriever;
import dev.playground.events.RunRecorder;
import dev.playground.events.RunSummary;
import dev.playground.llm.ChatAnswer;
import dev.playground.llm.ChatModel;
import dev.playground.llm.ChatRequest;
import dev.playground.policy.PolicyJson;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * The engine's own CPU cost per request, without HTTP: a model that answers at once, asked through each
 * stack of {@link EngineStackBench}. Median of 7 rounds of 200k requests each, in µs per request.
 * {@code ./mvnw -q -Pbench test-compile exec:exec -Dbench=EngineOverheadBench}
 */
public final class EngineOverheadBench {
  private EngineOverheadBench() {}

  public static void main(String[] args) {
    ChatAnswer answer = new ChatAnswer("An answer.", "m", "stop", 10, 5, "req_1", false, 0);
    ChatModel instant = new ChatModel() {
      public String provider() { return "sim"; }
      public String model() { return "m"; }
      public CompletableFuture<ChatAnswer> chat(ChatRequest r) { return CompletableFuture.completedFuture(answer); }
    };
    for (String variant : new String[] {"chain", "retry-breaker", "full"}) {
      String json = variant.equals("full") ? EngineStackBench.POLICIES : EngineStackBench.VARIANTS.get(variant);
      try (LiveClock clock = new LiveClock()) {
        RunRecorder recorder = new RunRecorder(clock);
        recorder.subscribe(new RunSummary());
        var client = new ResilientClient(PolicyJson.read(json),
            new EngineSetup(clock, recorder, 1, ref -> instant, Retriever.overLesson()));
        double[] rounds = new double[7];
        for (int warm = 0; warm < 3; warm++) loop(client, 100_000);
        for (int r = 0; r < rounds.length; r++) rounds[r] = loop(client, 200_000);
        Arrays.sort(rounds);
        System.out.printf(Locale.ROOT, "%-14s %.2f µs per request (median of 7 rounds)%n", variant, rounds[3]);
      }
    }
  }

  private static double loop(ResilientClient client, int n) {
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) client.ask("What is a circuit breaker?").join();
    return (System.nanoTime() - t0) / 1e3 / n;
  }
}
