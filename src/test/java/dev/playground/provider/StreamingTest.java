package dev.playground.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.playground.faults.FaultKind;
import dev.playground.faults.FaultPlan;
import dev.playground.faults.FaultRule;
import dev.playground.faults.Latency;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code stream: true}: server-sent chunks in OpenAI's shape, and the ways a stream breaks. */
class StreamingTest {
  private static SimulatedProvider sim;
  private static RawClient client;

  @BeforeAll
  static void start() {
    sim = SimulatedProvider.start(SimulatedProvider.Options.defaults().withName("stream"));
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

  private static String withUsage(String model) {
    return "{\"model\":\"" + model + "\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
        + "\"messages\":[{\"role\":\"user\",\"content\":\"What is a circuit breaker?\"}]}";
  }

  private static List<JsonNode> chunks(List<String> events) throws JsonProcessingException {
    List<JsonNode> out = new ArrayList<>();
    for (String e : events) if (!e.equals("[DONE]")) out.add(RawClient.JSON.readTree(e));
    return out;
  }

  private static String text(List<JsonNode> chunks) {
    StringBuilder b = new StringBuilder();
    for (JsonNode c : chunks)
      for (JsonNode choice : c.path("choices")) b.append(choice.path("delta").path("content").asText(""));
    return b.toString();
  }

  @Test
  void aStreamSendsTheRoleThenTheContentThenTheFinishThenUsageThenDone() throws Exception {
    HttpResponse<String> r = client.chat(withUsage("gpt-4o-mini"));

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type")).hasValue("text/event-stream; charset=utf-8");
    assertThat(r.headers().firstValue("x-request-id")).get().asString().startsWith("req_");
    List<String> events = RawClient.events(r.body());
    assertThat(events.get(events.size() - 1)).isEqualTo("[DONE]");
    List<JsonNode> chunks = chunks(events);
    JsonNode first = chunks.get(0);
    assertThat(first.path("object").asText()).isEqualTo("chat.completion.chunk");
    assertThat(first.path("choices").get(0).path("delta").path("role").asText()).isEqualTo("assistant");
    assertThat(first.has("usage")).as("usage is null on every chunk but the last").isTrue();
    JsonNode finish = chunks.get(chunks.size() - 2);
    assertThat(finish.path("choices").get(0).path("finish_reason").asText()).isEqualTo("stop");
    assertThat(finish.path("choices").get(0).path("delta").size()).isZero();
    JsonNode usage = chunks.get(chunks.size() - 1);
    assertThat(usage.path("choices").size()).isZero();
    assertThat(usage.path("usage").path("completion_tokens").asInt()).isEqualTo(chunks.size() - 3);
    for (JsonNode c : chunks.subList(1, chunks.size() - 2))
      assertThat(c.path("choices").get(0).path("finish_reason").isNull()).isTrue();
    assertThat(chunks).extracting(c -> c.path("id").asText()).containsOnly(first.path("id").asText());
  }

  @Test
  void theStreamedTextIsThePlainAnswersText() throws Exception {
    String plain = RawClient.json(client.chat("gpt-4o", false).body())
        .path("choices").get(0).path("message").path("content").asText();

    List<JsonNode> chunks = chunks(RawClient.events(client.chat("gpt-4o", true).body()));

    assertThat(text(chunks)).isEqualTo(plain);
    assertThat(chunks.get(chunks.size() - 1).has("usage")).as("no usage unless asked for").isFalse();
  }

  @Test
  void aCutStreamStopsMidAnswerWithoutAFinishReasonOrDone() throws Exception {
    String full = text(chunks(RawClient.events(client.chat("gpt-4o", true).body())));

    HttpResponse<String> r = client.chat("gpt-4o", true, "X-Playground-Fault", "stream_cut");

    assertThat(r.statusCode()).isEqualTo(200);
    List<String> events = RawClient.events(r.body());
    assertThat(events).doesNotContain("[DONE]").hasSizeGreaterThan(2);
    List<JsonNode> chunks = chunks(events);
    assertThat(chunks).allSatisfy(c -> assertThat(c.path("choices").get(0).path("finish_reason").isNull()).isTrue());
    assertThat(full).startsWith(text(chunks));
    assertThat(text(chunks)).isNotEmpty().isNotEqualTo(full);
  }

  @Test
  void aMalformedStreamHasAChunkThatIsNotJsonAndStillEndsWithDone() throws Exception {
    List<String> events = RawClient.events(client.chat("gpt-4o", true, "X-Playground-Fault", "malformed_json").body());

    assertThat(events.get(events.size() - 1)).isEqualTo("[DONE]");
    assertThatThrownBy(() -> chunks(events)).isInstanceOf(JsonProcessingException.class);
  }

  @Test
  void lengthAndContentFilterEndTheStreamWithTheirFinishReason() throws Exception {
    List<JsonNode> length = chunks(RawClient.events(client.chat("m", true, "X-Playground-Fault", "length").body()));
    List<JsonNode> filter = chunks(RawClient.events(client.chat("m", true, "X-Playground-Fault", "content_filter").body()));
    List<JsonNode> empty = chunks(RawClient.events(client.chat("m", true, "X-Playground-Fault", "empty_content").body()));

    assertThat(length.get(length.size() - 1).path("choices").get(0).path("finish_reason").asText()).isEqualTo("length");
    assertThat(filter.get(filter.size() - 1).path("choices").get(0).path("finish_reason").asText())
        .isEqualTo("content_filter");
    assertThat(text(empty)).isEmpty();
    assertThat(empty.get(empty.size() - 1).path("choices").get(0).path("finish_reason").asText()).isEqualTo("stop");
  }

  @Test
  void anErrorOnAStreamingRequestIsAPlainJsonError() throws Exception {
    HttpResponse<String> r = client.chat("m", true, "X-Playground-Fault", "rate_limit");

    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(r.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(RawClient.json(r.body()).path("error").path("code").asText()).isEqualTo("rate_limit_exceeded");
  }

  @Test
  void slowFirstTokenSendsTheHeadersAtOnceAndTheFirstChunkAfterItsLatency() throws Exception {
    sim.applyFaults(FaultPlan.of(1, FaultRule.of(FaultKind.SLOW_FIRST_TOKEN).withLatency(Latency.fixed(600))));
    long t0 = System.nanoTime();

    HttpResponse<InputStream> r = client.http.sendAsync(
        client.chatRequest(RawClient.chatBody("m", "hi", true)).build(), HttpResponse.BodyHandlers.ofInputStream())
        .get(10, TimeUnit.SECONDS);
    long headersMs = (System.nanoTime() - t0) / 1_000_000;
    String firstLine;
    try (var reader = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
      firstLine = reader.readLine();
      long firstChunkMs = (System.nanoTime() - t0) / 1_000_000;

      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(headersMs).isLessThan(400);
      assertThat(firstChunkMs).isGreaterThanOrEqualTo(600);
      assertThat(firstLine).startsWith("data: {");
    }
  }

  @Test
  void pacedChunksArriveApartButCompleteAndInOrder() throws Exception {
    try (var paced = SimulatedProvider.start(SimulatedProvider.Options.defaults().withStreamChunkDelayMs(5))) {
      var pacedClient = new RawClient(paced.baseUrl());
      long t0 = System.nanoTime();

      List<String> events = RawClient.events(pacedClient.chat("gpt-4o", true).body());

      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertThat(events.get(events.size() - 1)).isEqualTo("[DONE]");
      assertThat(ms).isGreaterThanOrEqualTo(5L * (events.size() - 2));
      assertThat(text(chunks(events))).isEqualTo(text(chunks(RawClient.events(client.chat("gpt-4o", true).body()))));
    }
  }
}
