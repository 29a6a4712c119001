package dev.playground.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.InternalServerException;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.RateLimitException;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.playground.faults.FaultKind;
import java.io.IOException;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * With the real openai-java client and its retries off, one call is exactly one request at the server, for
 * every fault kind, plain and streamed, on a fresh or a reused connection: OkHttp must not re-send anything
 * (openai-java builds its OkHttp client with retryOnConnectionFailure off).
 */
class SdkOneCallOneRequestTest {
  private static SimulatedProvider sim;
  private static OpenAIClient sdk;

  @BeforeAll
  static void start() {
    sim = SimulatedProvider.start(SimulatedProvider.Options.defaults().withName("sdk"));
    sdk = OpenAIOkHttpClient.builder().baseUrl(sim.baseUrl()).apiKey("sk-test").maxRetries(0)
        .timeout(Duration.ofMillis(1500)).build();
  }

  @AfterAll
  static void stop() {
    sdk.close();
    sim.close();
  }

  private static ChatCompletionCreateParams params(FaultKind kind) {
    return ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage("hi")
        .putAdditionalHeader("X-Playground-Fault", kind.wireName()).build();
  }

  private static Throwable plainCall(FaultKind kind) {
    return catchThrowable(() -> sdk.chat().completions().create(params(kind)));
  }

  private static Throwable streamedCall(FaultKind kind) {
    return catchThrowable(() -> {
      try (var stream = sdk.chat().completions().createStreaming(params(kind))) {
        stream.stream().forEach(chunk -> {});
      }
    });
  }

  @ParameterizedTest
  @EnumSource(value = FaultKind.class, mode = EnumSource.Mode.EXCLUDE, names = {"SLOW", "SLOW_FIRST_TOKEN"})
  void aPlainCallOnAReusedConnectionIsExactlyOneRequest(FaultKind kind) {
    assertThat(plainCall(FaultKind.OK)).isNull(); // leaves a kept-alive connection in OkHttp's pool
    long before = sim.requestCount();

    plainCall(kind);

    assertThat(sim.requestCount() - before).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(value = FaultKind.class, mode = EnumSource.Mode.EXCLUDE, names = {"SLOW", "SLOW_FIRST_TOKEN"})
  void aStreamedCallIsExactlyOneRequest(FaultKind kind) {
    long before = sim.requestCount();

    streamedCall(kind);

    assertThat(sim.requestCount() - before).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(value = FaultKind.class, names = {"RESET", "STREAM_CUT", "TIMEOUT"})
  void connectionFailuresOnAFreshClientAreOneRequestToo(FaultKind kind) {
    OpenAIClient fresh = OpenAIOkHttpClient.builder().baseUrl(sim.baseUrl()).apiKey("sk-test").maxRetries(0)
        .timeout(Duration.ofMillis(800)).build();
    long before = sim.requestCount();

    Throwable failure = catchThrowable(() -> fresh.chat().completions().create(params(kind)));

    fresh.close();
    assertThat(failure).isNotNull();
    assertThat(sim.requestCount() - before).isEqualTo(1);
  }

  @Test
  void theSdkReadsTheRetryAfterAndTheCodesOfOurErrors() {
    Throwable rateLimited = plainCall(FaultKind.RATE_LIMIT);
    Throwable badGateway = plainCall(FaultKind.BAD_GATEWAY);
    Throwable notFound = plainCall(FaultKind.MODEL_NOT_FOUND);

    assertThat(rateLimited).isInstanceOf(RateLimitException.class);
    assertThat(((RateLimitException) rateLimited).headers().values("retry-after")).containsExactly("1");
    assertThat(((RateLimitException) rateLimited).code()).hasValue("rate_limit_exceeded");
    assertThat(badGateway).isInstanceOf(InternalServerException.class);
    assertThat(((OpenAIServiceException) badGateway).statusCode()).isEqualTo(502);
    assertThat(((OpenAIServiceException) badGateway).type()).hasValue("cf_bad_gateway");
    // like the real edge's 502/504, the code is a number, which the SDK's typed accessor refuses: callers
    // must read body() or guard code()
    assertThatThrownBy(() -> ((OpenAIServiceException) badGateway).code())
        .isInstanceOf(OpenAIInvalidDataException.class);
    assertThat(((OpenAIServiceException) badGateway).body().toString()).contains("502");
    assertThat(((OpenAIServiceException) notFound).code()).hasValue("model_not_found");
  }

  /**
   * Why the SDK's own OkHttp setting matters: OkHttp left at its default (retryOnConnectionFailure on) takes a
   * connection closed without an answer on a reused connection for a stale one, and silently sends the request
   * again. No server can tell such a client apart from a stale connection without answering something, which
   * would no longer be a reset; openai-java turns the setting off.
   */
  @Test
  void plainOkHttpWithItsDefaultRetriesResendsAResetRequestOnAReusedConnection() throws Exception {
    long withDefault = resetRequests(new OkHttpClient.Builder().build());
    long withoutRetries = resetRequests(new OkHttpClient.Builder().retryOnConnectionFailure(false).build());

    assertThat(withDefault).isEqualTo(2);
    assertThat(withoutRetries).isEqualTo(1);
  }

  private static long resetRequests(OkHttpClient client) throws Exception {
    var json = MediaType.get("application/json");
    var body = RequestBody.create("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", json);
    var request = new Request.Builder().url(sim.baseUrl() + "/chat/completions").post(body);
    try (var ok = client.newCall(request.build()).execute()) {
      ok.body().string(); // the connection goes back to the pool
    }
    long before = sim.requestCount();
    assertThat(catchThrowable(() -> client.newCall(request.header("X-Playground-Fault", "reset").build()).execute()))
        .isInstanceOf(IOException.class);
    client.connectionPool().evictAll();
    return sim.requestCount() - before;
  }
}
