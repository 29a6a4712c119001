package dev.playground.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.errors.OpenAIIoException;
import com.openai.errors.UnprocessableEntityException;
import dev.playground.faults.FaultKind;
import dev.playground.faults.FaultPlan;
import dev.playground.faults.FaultRule;
import dev.playground.faults.Latency;
import dev.playground.faults.SimulatedAnswers;
import dev.playground.provider.SimulatedProvider;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The adapter's behaviour over real loopback HTTP, with the real SDK, against the simulated provider. */
class OpenAiChatModelTest {
  private static final String KEY = "sk-test-DO-NOT-PRINT-0123456789";
  private static final Duration LONG = Duration.ofSeconds(10);
  private static final Duration BOUND = Duration.ofSeconds(30);

  private static SimulatedProvider provider;
  private static OpenAiChatModel model;

  @BeforeAll
  static void start() {
    provider = SimulatedProvider.start(SimulatedProvider.Options.defaults().withName("sim"));
    model = modelWithKey(KEY);
    Outcome.await(model.chat(ChatRequest.of("warm up", Duration.ofSeconds(30))), Duration.ofSeconds(60));
  }

  @AfterAll
  static void stop() {
    model.close();
    provider.close();
  }

  @AfterEach
  void healthyAgain() {
    provider.clearFaults();
  }

  private static OpenAiChatModel modelWithKey(String key) {
    return OpenAiChatModel.builder().provider("sim").baseUrl(provider.baseUrl()).model("gpt-4o-mini").apiKey(key)
        .build();
  }

  private static ChatRequest request(boolean stream, Duration timeout) {
    return new ChatRequest("How does a circuit breaker half-open?", null, timeout, stream, Map.of());
  }

  private static ChatRequest forcing(String fault) {
    return new ChatRequest("hello", null, LONG, false, Map.of(SimulatedChatModel.FAULT_HEADER, fault));
  }

  @Test
  void aHealthyAnswerCarriesTheModelsTextUsageAndRequestId() {
    ChatAnswer answer = Outcome.await(model.chat(request(false, LONG)), BOUND).answer();

    String expected = SimulatedAnswers.answer("gpt-4o-mini", "How does a circuit breaker half-open?").content();
    assertThat(answer.content()).isEqualTo(expected);
    assertThat(answer.model()).isEqualTo("gpt-4o-mini");
    assertThat(answer.finishReason()).isEqualTo("stop");
    assertThat(answer.streamed()).isFalse();
    assertThat(answer.promptTokens()).isPositive();
    assertThat(answer.completionTokens()).isPositive();
    assertThat(answer.requestId()).matches("req_[0-9a-f]{32}");
    assertThat(answer.latencyMs()).isPositive();
  }

  @Test
  void aStreamedAnswerIsAssembledFromItsChunks() {
    ChatAnswer answer = Outcome.await(model.chat(request(true, LONG)), BOUND).answer();

    String expected = SimulatedAnswers.answer("gpt-4o-mini", "How does a circuit breaker half-open?").content();
    assertThat(answer.content()).isEqualTo(expected);
    assertThat(answer.streamed()).isTrue();
    assertThat(answer.finishReason()).isEqualTo("stop");
    assertThat(answer.defect()).isEmpty();
    assertThat(answer.completionTokens()).as("usage from the last chunk").isPositive();
    assertThat(answer.requestId()).matches("req_[0-9a-f]{32}");
  }

  @Test
  void aStreamCutMidAnswerIsAnAnswerWithTheStreamCutDefect() {
    provider.applyFaults(FaultPlan.of(1, FaultRule.of(FaultKind.STREAM_CUT)));

    ChatAnswer answer = Outcome.await(model.chat(request(true, LONG)), BOUND).answer();

    assertThat(answer.defect()).contains(FailureKind.STREAM_CUT);
    assertThat(answer.finishReason()).isNull();
    String full = SimulatedAnswers.answer("gpt-4o-mini", "How does a circuit breaker half-open?").content();
    assertThat(answer.content()).isNotEmpty().isNotEqualTo(full);
    assertThat(full).startsWith(answer.content());
  }

  @Test
  void aSlowFirstTokenStreamsAfterItsDelay() {
    provider.applyFaults(FaultPlan.of(1, FaultRule.of(FaultKind.SLOW_FIRST_TOKEN).withLatency(Latency.fixed(400))));

    ChatAnswer answer = Outcome.await(model.chat(request(true, LONG)), BOUND).answer();

    assertThat(answer.defect()).isEmpty();
    assertThat(answer.streamed()).isTrue();
    assertThat(answer.latencyMs()).isGreaterThanOrEqualTo(400);
  }

