package dev.playground.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playground.clock.LiveClock;
import dev.playground.events.RunEvent.AttemptFinished;
import dev.playground.events.RunEvent;
import dev.playground.events.RunRecorder;
import dev.playground.events.Rung;
import dev.playground.faults.FaultPlans;
import dev.playground.llm.ChatAnswer;
import dev.playground.llm.ChatModel;
import dev.playground.llm.ChatRequest;
import dev.playground.llm.OpenAiChatModel;
import dev.playground.policy.PolicyJson;
import dev.playground.provider.SimulatedProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which thread each call of a live request runs on, with the real SDK over loopback: the first attempt on the
 * thread that asked (no switch on the healthy path), and a retry with no wait on the run clock's thread,
 * because Failsafe cancels what earlier attempts left behind right after it schedules a retry.
 */
class LiveSchedulingTest {
  private final LiveClock clock = new LiveClock();
  private final List<RunEvent> events = Collections.synchronizedList(new ArrayList<>());
  private SimulatedProvider provider;
  private ChatModel sdk;
  private final List<Thread> callers = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void start() {
    provider = SimulatedProvider.start(SimulatedProvider.Options.defaults().withName("sim"));
    sdk = OpenAiChatModel.builder().provider("sim").baseUrl(provider.baseUrl()).model("gpt-4o-mini")
        .apiKey("sk-simulated").clock(clock).build();
  }

  @AfterEach
  void stop() {
    sdk.close();
    provider.close();
    clock.close();
  }

  private ResilientClient client(String policies) {
    ChatModel recording = new ChatModel() {
      @Override
      public String provider() {
        return sdk.provider();
      }

      @Override
      public String model() {
        return sdk.model();
      }

      @Override
      public CompletableFuture<ChatAnswer> chat(ChatRequest request) {
        callers.add(Thread.currentThread());
        return sdk.chat(request);
      }
    };
    RunRecorder recorder = new RunRecorder(clock);
    recorder.subscribe(events::add);
    return new ResilientClient(PolicyJson.read(policies),
        new EngineSetup(clock, recorder, 7, ref -> recording, Retriever.overLesson()));
  }

  @Test
  void theFirstCallOfAHealthyRequestIsSentFromTheThreadThatAsked() throws Exception {
    ResilientClient client = client("""
        {"chain": [{"provider": "sim", "model": "gpt-4o-mini"}], "retry": {"max_attempts": 3, "delay_ms": 0},
         "breaker": {"failure_threshold": {"failures": 5, "executions": 10}},
         "bulkhead": {"max_concurrent": 4}, "rate_limiter": {"permits": 100, "period_ms": 1000}}""");

    Answer a = client.ask("What is a circuit breaker?").get(30, TimeUnit.SECONDS);

    assertThat(a.rung()).isEqualTo(Rung.FULL);
    assertThat(callers).containsExactly(Thread.currentThread());
  }

  @Test
  void aRetryWithNoWaitIsSentFromTheClocksThreadAndItsAnswerIsKept() throws Exception {
    provider.applyFaults(FaultPlans.parse("{\"rules\": [{\"sequence\": [\"empty_content\", \"ok\"]}]}"));
    ResilientClient client = client("""
        {"chain": [{"provider": "sim", "model": "gpt-4o-mini"}],
         "retry": {"max_attempts": 3, "delay_ms": 0, "retry_on": [], "retry_on_result": ["empty_answer"]}}""");

    Answer a = client.ask("What is a circuit breaker?").get(30, TimeUnit.SECONDS);

    assertThat(a.rung()).isEqualTo(Rung.FULL);
    assertThat(a.outcome()).isEqualTo("ok");
    assertThat(a.attempts()).isEqualTo(2);
    assertThat(callers).hasSize(2);
    assertThat(callers.get(0)).isSameAs(Thread.currentThread());
    assertThat(callers.get(1).getName()).startsWith("run-clock-");
    synchronized (events) {
      assertThat(events.stream().filter(AttemptFinished.class::isInstance).map(e -> ((AttemptFinished) e).outcome()))
          .containsExactly("empty_answer", "ok");
      assertThat(events.get(events.size() - 1).type()).isEqualTo("request_finished");
    }
  }
}
