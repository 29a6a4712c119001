package dev.playground.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.errors.BadRequestException;
import com.openai.errors.InternalServerException;
import com.openai.errors.NotFoundException;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.PermissionDeniedException;
import com.openai.errors.RateLimitException;
import com.openai.errors.UnauthorizedException;
import dev.playground.faults.FaultKind;
import dev.playground.faults.FaultPlan;
import dev.playground.faults.FaultRule;
import dev.playground.faults.Latency;
import dev.playground.provider.SimulatedProvider;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every fault kind, plain and streamed, through the real SDK over loopback HTTP against the simulated provider. */
class OpenAiChatModelFaultsTest {
  private static SimulatedProvider provider;
  private static OpenAiChatModel model;

  @BeforeAll
  static void start() {
    provider = SimulatedProvider.start(SimulatedProvider.Options.defaults().withName("sim"));
    model = OpenAiChatModel.builder().provider("sim").baseUrl(provider.baseUrl()).model("gpt-4o-mini")
        .apiKey("sk-test-faults").build();
    // The SDK's first call loads a great many classes; keep that out of the timed calls.
    Outcome.await(model.chat(ChatRequest.of("warm up", Duration.ofSeconds(30))), Duration.ofSeconds(60));
  }

  @AfterAll
  static void stop() {
    model.close();
    provider.close();
  }

  /** What the adapter must report for a kind: the SDK's exception (null if none), the kind or defect, the status. */
  record Expected(Class<?> sdkException, FailureKind kindOrDefect, int status) {
    static Expected answer(FailureKind defect) {
      return new Expected(null, defect, 200);
    }
  }

  static Expected expected(FaultKind kind, boolean stream) {
    // Exhaustive on purpose: a new fault kind does not compile until it has its line here.
    return switch (kind) {
      case OK, SLOW, SLOW_FIRST_TOKEN -> Expected.answer(null);
      case RATE_LIMIT -> new Expected(RateLimitException.class, FailureKind.RATE_LIMITED, 429);
      case SERVER_ERROR -> new Expected(InternalServerException.class, FailureKind.SERVER_ERROR, 500);
      case BAD_GATEWAY -> new Expected(InternalServerException.class, FailureKind.SERVER_ERROR, 502);
      case SERVICE_UNAVAILABLE -> new Expected(InternalServerException.class, FailureKind.SERVER_ERROR, 503);
      case GATEWAY_TIMEOUT -> new Expected(InternalServerException.class, FailureKind.SERVER_ERROR, 504);
      case OVERLOADED -> new Expected(InternalServerException.class, FailureKind.SERVER_ERROR, 529);
      case TIMEOUT -> new Expected(OpenAIIoException.class, FailureKind.TIMEOUT, 0);
      case RESET -> new Expected(OpenAIIoException.class, FailureKind.NETWORK, 0);
      // A stream with no chunk at all is read by the adapter itself, so there is no SDK exception.
      case EMPTY_BODY -> new Expected(stream ? null : OpenAIInvalidDataException.class,
          FailureKind.MALFORMED_RESPONSE, 200);
      case MALFORMED_JSON -> new Expected(OpenAIInvalidDataException.class, FailureKind.MALFORMED_RESPONSE, 200);
      case STREAM_CUT -> stream
          ? Expected.answer(FailureKind.STREAM_CUT)
          : new Expected(OpenAIInvalidDataException.class, FailureKind.NETWORK, 0);
      case EMPTY_CONTENT -> Expected.answer(FailureKind.EMPTY_ANSWER);
      case LENGTH -> Expected.answer(FailureKind.TRUNCATED);
      case CONTENT_FILTER -> Expected.answer(FailureKind.CONTENT_FILTERED);
      case CONTEXT_LENGTH -> new Expected(BadRequestException.class, FailureKind.CONTEXT_LENGTH, 400);
      case UNAUTHORIZED -> new Expected(UnauthorizedException.class, FailureKind.AUTH, 401);
      case FORBIDDEN -> new Expected(PermissionDeniedException.class, FailureKind.PERMISSION, 403);
      case MODEL_NOT_FOUND -> new Expected(NotFoundException.class, FailureKind.NOT_FOUND, 404);
      case BAD_REQUEST -> new Expected(BadRequestException.class, FailureKind.INVALID_REQUEST, 400);
    };
  }

  /** One rule that always applies {@code kind}; delays short enough to finish well within the timeout. */
  static FaultPlan planFor(FaultKind kind) {
    FaultRule rule = FaultRule.of(kind);
    if (kind == FaultKind.SLOW || kind == FaultKind.SLOW_FIRST_TOKEN) rule = rule.withLatency(Latency.fixed(100));
    return FaultPlan.of(11, rule);
  }

  /** 300 ms for the kind that never answers, so the test is quick; long enough for the others on a busy machine. */
  static ChatRequest requestFor(FaultKind kind, boolean stream) {
    Duration timeout = kind == FaultKind.TIMEOUT ? Duration.ofMillis(300) : Duration.ofSeconds(10);
    return new ChatRequest("Why do retries need jitter?", null, timeout, stream, Map.of());
  }

  static Stream<Arguments> everyKindPlainAndStreamed() {
    return Stream.of(FaultKind.values()).flatMap(k -> Stream.of(Arguments.of(k, false), Arguments.of(k, true)));
  }

  @ParameterizedTest(name = "{0}, stream={1}")
  @MethodSource("everyKindPlainAndStreamed")
  void everyFaultKindSurfacesAsItsSdkExceptionAndTaxonomyEntryInExactlyOneRequest(FaultKind kind, boolean stream) {
    provider.applyFaults(planFor(kind));
    Expected expected = expected(kind, stream);
    long before = provider.requestCount();

    Outcome outcome = Outcome.await(model.chat(requestFor(kind, stream)), Duration.ofSeconds(30));

    assertThat(outcome.kindOrDefect()).as("kind or defect").isEqualTo(Optional.ofNullable(expected.kindOrDefect()));
    assertThat(outcome.status()).as("status").isEqualTo(expected.status());
    assertThat(outcome.sdkException()).as("SDK exception").isEqualTo(expected.sdkException());
    assertThat(provider.requestCount() - before).as("requests the provider saw").isEqualTo(1);
    if (outcome.failed()) assertThat(outcome.failure().kind().isAnswerDefect()).isFalse();
    if (expected.status() > 0) {
      var journal = provider.journal();
      assertThat(outcome.requestId()).as("request id").contains(journal.get(journal.size() - 1).requestId());
      assertThat(outcome.requestId().orElseThrow()).matches("req_[0-9a-f]{32}");
    }
  }
}
