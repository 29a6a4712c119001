package dev.playground.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.playground.faults.FaultKind;
import dev.playground.faults.FaultPlan;
import dev.playground.faults.FaultRule;
import dev.playground.faults.Latency;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The chaos proxy in front of a second simulated provider that demands a canary key: what the plan lets
 * through reaches the upstream with the key; faults are answered in front; the key shows up nowhere else.
 */
class ChaosProxyTest {
  private static final String CANARY = "sk-canary-7f3a9c21e5b04d68";

  private final ByteArrayOutputStream output = new ByteArrayOutputStream();
  private final List<String> seen = new ArrayList<>(); // every body and header value a client got
  private PrintStream out;
  private PrintStream err;
  private SimulatedProvider upstream;
  private SimulatedProvider proxy;
  private RawClient client;

  @BeforeEach
  void start() {
    out = System.out;
    err = System.err;
    var tee = new PrintStream(output, true, StandardCharsets.UTF_8);
    System.setOut(tee);
    System.setErr(tee);
    upstream = SimulatedProvider.start(SimulatedProvider.Options.defaults().withName("upstream")
        .withRequiredApiKey(CANARY));
    proxy = SimulatedProvider.start(SimulatedProvider.Options.defaults().withName("proxy")
        .withUpstream(URI.create(upstream.baseUrl())).withApiKey(() -> CANARY));
    client = new RawClient(proxy.baseUrl());
  }

  @AfterEach
  void stop() throws Exception {
    proxy.close();
    upstream.close();
    System.setOut(out);
    System.setErr(err);
    for (var sim : List.of(proxy, upstream))
      seen.add(sim.journal().toString() + sim.options() + sim.faults());
    assertThat(String.join("\n", seen)).doesNotContain(CANARY);
    assertThat(output.toString(StandardCharsets.UTF_8)).doesNotContain(CANARY);
  }

  private HttpResponse<String> record(HttpResponse<String> r) {
    seen.add(r.body());
    seen.add(r.headers().map().toString());
    return r;
  }

  @Test
  void aHealthyRequestGoesUpstreamWithTheKeyAndComesBackAsItWas() throws Exception {
    HttpResponse<String> r = record(client.chat("gpt-4o-mini", false)); // the client's own key is "sk-test"

    assertThat(r.statusCode()).as("the upstream accepted the canary key").isEqualTo(200);
    assertThat(RawClient.json(r.body()).path("choices").get(0).path("message").path("content").asText())
        .startsWith("[gpt-4o-mini] (simulated)");
    assertThat(r.headers().firstValue("x-request-id")).hasValue(proxy.journal().get(0).requestId());
    assertThat(r.headers().firstValue("x-upstream-request-id")).hasValue(upstream.journal().get(0).requestId());
    assertThat(upstream.requestCount()).isEqualTo(1);
    JournalEntry atProxy = proxy.journal().get(0);
    assertThat(atProxy.forwarded()).isTrue();
    assertThat(atProxy.status()).isEqualTo(200);
  }

  @Test
  void aStreamIsPassedOnWholeWithItsDone() throws Exception {
    HttpResponse<String> r = record(client.chat(RawClient.chatBody("gpt-4o", "hi", true)));

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type")).hasValue("text/event-stream; charset=utf-8");
    List<String> events = RawClient.events(r.body());
    assertThat(events.get(events.size() - 1)).isEqualTo("[DONE]");
    assertThat(events.size()).isGreaterThan(5);
  }

  @Test
  void faultsAreAnsweredInFrontAndNeverReachTheUpstream() throws Exception {
    proxy.applyFaults(FaultPlan.of(1, FaultRule.sequence(List.of(FaultKind.RATE_LIMIT, FaultKind.OK), false)));

    HttpResponse<String> limited = record(client.chat("gpt-4o-mini", false));
    HttpResponse<String> passed = record(client.chat("gpt-4o-mini", false));
    HttpResponse<String> forced = record(client.chat("gpt-4o-mini", false, "X-Playground-Fault", "server_error"));

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("retry-after")).hasValue("1");
    assertThat(passed.statusCode()).isEqualTo(200);
    assertThat(forced.statusCode()).isEqualTo(500);
    assertThat(upstream.requestCount()).isEqualTo(1);
    assertThat(proxy.requestCount()).isEqualTo(3);
  }

  @Test
  void aSlowRequestIsForwardedAfterItsDelay() throws Exception {
    proxy.applyFaults(FaultPlan.of(1, FaultRule.of(FaultKind.SLOW).withLatency(Latency.fixed(300))));
    long t0 = System.nanoTime();

    HttpResponse<String> r = record(client.chat("gpt-4o-mini", false));

    assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(300);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(upstream.requestCount()).isEqualTo(1);
  }

  @Test
  void theUpstreamsOwnErrorsComeBackAsTheyWere() throws Exception {
    upstream.applyFaults(FaultPlan.of(1, FaultRule.of(FaultKind.SERVICE_UNAVAILABLE).withRetryAfterMs(2500L)));

    HttpResponse<String> r = record(client.chat("gpt-4o-mini", false));

    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.headers().firstValue("retry-after-ms")).hasValue("2500");
    assertThat(RawClient.json(r.body()).path("error").path("type").asText()).isEqualTo("server_error");
    assertThat(proxy.journal().get(0).status()).isEqualTo(503);
  }

  @Test
  void otherPathsAreForwardedToo() throws Exception {
    HttpResponse<String> models = record(client.get("/v1/models"));

    assertThat(models.statusCode()).isEqualTo(200);
    assertThat(RawClient.json(models.body()).path("data").findValuesAsText("id")).contains("gpt-4o-mini");
  }

  @Test
  void withoutAKeyOfItsOwnTheClientsKeyGoesThroughAndTheUpstreamJudgesIt() throws Exception {
    try (var keyless = SimulatedProvider.start(SimulatedProvider.Options.defaults()
        .withUpstream(URI.create(upstream.baseUrl())).withApiKey(() -> null))) {
      var c = new RawClient(keyless.baseUrl());

      HttpResponse<String> wrong = record(c.chat("m", false));
      HttpResponse<String> right = c.chat(RawClient.chatBody("m", "hi", false), "Authorization", "Bearer " + CANARY);

      assertThat(wrong.statusCode()).isEqualTo(401);
      assertThat(right.statusCode()).isEqualTo(200);
      seen.add(keyless.journal().toString());
    }
  }

  @Test
  void anUnreachableUpstreamIsABadGatewayThatDoesNotQuoteTheKey() throws Exception {
    upstream.close();

    HttpResponse<String> r = record(client.chat("gpt-4o-mini", false));

    assertThat(r.statusCode()).isEqualTo(502);
    JsonNode error = RawClient.json(r.body()).path("error");
    assertThat(error.path("message").asText()).startsWith("upstream unreachable: ");
    assertThat(error.path("code").asText()).isEqualTo("upstream_unreachable");
    assertThat(proxy.journal().get(0).status()).isEqualTo(502);
    JsonNode admin = RawClient.json(record(client.get("/__admin/requests")).body());
    assertThat(admin.path("requests").get(0).path("forwarded").asBoolean()).isTrue();
    record(client.get("/__admin/faults"));
  }

  @Test
  void keysAreRedactedFromAnyMessage() {
    assertThat(ChaosProxy.redact("bad header value Bearer " + CANARY + " here", CANARY))
        .isEqualTo("bad header value Bearer [redacted] here");
    assertThat(ChaosProxy.redact(null, CANARY)).isEqualTo("no detail");
  }
}
