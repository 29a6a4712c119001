package dev.playground.provider;

import static dev.playground.faults.FaultKind.OK;
import static dev.playground.faults.FaultKind.RATE_LIMIT;
import static dev.playground.faults.FaultKind.SERVER_ERROR;
import static dev.playground.faults.FaultKind.SERVICE_UNAVAILABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.playground.faults.FaultKind;
import dev.playground.faults.FaultPlan;
import dev.playground.faults.FaultPlanException;
import dev.playground.faults.FaultPlans;
import dev.playground.faults.FaultRule;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Fault plans applied to a running provider: order, time windows (on a hand-moved clock), seeds, journal. */
class FaultPlansOverHttpTest {
  private final AtomicLong clock = new AtomicLong(5_000);
  private final List<SimulatedProvider> started = new ArrayList<>();

  private SimulatedProvider start(SimulatedProvider.Options options) {
    SimulatedProvider sim = SimulatedProvider.start(options.withClock(clock::get));
    started.add(sim);
    return sim;
  }

  @AfterEach
  void stop() {
    started.forEach(SimulatedProvider::close);
  }

  private static List<Integer> statuses(RawClient client, String model, int n) throws Exception {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < n; i++) out.add(client.chat(model, false).statusCode());
    return out;
  }

  @Test
  void aScriptedSequenceHappensInOrder() throws Exception {
    var sim = start(SimulatedProvider.Options.defaults());
    sim.applyFaults(FaultPlans.parse("""
        {"rules": [{"sequence": ["rate_limit", "rate_limit", "ok", "server_error"]}]}"""));

    assertThat(statuses(new RawClient(sim.baseUrl()), "gpt-4o-mini", 6)).containsExactly(429, 429, 200, 500, 200, 200);
    assertThat(sim.journal()).extracting(JournalEntry::fault)
        .containsExactly(RATE_LIMIT, RATE_LIMIT, OK, SERVER_ERROR, OK, OK);
    assertThat(sim.journal()).extracting(JournalEntry::rule).containsExactly(0, 0, 0, 0, -1, -1);
  }

  @Test
  void aWindowOpensAndClosesOnThePlansClock() throws Exception {
    var sim = start(SimulatedProvider.Options.defaults());
    var client = new RawClient(sim.baseUrl());
    sim.applyFaults(FaultPlan.of(1, FaultRule.of(SERVICE_UNAVAILABLE).withWindow(10_000, 30_000L)));

    int before = client.chat("m", false).statusCode();
    clock.addAndGet(10_000);
    int inside = client.chat("m", false).statusCode();
    clock.addAndGet(19_999);
    int stillInside = client.chat("m", false).statusCode();
    clock.addAndGet(1);
    int after = client.chat("m", false).statusCode();

    assertThat(List.of(before, inside, stillInside, after)).containsExactly(200, 503, 503, 200);
  }

  @Test
  void aSequenceForOneModelCountsThatModelsRequestsOnly() throws Exception {
    var sim = start(SimulatedProvider.Options.defaults());
    var client = new RawClient(sim.baseUrl());
    sim.applyFaults(FaultPlans.parse("""
        {"rules": [{"sequence": ["rate_limit", "ok"], "models": ["gpt-4o"]}]}"""));

    assertThat(statuses(client, "gpt-4o-mini", 3)).containsOnly(200);
    assertThat(statuses(client, "gpt-4o", 3)).containsExactly(429, 200, 200);
  }

  @Test
  void theSameSeedGivesTheSameFaultsAndAnotherSeedOtherOnes() throws Exception {
    String rules = "\"rules\": [{\"kind\": \"rate_limit\", \"probability\": 0.5}]";
    List<FaultKind> first = faults(start(SimulatedProvider.Options.defaults()), "{\"seed\": 11, " + rules + "}");
    List<FaultKind> again = faults(start(SimulatedProvider.Options.defaults()), "{\"seed\": 11, " + rules + "}");
    List<FaultKind> other = faults(start(SimulatedProvider.Options.defaults()), "{\"seed\": 12, " + rules + "}");

    assertThat(first).isEqualTo(again).contains(RATE_LIMIT, OK);
    assertThat(other).isNotEqualTo(first);
  }

  private static List<FaultKind> faults(SimulatedProvider sim, String plan) throws Exception {
    sim.applyFaults(plan);
    statuses(new RawClient(sim.baseUrl()), "m", 40);
    return sim.journal().stream().map(JournalEntry::fault).toList();
  }

  @Test
  void theJournalKeepsTheLatestRequestsWhileTheCountKeepsThemAll() throws Exception {
    var sim = start(SimulatedProvider.Options.defaults().withJournalSize(5));
    var client = new RawClient(sim.baseUrl());

    statuses(client, "m", 12);
    client.get("/v1/models");

    assertThat(sim.requestCount()).as("chat requests only").isEqualTo(12);
    assertThat(sim.journal()).hasSize(5).extracting(JournalEntry::n).containsExactly(7L, 8L, 9L, 10L, 11L);
  }

  @Test
  void theJournalSaysWhenWhatAndHow() throws Exception {
    var sim = start(SimulatedProvider.Options.defaults());
    var client = new RawClient(sim.baseUrl());
    clock.addAndGet(1234);

    var forced = client.chat("gpt-4o", true, "X-Playground-Fault", "overloaded");

    JournalEntry e = sim.journal().get(0);
    assertThat(e.tMs()).isEqualTo(1234);
    assertThat(e.model()).isEqualTo("gpt-4o");
    assertThat(e.fault()).isEqualTo(FaultKind.OVERLOADED);
    assertThat(e.status()).isEqualTo(529);
    assertThat(e.stream()).isTrue();
    assertThat(e.forced()).isTrue();
    assertThat(e.rule()).isEqualTo(-1);
    assertThat(e.requestId()).isEqualTo(forced.headers().firstValue("x-request-id").orElseThrow());
  }

  @Test
  void aBadPlanIsRefusedWithItsMessageAndThePlanInForceStays() throws Exception {
    var sim = start(SimulatedProvider.Options.defaults());
    var client = new RawClient(sim.baseUrl());
    sim.applyFaults("{\"rules\": [{\"kind\": \"server_error\"}]}");
    FaultPlan inForce = sim.faults();

    assertThatThrownBy(() -> sim.applyFaults("{\"rules\": [{\"kind\": \"ok\"}, {\"kind\": \"rate_limit\", \"probability\": 1.5}]}"))
        .isInstanceOf(FaultPlanException.class)
        .hasMessage("rules[1].probability must be in [0, 1], was 1.5");

    assertThat(sim.faults()).isEqualTo(inForce);
    assertThat(client.chat("m", false).statusCode()).isEqualTo(500);
  }

  @Test
  void listenersHearPlansAppliedThroughTheJavaApi() throws Exception {
    var sim = start(SimulatedProvider.Options.defaults());
    List<FaultPlan> heard = new ArrayList<>();
    sim.onFaultsChanged(heard::add);

    sim.applyFaults(FaultPlan.of(3, FaultRule.of(RATE_LIMIT)));
    sim.clearFaults();

    assertThat(heard).containsExactly(FaultPlan.of(3, FaultRule.of(RATE_LIMIT)), FaultPlan.healthy(3));
  }

  @Test
  void severalProvidersRunAtOnceEachWithItsOwnPlan() throws Exception {
    var openai = start(SimulatedProvider.Options.defaults().withName("openai")
        .withPlan(FaultPlan.of(1, FaultRule.of(SERVICE_UNAVAILABLE))));
    var anthropic = start(SimulatedProvider.Options.defaults().withName("anthropic"));

    assertThat(new RawClient(openai.baseUrl()).chat("gpt-4o", false).statusCode()).isEqualTo(503);
    assertThat(new RawClient(anthropic.baseUrl()).chat("claude", false).statusCode()).isEqualTo(200);
    assertThat(openai.port()).isNotEqualTo(anthropic.port());
    assertThat(openai.requestCount()).isEqualTo(1);
    assertThat(anthropic.requestCount()).isEqualTo(1);
  }

  @Test
  void aRequiredKeyIsCheckedBeforeAnyFault() throws Exception {
    var sim = start(SimulatedProvider.Options.defaults().withRequiredApiKey("sk-right")
        .withPlan(FaultPlan.of(1, FaultRule.of(SERVER_ERROR))));
    var client = new RawClient(sim.baseUrl());

    var wrong = client.chat("m", false); // RawClient sends "sk-test"
    var right = client.chat(RawClient.chatBody("m", "hi", false), "Authorization", "Bearer sk-right");

    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains("invalid_api_key").doesNotContain("sk-test");
    assertThat(right.statusCode()).isEqualTo(500);
  }
}
