package dev.playground.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playground.clock.VirtualClock;
import dev.playground.faults.FaultKind;
import dev.playground.faults.FaultPlan;
import dev.playground.faults.FaultRule;
import dev.playground.provider.SimulatedProvider;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The in-process model tells the same story as the HTTP path: for every fault kind, plain and streamed, the
 * same failure kind or defect, status, retry-after, error code and answer.
 */
class SimulatedParityTest {
  private static SimulatedProvider provider;
  private static OpenAiChatModel http;

  @BeforeAll
  static void start() {
    provider = SimulatedProvider.start(SimulatedProvider.Options.defaults().withName("sim"));
    http = OpenAiChatModel.builder().provider("sim").baseUrl(provider.baseUrl()).model("gpt-4o-mini")
        .apiKey("sk-test-parity").build();
    Outcome.await(http.chat(ChatRequest.of("warm up", Duration.ofSeconds(30))), Duration.ofSeconds(60));
  }

  @AfterAll
  static void stop() {
    http.close();
    provider.close();
  }

  static Stream<Arguments> plans() {
    Stream<FaultPlan> perKind = Stream.of(FaultKind.values()).map(OpenAiChatModelFaultsTest::planFor);
    Stream<FaultPlan> withParameters = Stream.of(
        FaultPlan.of(3, FaultRule.of(FaultKind.RATE_LIMIT).withRetryAfterSeconds(2L)),
        FaultPlan.of(3, FaultRule.of(FaultKind.RATE_LIMIT).withRetryAfterMs(1_500L)),
        FaultPlan.of(3, FaultRule.of(FaultKind.SERVICE_UNAVAILABLE).withRetryAfterSeconds(3L).withShouldRetry(false)),
        FaultPlan.of(3, FaultRule.of(FaultKind.SERVER_ERROR).withStatus(502)));
    return Stream.concat(perKind, withParameters)
        .flatMap(plan -> Stream.of(Arguments.of(plan, false), Arguments.of(plan, true)));
  }

  @ParameterizedTest(name = "{0}, stream={1}")
  @MethodSource("plans")
  void theSimulatedModelReportsWhatTheHttpPathReports(FaultPlan plan, boolean stream) {
    FaultKind kind = plan.rules().get(0).kind();
    ChatRequest request = OpenAiChatModelFaultsTest.requestFor(kind, stream);
    provider.applyFaults(plan);
    var clock = new VirtualClock();
    var simulated = SimulatedChatModel.of("sim", "gpt-4o-mini", plan, clock);

    Outcome overHttp = Outcome.await(http.chat(request), Duration.ofSeconds(30));
    var call = simulated.chat(request);
    clock.runUntilIdle();
    Outcome inProcess = Outcome.done(call);

    assertThat(inProcess.kindOrDefect()).as("kind or defect").isEqualTo(overHttp.kindOrDefect());
    assertThat(inProcess.status()).as("status").isEqualTo(overHttp.status());
    assertThat(inProcess.retryAfter()).as("retry-after").isEqualTo(overHttp.retryAfter());
    assertThat(inProcess.code()).as("error code").isEqualTo(overHttp.code());
    assertThat(inProcess.requestId().isPresent()).as("has a request id").isEqualTo(overHttp.requestId().isPresent());
    if (!overHttp.failed()) {
      ChatAnswer a = overHttp.answer();
      ChatAnswer b = inProcess.answer();
      assertThat(b.content()).isEqualTo(a.content());
      assertThat(b.finishReason()).isEqualTo(a.finishReason());
      assertThat(b.streamed()).isEqualTo(a.streamed());
      assertThat(b.model()).isEqualTo(a.model());
      assertThat(b.promptTokens()).isEqualTo(a.promptTokens());
      assertThat(b.completionTokens()).isEqualTo(a.completionTokens());
    }
  }
}