  @ParameterizedTest(name = "stream={0}")
  @ValueSource(booleans = {false, true})
  void aTimeoutFailsWithinThePerAttemptTimeoutNotTheServersHold(boolean stream) {
    provider.applyFaults(FaultPlan.of(1, FaultRule.of(FaultKind.TIMEOUT).withHoldMs(60_000L)));
    Duration timeout = Duration.ofMillis(300);
    long before = provider.requestCount();

    long start = System.nanoTime();
    Outcome outcome = Outcome.await(model.chat(request(stream, timeout)), BOUND);
    long elapsedMs = (System.nanoTime() - start) / 1_000_000;

    assertThat(outcome.failure().kind()).isEqualTo(FailureKind.TIMEOUT);
    assertThat(outcome.failure().status()).isZero();
    assertThat(elapsedMs).isGreaterThanOrEqualTo(300).isLessThan(3_000);
    assertThat(provider.requestCount() - before).isEqualTo(1);
  }

  @Test
  void aResetOnAReusedConnectionIsNotSentAgain() {
    // OkHttp's default (retryOnConnectionFailure) re-sends a request whose pooled connection is reset.
    try (var fresh = modelWithKey("sk-test-fresh-pool")) {
      Outcome.await(fresh.chat(request(false, LONG)), BOUND); // leaves a keep-alive connection in the pool
      long before = provider.requestCount();

      Outcome reset = Outcome.await(fresh.chat(forcing("reset")), BOUND);

      assertThat(reset.failure().kind()).isEqualTo(FailureKind.NETWORK);
      assertThat(provider.requestCount() - before).isEqualTo(1);
    }
  }

