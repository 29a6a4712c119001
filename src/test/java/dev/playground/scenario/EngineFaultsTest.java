package dev.playground.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playground.clock.VirtualClock;
import dev.playground.engine.AnswerCache;
import dev.playground.engine.Retriever;
import dev.playground.faults.FaultInjector;
import dev.playground.faults.FaultPlans;
import dev.playground.llm.CallRef;
import dev.playground.llm.ChatAnswer;
import dev.playground.llm.ChatModel;
import dev.playground.llm.ChatRequest;
import dev.playground.llm.SimulatedChatModel;
import dev.playground.policy.ModelRef;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** The engine's parts broken from outside: a faulty retriever, a faulty cache, and calls keyed for A/B runs. */
class EngineFaultsTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  private final VirtualClock clock = new VirtualClock();

  private FaultInjector plan(String json) {
    return new FaultInjector(FaultPlans.parse(json), clock);
  }

  private FaultyRetriever retriever(String json) {
    return new FaultyRetriever(Retriever.overLesson(), plan(json), clock);
  }

  @Test
  void aHealthyPlanAnswersAtOnceWithTheLessonsPassages() {
    var context = retriever("{\"rules\": []}").context("What is a circuit breaker?", TIMEOUT);

    assertThat(context).isCompleted();
    assertThat(context.join()).contains("## ");
  }

  @Test
  void aSlowRetrieverAnswersAfterItsLatencyOnTheRunClock() {
    var context = retriever("{\"rules\": [{\"target\": \"retriever\", \"kind\": \"slow\", \"latency\": {\"fixed_ms\": 300}}]}")
        .context("What is a circuit breaker?", TIMEOUT);

    clock.advance(299);
    assertThat(context).isNotDone();
    clock.advance(1);
    assertThat(context.join()).contains("## ");
  }

  @Test
  void aBrokenRetrieverFailsNamingTheFaultAndOneThatHangsFailsAtTheTimeout() {
    var broken = retriever("{\"rules\": [{\"target\": \"retriever\", \"kind\": \"server_error\"}]}").context("q", TIMEOUT);
    var hangs = retriever("{\"rules\": [{\"target\": \"retriever\", \"kind\": \"timeout\"}]}").context("q", TIMEOUT);
    var tooSlow = retriever("{\"rules\": [{\"target\": \"retriever\", \"kind\": \"slow\", \"latency\": {\"fixed_ms\": 5000}}]}")
        .context("q", TIMEOUT);

    clock.advance(TIMEOUT.toMillis() - 1);
    assertThat(hangs).isNotDone();
    assertThat(tooSlow).isNotDone();
    clock.advance(1);
    assertThat(failure(broken)).isEqualTo("retriever: server_error");
    assertThat(failure(hangs)).isEqualTo("retriever: timeout");
    assertThat(failure(tooSlow)).isEqualTo("retriever: timeout");
  }

  @Test
  void aBrokenCacheNeitherAnswersNorStores() {
    var stored = new HashMap<String, AnswerCache.Entry>();
    AnswerCache memory = new AnswerCache() {
      public Lookup lookup(String prompt) {
        return new Lookup(Optional.ofNullable(stored.get(prompt)), null);
      }

      public void store(String prompt, String content, String provider, String model) {
        stored.put(prompt, new Entry(content, provider, model, 0));
      }

      public double ageMs(Entry e) {
        return 0;
      }
    };
    var cache = new FaultyCache(memory,
        plan("{\"rules\": [{\"target\": \"cache\", \"sequence\": [\"ok\", \"ok\", \"server_error\", \"server_error\"]}]}"));

    cache.store("q", "answer", "sim", "m");
    assertThat(cache.lookup("q").entry()).map(AnswerCache.Entry::content).contains("answer");
    assertThat(cache.lookup("q")).isEqualTo(AnswerCache.Lookup.broken("cache: server_error"));
    cache.store("r", "other", "sim", "m");
    assertThat(stored).containsOnlyKeys("q");
  }

  @Test
  void keyedCallsCarryTheirKeyAndAttemptToTheSimulatedModel() {
    Map<String, String> seen = new HashMap<>();
    ChatModel recording = new ChatModel() {
      public String provider() {
        return "sim";
      }

      public String model() {
        return "m";
      }

      public CompletableFuture<ChatAnswer> chat(ChatRequest request) {
        seen.putAll(request.extraHeaders());
        return new CompletableFuture<>();
      }
    };
    ChatModel keyed = CallKeyed.directory(ref -> recording).model(new ModelRef("sim", "m"));

    keyed.chat(ChatRequest.of("q", TIMEOUT).withCall(new CallRef(-42, 2)));

    assertThat(seen).containsEntry(SimulatedChatModel.CALL_HEADER, "-42/2");
  }

  private static String failure(CompletableFuture<String> f) {
    assertThat(f).isCompletedExceptionally();
    try {
      f.join();
      throw new AssertionError("completed normally");
    } catch (CompletionException e) {
      return e.getCause().getMessage();
    }
  }
}
