package dev.playground.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.playground.faults.FaultKind;
import dev.playground.faults.FaultPlan;
import dev.playground.faults.FaultPlans;
import dev.playground.faults.FaultRule;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin API: read, apply and clear plans, read the journal; loopback clients only. */
class AdminApiTest {
  private SimulatedProvider sim;
  private RawClient client;

  @BeforeEach
  void start() {
    sim = SimulatedProvider.start(SimulatedProvider.Options.defaults().withName("admin"));
    client = new RawClient(sim.baseUrl());
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void putAppliesAPlanAtOnceAndGetShowsIt() throws Exception {
    List<FaultPlan> heard = new ArrayList<>();
    sim.onFaultsChanged(heard::add);

    HttpResponse<String> put = client.send("PUT", "/__admin/faults",
        "{\"seed\": 4, \"rules\": [{\"kind\": \"rate_limit\", \"retry_after_s\": 3}]}");
    HttpResponse<String> chat = client.chat("m", false);
    HttpResponse<String> get = client.get("/__admin/faults");

    assertThat(put.statusCode()).isEqualTo(200);
    assertThat(chat.statusCode()).isEqualTo(429);
    assertThat(chat.headers().firstValue("retry-after")).hasValue("3");
    assertThat(FaultPlans.parse(get.body())).isEqualTo(sim.faults()).isEqualTo(FaultPlans.parse(put.body()));
    assertThat(heard).containsExactly(sim.faults());
  }

  @Test
  void aBadPlanGetsAFourHundredWithTheMessageAndThePlanInForceStays() throws Exception {
    sim.applyFaults(FaultPlan.of(1, FaultRule.of(FaultKind.SERVER_ERROR)));

    HttpResponse<String> put = client.send("PUT", "/__admin/faults",
        "{\"rules\": [{\"kind\": \"ok\"}, {\"kind\": \"rate_limit\", \"probability\": 1.5}]}");
    HttpResponse<String> unknown = client.send("PUT", "/__admin/faults", "{\"rules\": [{\"kind\": \"rate_limited\"}]}");
    HttpResponse<String> broken = client.send("PUT", "/__admin/faults", "{\"rules\": [");

    assertThat(put.statusCode()).isEqualTo(400);
    JsonNode error = RawClient.json(put.body()).path("error");
    assertThat(error.path("message").asText()).isEqualTo("rules[1].probability must be in [0, 1], was 1.5");
    assertThat(error.path("param").asText()).isEqualTo("rules[1].probability");
    assertThat(error.path("code").asText()).isEqualTo("invalid_fault_plan");
    assertThat(RawClient.json(unknown.body()).path("error").path("message").asText())
        .startsWith("rules[0].kind \"rate_limited\" is not a fault kind; use one of ok, rate_limit");
    assertThat(broken.statusCode()).isEqualTo(400);
    assertThat(broken.body()).contains("not valid JSON");
    assertThat(sim.faults()).isEqualTo(FaultPlan.of(1, FaultRule.of(FaultKind.SERVER_ERROR)));
    assertThat(client.chat("m", false).statusCode()).isEqualTo(500);
  }

  @Test
  void aPlanOfAMegabyteOrMoreGetsA413InOpenAisShapeAndThePlanInForceStays() throws Exception {
    FaultPlan before = FaultPlan.of(1, FaultRule.of(FaultKind.SERVER_ERROR));
    sim.applyFaults(before);
    for (int size : new int[] {FaultPlans.MAX_PLAN_BYTES + 1, 2 * 1024 * 1024, 20 * 1024 * 1024}) {
      String body = "{\"rules\": [], \"pad\": \"" + "x".repeat(size) + "\"}";

      HttpResponse<String> put = client.send("PUT", "/__admin/faults", body);

      assertThat(put.statusCode()).as(size + " bytes").isEqualTo(413);
      JsonNode error = RawClient.json(put.body()).path("error");
      assertThat(error.path("message").asText())
          .isEqualTo("the request body is larger than 1 MiB (1048576 bytes), the most the admin API takes");
      assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
      assertThat(error.path("code").asText()).isEqualTo("request_too_large");
    }
    assertThat(sim.faults()).isEqualTo(before);
    assertThat(client.get("/__admin/faults").statusCode()).as("the server goes on").isEqualTo(200);
  }

  @Test
  void aRuleForTheEnginesRetrieverIsRefusedByAProvider() throws Exception {
    HttpResponse<String> put = client.send("PUT", "/__admin/faults",
        "{\"rules\": [{\"kind\": \"server_error\", \"target\": \"retriever\"}]}");

    assertThat(put.statusCode()).isEqualTo(400);
    assertThat(RawClient.json(put.body()).path("error").path("message").asText()).isEqualTo("rules[0].target must be "
        + "chat in a provider's plan (retriever and cache rules go in the engine's plan), was \"retriever\"");
    assertThat(sim.faults().isHealthy()).isTrue();
  }

  @Test
  void deleteMakesTheProviderHealthyAgain() throws Exception {
    sim.applyFaults(FaultPlan.of(9, FaultRule.of(FaultKind.SERVER_ERROR)));

    HttpResponse<String> delete = client.send("DELETE", "/__admin/faults", null);

    assertThat(delete.statusCode()).isEqualTo(200);
    assertThat(sim.faults()).isEqualTo(FaultPlan.healthy(9));
    assertThat(client.chat("m", false).statusCode()).isEqualTo(200);
  }

  @Test
  void requestsListsTheLatestRequestsNewestLast() throws Exception {
    client.chat("a", false);
    client.chat("b", true, "X-Playground-Fault", "rate_limit");
    client.chat("c", false);

    JsonNode all = RawClient.json(client.get("/__admin/requests").body());
    JsonNode last2 = RawClient.json(client.get("/__admin/requests?limit=2").body());

    assertThat(all.path("total").asLong()).isEqualTo(3);
    assertThat(all.path("kept").asInt()).isEqualTo(1000);
    assertThat(all.path("requests").findValuesAsText("model")).containsExactly("a", "b", "c");
    JsonNode b = all.path("requests").get(1);
    assertThat(b.path("fault").asText()).isEqualTo("rate_limit");
    assertThat(b.path("status").asInt()).isEqualTo(429);
    assertThat(b.path("stream").asBoolean()).isTrue();
    assertThat(b.path("forced").asBoolean()).isTrue();
    assertThat(b.has("t_ms")).isTrue();
    assertThat(last2.path("requests").findValuesAsText("model")).containsExactly("b", "c");
  }

  @Test
  void wrongMethodsAndPathsAreNamed() throws Exception {
    HttpResponse<String> post = client.send("PATCH", "/__admin/faults", "{}");
    HttpResponse<String> nowhere = client.get("/__admin/nothing");
    HttpResponse<String> badLimit = client.get("/__admin/requests?limit=-3");

    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("allow")).hasValue("GET, PUT, DELETE");
    assertThat(nowhere.statusCode()).isEqualTo(404);
    assertThat(nowhere.body()).contains("/__admin/faults and /__admin/requests");
    assertThat(badLimit.statusCode()).isEqualTo(400);
  }