  @Test
  void okHttpsOwnDefaultWouldSendThatResetRequestTwice() throws Exception {
    // The counterfactual of the test above, so that it is known to be able to fail: plain OkHttp with its
    // default retryOnConnectionFailure(true) re-sends a POST whose reused connection was reset.
    var okHttp = new OkHttpClient.Builder().build();
    var url = provider.baseUrl() + "/chat/completions";
    String json = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    var body = RequestBody.create(json, MediaType.get("application/json"));
    try (var ok = okHttp.newCall(new Request.Builder().url(url).post(body).build()).execute()) {
      assertThat(ok.code()).isEqualTo(200);
      ok.body().string();
    }
    long before = provider.requestCount();

    var reset = new Request.Builder().url(url).post(body)
        .header(SimulatedChatModel.FAULT_HEADER, "reset").build();
    assertThatThrownBy(() -> okHttp.newCall(reset).execute()).isInstanceOf(IOException.class);

    assertThat(provider.requestCount() - before).isEqualTo(2);
    okHttp.dispatcher().executorService().shutdown();
    okHttp.connectionPool().evictAll();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"seconds", "millis", "both"})
  void retryAfterValuesArriveIntact(String form) {
    FaultRule rule = FaultRule.of(FaultKind.RATE_LIMIT);
    if (!form.equals("millis")) rule = rule.withRetryAfterSeconds(2L);
    if (!form.equals("seconds")) rule = rule.withRetryAfterMs(1_500L);
    provider.applyFaults(FaultPlan.of(1, rule.withShouldRetry(true)));

    LlmFailure failure = Outcome.await(model.chat(request(false, LONG)), BOUND).failure();

    assertThat(failure.kind()).isEqualTo(FailureKind.RATE_LIMITED);
    assertThat(failure.status()).isEqualTo(429);
    assertThat(failure.code()).contains("rate_limit_exceeded");
    Duration expected = form.equals("seconds") ? Duration.ofSeconds(2) : Duration.ofMillis(1_500);
    assertThat(failure.retryAfter()).contains(expected);
    assertThat(failure.headers()).containsEntry("x-should-retry", List.of("true"));
    assertThat(failure.headers().keySet()).allSatisfy(name -> assertThat(name).isLowerCase());
    assertThat(failure.requestId()).hasValueSatisfying(id -> assertThat(id).startsWith("req_"));
  }

  @Test
  void aRefusedConnectionIsANetworkFailure() {
    var gone = SimulatedProvider.start(SimulatedProvider.Options.defaults().withName("gone"));
    String baseUrl = gone.baseUrl();
    gone.close();
    try (var nowhere = OpenAiChatModel.builder().provider("gone").baseUrl(baseUrl).model("gpt-4o-mini")
        .apiKey(KEY).build()) {
      Outcome outcome = Outcome.await(nowhere.chat(request(false, LONG)), BOUND);

      assertThat(outcome.failure().kind()).isEqualTo(FailureKind.NETWORK);
      assertThat(outcome.sdkException()).isEqualTo(OpenAIIoException.class);
      assertThat(outcome.failure()).hasRootCauseInstanceOf(ConnectException.class);
    }
  }

  @Test
  void a422IsAnInvalidRequest() {
    provider.applyFaults(FaultPlan.of(1, FaultRule.of(FaultKind.BAD_REQUEST).withStatus(422)));

    Outcome outcome = Outcome.await(model.chat(request(false, LONG)), BOUND);

    assertThat(outcome.sdkException()).isEqualTo(UnprocessableEntityException.class);
    assertThat(outcome.failure().kind()).isEqualTo(FailureKind.INVALID_REQUEST);
    assertThat(outcome.failure().status()).isEqualTo(422);
  }

  @Test
  void theContextIsSentAsASystemMessage() {
    String context = "Retrieved: the breaker opens after five failures in a row.";
    var withContext = new ChatRequest("When does it open?", context, LONG, false, Map.of());

    ChatAnswer answer = Outcome.await(model.chat(withContext), BOUND).answer();

    // The provider counts 3 tokens a message plus its text: two messages went out, the user's last.
    int twoMessages = 3 + SimulatedAnswers.tokens(context) + 3 + SimulatedAnswers.tokens("When does it open?");
    assertThat(answer.promptTokens()).isEqualTo(twoMessages);
    assertThat(answer.content()).contains("When does it open?").doesNotContain("Retrieved");
  }

  @Test
  void extraHeadersAreSentAsTheyAre() {
    long before = provider.requestCount();

    Outcome outcome = Outcome.await(model.chat(forcing("service_unavailable")), BOUND);

    assertThat(outcome.failure().status()).isEqualTo(503);
    var entry = provider.journal().get(provider.journal().size() - 1);
    assertThat(entry.forced()).isTrue();
    assertThat(entry.fault()).isEqualTo(FaultKind.SERVICE_UNAVAILABLE);
    assertThat(provider.requestCount() - before).isEqualTo(1);
  }

  @Test
  void anUnknownForcedFaultIsAnInvalidRequest() {
    LlmFailure failure = Outcome.await(model.chat(forcing("gremlins")), BOUND).failure();

    assertThat(failure.kind()).isEqualTo(FailureKind.INVALID_REQUEST);
    assertThat(failure.status()).isEqualTo(400);
    assertThat(failure.code()).contains("unknown_fault_kind");
    assertThat(failure.getMessage()).contains("gremlins");
  }

  @Test
  void theCallerIsNeverBlockedWhileTheProviderThinks() {
    provider.applyFaults(FaultPlan.healthy(1).withBaseLatency(Latency.fixed(1_000)));

    long start = System.nanoTime();
    CompletableFuture<ChatAnswer> plain = model.chat(request(false, LONG));
    CompletableFuture<ChatAnswer> streamed = model.chat(request(true, LONG));
    long returnedAfterMs = (System.nanoTime() - start) / 1_000_000;

    assertThat(plain).isNotDone();
    assertThat(streamed).isNotDone();
    assertThat(returnedAfterMs).isLessThan(1_000);
    assertThat(Outcome.await(plain, BOUND).answer().latencyMs()).isGreaterThanOrEqualTo(1_000);
    assertThat(Outcome.await(streamed, BOUND).answer().defect()).isEmpty();
  }

  @ParameterizedTest(name = "after the requests arrived: {0}")
  @ValueSource(booleans = {true, false})
  void cancellingACallFreesItsConnection(boolean afterArrival) {
    // OkHttp runs at most 64 calls a host at once; a 65th waits until one of them ends.
    provider.applyFaults(FaultPlan.of(1, FaultRule.of(FaultKind.TIMEOUT).withHoldMs(120_000L)));
    long before = provider.requestCount();
    List<CompletableFuture<ChatAnswer>> held = new ArrayList<>();
    for (int i = 0; i < 64; i++) held.add(model.chat(request(false, Duration.ofSeconds(60))));
    // Running calls are cancelled through OkHttp; calls still in OkHttp's queue when they start.
    if (afterArrival) until(() -> provider.requestCount() - before == 64, BOUND);

    held.forEach(call -> call.cancel(true));
    Outcome next = Outcome.await(model.chat(forcing("ok")), Duration.ofSeconds(20));

    assertThat(next.answer().defect()).isEmpty();
    assertThat(held).allMatch(CompletableFuture::isCancelled);
  }

  /** Waits for a condition (not for time), at most {@code bound}. */
  private static void until(BooleanSupplier condition, Duration bound) {
    long deadline = System.nanoTime() + bound.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new AssertionError("not true within " + bound);
      Thread.onSpinWait();
    }
  }

  @Test
  void theApiKeyNeverAppearsInAMessageOrToString() {
    List<String> texts = new ArrayList<>();
    texts.add(model.toString());
    for (FaultKind kind : FaultKind.values()) {
      // The forced slow kinds wait 5 s by default: cut them short, as timeouts, which are failures too.
      boolean waits = kind == FaultKind.TIMEOUT || kind == FaultKind.SLOW || kind == FaultKind.SLOW_FIRST_TOKEN;
      Duration timeout = waits ? Duration.ofMillis(200) : LONG;
      for (boolean stream : new boolean[] {false, true}) {
        var headers = Map.of(SimulatedChatModel.FAULT_HEADER, kind.wireName());
        var request = new ChatRequest("hello", null, timeout, stream, headers);
        Outcome outcome = Outcome.await(model.chat(request), BOUND);
        if (!outcome.failed()) continue;
        for (Throwable t = outcome.failure(); t != null; t = t.getCause()) {
          texts.add(String.valueOf(t.getMessage()));
          texts.add(t.toString());
        }
        texts.add(outcome.failure().headers().toString());
      }
    }
    assertThat(texts).hasSizeGreaterThan(20).noneMatch(text -> text.contains(KEY));
  }

  @Test
  void aProviderThatRefusesTheKeyIsAnAuthFailure() {
    try (var guarded = SimulatedProvider.start(SimulatedProvider.Options.defaults().withName("guarded")
            .withRequiredApiKey("sk-the-right-one"));
        var wrong = OpenAiChatModel.builder().provider("guarded").baseUrl(guarded.baseUrl()).model("gpt-4o-mini")
            .apiKey(KEY).build()) {
      LlmFailure failure = Outcome.await(wrong.chat(request(false, LONG)), BOUND).failure();

      assertThat(failure.kind()).isEqualTo(FailureKind.AUTH);
      assertThat(failure.code()).contains("invalid_api_key");
      assertThat(failure.getMessage()).doesNotContain(KEY);
    }
  }

  @Test
  void modelsOfOneProviderAndKeyShareOneClientThatClosesWithTheLast() {
    int before = SdkClients.openClients();
    var a = modelWithKey("sk-test-shared");
    var b = OpenAiChatModel.builder().provider("sim").baseUrl(provider.baseUrl()).model("gpt-4o")
        .apiKey("sk-test-shared").build();
    var other = modelWithKey("sk-test-other");
    assertThat(SdkClients.openClients()).isEqualTo(before + 2);

    assertThat(Outcome.await(b.chat(request(false, LONG)), BOUND).answer().model()).isEqualTo("gpt-4o");
    a.close();
    assertThat(SdkClients.openClients()).isEqualTo(before + 2);
    b.close();
    b.close(); // twice is harmless
    other.close();
    assertThat(SdkClients.openClients()).isEqualTo(before);
  }

  @Test
  void aClosedModelRefusesCalls() {
    var closed = modelWithKey("sk-test-closed");
    closed.close();

    LlmFailure failure = Outcome.await(closed.chat(request(false, LONG)), BOUND).failure();

    assertThat(failure.getMessage()).contains("closed");
  }

  @Test
  void settingsAreCheckedWithMessagesThatNameTheRule() {
    assertThatThrownBy(() -> OpenAiChatModel.builder().baseUrl("ftp://example.com").model("m").apiKey("k").build())
        .hasMessage("baseUrl must be an http or https URL such as https://api.openai.com/v1, was ftp://example.com");
    assertThatThrownBy(() -> OpenAiChatModel.builder().baseUrl("http://127.0.0.1:1/v1").model(" ").apiKey("k").build())
        .hasMessage("model must not be empty");
    var noKey = OpenAiChatModel.builder().baseUrl("http://127.0.0.1:1/v1").model("m").apiKey(() -> null);
    assertThatThrownBy(noKey::build)
        .hasMessageContaining("apiKey must not be empty").hasMessageContaining(OpenAiChatModel.API_KEY_ENV);
  }
}
