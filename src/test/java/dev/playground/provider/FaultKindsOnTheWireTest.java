package dev.playground.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.playground.faults.FaultKind;
import dev.playground.faults.FaultPlan;
import dev.playground.faults.FaultRule;
import dev.playground.faults.Latency;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every fault kind, as a raw HTTP client sees it: status, headers and body shape. */
class FaultKindsOnTheWireTest {
  private static SimulatedProvider sim;
  private static RawClient client;

  @BeforeAll
  static void start() {
    sim = SimulatedProvider.start(SimulatedProvider.Options.defaults().withName("wire").withSeed(7));
    client = new RawClient(sim.baseUrl());
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @BeforeEach
  void healthy() {
    sim.clearFaults();
  }

  @Test
  void aHealthyAnswerHasOpenAisCompletionShapeAndNamesTheModel() throws Exception {
    HttpResponse<String> r = client.chat("gpt-4o-mini", false);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(r.headers().firstValue("x-request-id")).get().asString().matches("req_[0-9a-f]{32}");
    JsonNode body = RawClient.json(r.body());
    assertThat(body.path("object").asText()).isEqualTo("chat.completion");
    assertThat(body.path("id").asText()).startsWith("chatcmpl-");
    assertThat(body.path("model").asText()).isEqualTo("gpt-4o-mini");
    JsonNode choice = body.path("choices").get(0);
    assertThat(choice.path("message").path("role").asText()).isEqualTo("assistant");
    assertThat(choice.path("message").path("content").asText()).startsWith("[gpt-4o-mini] (simulated)");
    assertThat(choice.path("finish_reason").asText()).isEqualTo("stop");
    JsonNode usage = body.path("usage");
    assertThat(usage.path("total_tokens").asInt())
        .isEqualTo(usage.path("prompt_tokens").asInt() + usage.path("completion_tokens").asInt())
        .isPositive();
  }

  @Test
  void theSamePromptGetsTheSameAnswerAndEveryAnswerItsOwnRequestId() throws Exception {
    HttpResponse<String> a = client.chat("gpt-4o", false);
    HttpResponse<String> b = client.chat("gpt-4o", false);

    assertThat(content(a)).isEqualTo(content(b));
    assertThat(a.headers().firstValue("x-request-id")).isNotEqualTo(b.headers().firstValue("x-request-id"));
  }

  @ParameterizedTest(name = "{0} → {1} {2}/{3}")
  @CsvSource(nullValues = "null", value = {
      "rate_limit,          429, requests,              rate_limit_exceeded,                 null",
      "server_error,        500, server_error,          null,                                null",
      "bad_gateway,         502, cf_bad_gateway,        502,                                 null",
      "service_unavailable, 503, server_error,          null,                                null",
      "gateway_timeout,     504, cf_gateway_timeout,    504,                                 null",
      "overloaded,          529, overloaded_error,      null,                                null",
      "context_length,      400, invalid_request_error, context_length_exceeded,             messages",
      "unauthorized,        401, invalid_request_error, invalid_api_key,                     null",
      "forbidden,           403, request_forbidden,     unsupported_country_region_territory, null",
      "model_not_found,     404, invalid_request_error, model_not_found,                     null",
      "bad_request,         400, invalid_request_error, null,                                null"})
  void everyErrorKindAnswersWithItsStatusAndOpenAisErrorObject(
      String kind, int status, String type, String code, String param) throws Exception {
    HttpResponse<String> r = client.chat("gpt-4o-mini", false, "X-Playground-Fault", kind);

    assertThat(r.statusCode()).isEqualTo(status);
    assertThat(r.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(r.headers().firstValue("x-request-id")).get().asString().startsWith("req_");
    assertThat(r.headers().firstValue("x-playground-fault")).hasValue(kind);
    JsonNode error = RawClient.json(r.body()).path("error");
    assertThat(error.isObject()).isTrue();
    assertThat(error.path("message").asText()).isNotBlank();
    assertThat(error.path("type").asText()).isEqualTo(type);
    assertThat(error.has("param")).isTrue();
    assertThat(error.has("code")).isTrue();
    assertThat(error.path("code").isNull() ? null : error.path("code").asText()).isEqualTo(code);
    assertThat(error.path("param").isNull() ? null : error.path("param").asText()).isEqualTo(param);
  }

  @Test
  void aRateLimitCarriesTheRetryHeadersItsRuleAsksFor() throws Exception {
    sim.applyFaults(FaultPlan.of(1, FaultRule.of(FaultKind.RATE_LIMIT).withRetryAfterSeconds(7L)
        .withRetryAfterMs(6500L).withShouldRetry(true)));

    HttpResponse<String> r = client.chat("gpt-4o-mini", false);

    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(r.headers().firstValue("retry-after")).hasValue("7");
    assertThat(r.headers().firstValue("retry-after-ms")).hasValue("6500");
    assertThat(r.headers().firstValue("x-should-retry")).hasValue("true");
    assertThat(r.headers().firstValue("x-ratelimit-remaining-requests")).hasValue("0");
  }

  @Test
  void aForcedRateLimitSaysRetryAfterOneSecondAndNoOtherRetryHeader() throws Exception {
    HttpResponse<String> r = client.chat("gpt-4o-mini", false, "X-Playground-Fault", "rate_limit");

    assertThat(r.headers().firstValue("retry-after")).hasValue("1");
    assertThat(r.headers().firstValue("retry-after-ms")).isEmpty();
    assertThat(r.headers().firstValue("x-should-retry")).isEmpty();
  }

  @Test
  void aServerErrorCanTakeAnotherFiveHundredStatusAndAShouldRetryHeader() throws Exception {
    sim.applyFaults(FaultPlan.of(1, FaultRule.of(FaultKind.SERVER_ERROR).withStatus(599).withShouldRetry(false)));

    HttpResponse<String> r = client.chat("gpt-4o-mini", false);

    assertThat(r.statusCode()).isEqualTo(599);
    assertThat(r.headers().firstValue("x-should-retry")).hasValue("false");
  }

  @Test
  void emptyBodyIsATwoHundredWithNothingInIt() throws Exception {
    HttpResponse<String> r = client.chat("gpt-4o-mini", false, "X-Playground-Fault", "empty_body");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-length")).hasValue("0");
    assertThat(r.body()).isEmpty();
  }

  @Test
  void malformedJsonIsATwoHundredWhoseBodyDoesNotParse() throws Exception {
    HttpResponse<String> r = client.chat("gpt-4o-mini", false, "X-Playground-Fault", "malformed_json");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).startsWith("{\"id\":\"chatcmpl-");
    assertThatThrownBy(() -> RawClient.json(r.body())).isInstanceOf(JsonProcessingException.class);
  }

  @Test
  void emptyContentLengthAndContentFilterAreWellFormedButBadAnswers() throws Exception {
    String full = content(client.chat("gpt-4o-mini", false));

    JsonNode empty = choice(client.chat("gpt-4o-mini", false, "X-Playground-Fault", "empty_content"));
    JsonNode length = choice(client.chat("gpt-4o-mini", false, "X-Playground-Fault", "length"));
    JsonNode filtered = choice(client.chat("gpt-4o-mini", false, "X-Playground-Fault", "content_filter"));

    assertThat(empty.path("message").path("content").asText()).isEmpty();
    assertThat(empty.path("finish_reason").asText()).isEqualTo("stop");
    assertThat(length.path("finish_reason").asText()).isEqualTo("length");
    assertThat(full).startsWith(length.path("message").path("content").asText());
    assertThat(length.path("message").path("content").asText()).isNotEmpty().isNotEqualTo(full);
    assertThat(filtered.path("finish_reason").asText()).isEqualTo("content_filter");
  }

  @Test
  void maxCompletionTokensCutsTheAnswerWithFinishReasonLength() throws Exception {
    String body = "{\"model\":\"m\",\"max_completion_tokens\":3,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    JsonNode answer = RawClient.json(client.chat(body).body());

    assertThat(answer.path("choices").get(0).path("finish_reason").asText()).isEqualTo("length");
    assertThat(answer.path("usage").path("completion_tokens").asInt()).isEqualTo(3);
  }

  @Test
  void resetClosesTheConnectionWithoutAnAnswer() {
    assertThatThrownBy(() -> client.chat("gpt-4o-mini", false, "X-Playground-Fault", "reset"))
        .isInstanceOf(IOException.class)
        .isNotInstanceOf(HttpTimeoutException.class);
  }

  @Test
  void aDelayedResetAlsoClosesTheConnectionWithoutAnAnswer() {
    sim.applyFaults(FaultPlan.of(1, FaultRule.of(FaultKind.RESET).withLatency(Latency.fixed(50))));

    assertThatThrownBy(() -> client.chat("gpt-4o-mini", false))
        .isInstanceOf(IOException.class)
        .isNotInstanceOf(HttpTimeoutException.class);
  }

  @Test
  void aPlainStreamCutSendsHalfTheAnnouncedBodyAndCloses() {
    assertThatThrownBy(() -> client.chat("gpt-4o-mini", false, "X-Playground-Fault", "stream_cut"))
        .isInstanceOf(IOException.class)
        .isNotInstanceOf(HttpTimeoutException.class);
  }

  @Test
  void aTimeoutAnswersNothingUntilTheClientGivesUp() {
    var request = client.chatRequest(RawClient.chatBody("gpt-4o-mini", "hi", false), "X-Playground-Fault", "timeout")
        .timeout(Duration.ofMillis(300)).build();
    long t0 = System.nanoTime();

    assertThatThrownBy(() -> client.http.send(request, HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(HttpTimeoutException.class);
    assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(300);
  }

  @Test
  void aTimeoutClosesTheConnectionAfterItsHold() {
    sim.applyFaults(FaultPlan.of(1, FaultRule.of(FaultKind.TIMEOUT).withHoldMs(200L)));
    long t0 = System.nanoTime();

    assertThatThrownBy(() -> client.chat("gpt-4o-mini", false))
        .isInstanceOf(IOException.class)
        .isNotInstanceOf(HttpTimeoutException.class);
    assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(200);
  }

  @Test
  void slowAnswersNormallyAfterItsLatency() throws Exception {
    sim.applyFaults(FaultPlan.of(1, FaultRule.of(FaultKind.SLOW).withLatency(Latency.fixed(250))));
    long t0 = System.nanoTime();

    HttpResponse<String> r = client.chat("gpt-4o-mini", false);

    assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(250);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("openai-processing-ms")).hasValue("250");
  }

  @Test
  void anInvalidBodyGetsOpenAisFourHundreds() throws Exception {
    HttpResponse<String> notJson = client.chat("{not json");
    HttpResponse<String> noModel = client.chat("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    HttpResponse<String> noMessages = client.chat("{\"model\":\"m\"}");

    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(notJson.body()).contains("could not parse the JSON body");
    assertThat(noModel.statusCode()).isEqualTo(400);
    assertThat(noModel.body()).contains("you must provide a model parameter");
    assertThat(RawClient.json(noMessages.body()).path("error").path("code").asText())
        .isEqualTo("missing_required_parameter");
  }

  @Test
  void anUnknownForcedKindIsRefusedNamingTheKindsThatExist() throws Exception {
    HttpResponse<String> r = client.chat("gpt-4o-mini", false, "X-Playground-Fault", "rate_limited");

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(RawClient.json(r.body()).path("error").path("message").asText())
        .isEqualTo("X-Playground-Fault \"rate_limited\" is not a fault kind; use one of " + FaultKind.allowedNames());
  }

  @Test
  void modelsListsTheConfiguredModelsAndUnknownPathsGetInvalidUrl() throws Exception {
    JsonNode models = RawClient.json(client.get("/v1/models").body());
    HttpResponse<String> unknown = client.send("POST", "/v1/embeddings", "{}");

    assertThat(models.path("object").asText()).isEqualTo("list");
    assertThat(models.path("data").findValuesAsText("id")).containsExactlyElementsOf(
        SimulatedProvider.Options.DEFAULT_MODELS);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("x-request-id")).get().asString().matches("req_[0-9a-f]{32}");
    assertThat(unknown.body()).contains("Invalid URL (POST /v1/embeddings)");
  }

  @Test
  void everyKindIsCoveredByTheseTests() {
    // a new kind must get a wire test here (and rows in docs/reference/fault-plans.md and failure-taxonomy.md)
    assertThat(FaultKind.values()).hasSize(22);
    assertThat(List.of(FaultKind.values())).extracting(FaultKind::wireName).contains("overloaded", "stream_cut");
  }

  private static String content(HttpResponse<String> r) throws IOException {
    return choice(r).path("message").path("content").asText();
  }

  private static JsonNode choice(HttpResponse<String> r) throws IOException {
    assertThat(r.statusCode()).isEqualTo(200);
    return RawClient.json(r.body()).path("choices").get(0);
  }
}