  @Test
  void onlyLoopbackAddressesMayUseTheAdminApi() throws Exception {
    assertThat(AdminApi.allowed(InetAddress.getByName("127.0.0.1"))).isTrue();
    assertThat(AdminApi.allowed(InetAddress.getByName("127.8.9.10"))).isTrue();
    assertThat(AdminApi.allowed(InetAddress.getByName("::1"))).isTrue();
    assertThat(AdminApi.allowed(InetAddress.getByAddress(new byte[] {10, 0, 0, 7}))).isFalse();
    assertThat(AdminApi.allowed(InetAddress.getByAddress(new byte[] {(byte) 192, (byte) 168, 1, 20}))).isFalse();
    assertThat(AdminApi.allowed(null)).isFalse();
  }

  @Test
  void aClientOnAnotherAddressIsRefusedWhileTheApiStillAnswersIt() throws Exception {
    Optional<InetAddress> own = nonLoopbackAddress();
    assumeTrue(own.isPresent(), "this machine has no non-loopback IPv4 address to connect from");
    try (var open = SimulatedProvider.start(SimulatedProvider.Options.defaults().withHost("0.0.0.0"))) {
      var remote = new RawClient("http://" + own.get().getHostAddress() + ":" + open.port() + "/v1");
      var local = new RawClient(open.baseUrl());

      HttpResponse<String> refused = remote.send("PUT", "/__admin/faults", "{\"rules\": [{\"kind\": \"reset\"}]}");
      HttpResponse<String> chat = remote.chat("m", false);
      HttpResponse<String> fromLoopback = local.get("/__admin/faults");

      assertThat(refused.statusCode()).isEqualTo(403);
      assertThat(refused.body()).contains("loopback clients only");
      assertThat(open.faults().isHealthy()).isTrue();
      assertThat(chat.statusCode()).isEqualTo(200);
      assertThat(fromLoopback.statusCode()).isEqualTo(200);
    }
  }

  private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
    return NetworkInterface.networkInterfaces()
        .filter(i -> {
          try {
            return i.isUp() && !i.isLoopback();
          } catch (SocketException e) {
            return false;
          }
        })
        .flatMap(NetworkInterface::inetAddresses)
        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
        .findFirst();
  }
}
