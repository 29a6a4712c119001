package dev.playground.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.playground.events.BreakerState;
import dev.playground.events.RunEvent;
import dev.playground.events.RunEventJson;
import dev.playground.events.RunLogReader;
import dev.playground.events.Rung;
import dev.playground.faults.FaultPlans;
import dev.playground.policy.ChainSpec;
import dev.playground.policy.ModelRef;
import dev.playground.scenario.Presets;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session on the real engine: simulated providers on loopback, the real SDK, real Failsafe policies. */
class SessionTest {
  @TempDir Path logs;
  private final List<RunEvent> events = new CopyOnWriteArrayList<>();
  private Session session;

  private Session session(SessionSettings settings) {
    session = new Session(settings, events::add, null, name -> null, logs);
    return session;
  }

  @AfterEach
  void closeTheSession() {
    if (session != null) session.close();
  }

  @Test
  void aHealthyProviderAnswersAPromptOnRungFull() throws Exception {
    // given a session running a healthy scenario live
    session(SessionSettings.of(TestScenarios.healthy())).start().get(20, TimeUnit.SECONDS);
    // when a prompt is sent
    AnswerView answer = session.ask("What is a circuit breaker?").get(20, TimeUnit.SECONDS);
    // then the full rung answered, from the simulated provider, in one call
    assertThat(answer.rung()).isEqualTo(Rung.FULL);
    assertThat(answer.provider()).isEqualTo(TestScenarios.PROVIDER);
    assertThat(answer.model()).isEqualTo(TestScenarios.MODEL);
    assertThat(answer.attempts()).isEqualTo(1);
    assertThat(answer.text()).contains("gpt-4o-mini");
    assertThat(events.get(0)).isInstanceOf(RunEvent.RunStarted.class);
    assertThat(((RunEvent.RunStarted) events.get(0)).clock()).isEqualTo("live");
    assertThat(events).anyMatch(e -> e instanceof RunEvent.RequestFinished f && f.rung() == Rung.FULL);
  }

  @Test
  void rateLimitingEveryCallRetriesAndOpensTheBreaker() throws Exception {
    session(SessionSettings.of(TestScenarios.healthy())).start().get(20, TimeUnit.SECONDS);
    // when every call is rate limited and two prompts are sent
    session.edits().applyFaults(TestScenarios.PROVIDER, TestScenarios.rateLimitEverything()).get(10, TimeUnit.SECONDS);
    session.ask("first question").get(20, TimeUnit.SECONDS);
    AnswerView second = session.ask("second question").get(20, TimeUnit.SECONDS);
    // then the client waited what the provider asked and retried, and the breaker opened after 3 failures
    assertThat(events).anyMatch(e -> e instanceof RunEvent.FaultsChanged);
    assertThat(events).anyMatch(e -> e instanceof RunEvent.RetryScheduled r && r.retryAfterMs() != null);
    assertThat(events).anyMatch(e -> e instanceof RunEvent.BreakerChanged b
        && b.breaker().equals(TestScenarios.BREAKER) && b.to() == BreakerState.OPEN);
    assertThat(events).anyMatch(e -> e instanceof RunEvent.BreakerRejected);
    assertThat(second.rung()).isEqualTo(Rung.ERROR);
    assertThat(session.breakers().get(TestScenarios.BREAKER).state()).isEqualTo(BreakerState.OPEN);
  }

  @Test
  void duringAnOutageTheLadderFallsToCachedAndThenToError() throws Exception {
    session(SessionSettings.of(TestScenarios.healthy())).start().get(20, TimeUnit.SECONDS);
    assertThat(session.ask("asked before the outage").get(20, TimeUnit.SECONDS).rung()).isEqualTo(Rung.FULL);
    // when the provider goes down
    session.edits().applyFaults(TestScenarios.PROVIDER, TestScenarios.outage()).get(10, TimeUnit.SECONDS);
    // then a question answered before comes from the cache, a new one gets the error rung
    assertThat(session.ask("asked before the outage").get(20, TimeUnit.SECONDS).rung()).isEqualTo(Rung.CACHED);
    assertThat(session.ask("never asked before").get(20, TimeUnit.SECONDS).rung()).isEqualTo(Rung.ERROR);
  }

  @Test
  void pickingAnotherPresetEndsTheRunWithRunFinishedAndStartsTheNext() throws Exception {
    var first = session(SessionSettings.of(TestScenarios.healthy())).start().get(20, TimeUnit.SECONDS);
    String firstUrl = baseUrl(first);
    // when another preset is picked
    var second = session.pick(Presets.get("simple-retry")).get(20, TimeUnit.SECONDS);
    // then the first run finished, the second started, and the first provider stopped listening
    List<String> types = events.stream().map(RunEvent::type).toList();
    assertThat(types).containsSubsequence("run_started", "run_finished", "run_started");
    assertThat(((RunEvent.RunStarted) events.get(events.size() - 1)).scenario()).isEqualTo("simple-retry");
    assertThat(second.number()).isEqualTo(first.number() + 1);
    assertThat(second.scenario().policies()).isEqualTo(Presets.get("simple-retry").policies());
    assertThat(Files.readAllLines(first.logFile())).last().asString().contains("\"type\":\"run_finished\"");
    assertThat(reachable(firstUrl)).isFalse();
  }

  @Test
  void policiesForAProviderTheScenarioDoesNotHaveAreRefusedAndNothingChanges() throws Exception {
    session(SessionSettings.of(TestScenarios.healthy())).start().get(20, TimeUnit.SECONDS);
    var unknown = TestScenarios.policies().withChain(ChainSpec.of(new ModelRef("nowhere", "gpt-4o")));
    // when policies name a provider the scenario has not
    assertThatThrownBy(() -> session.edits().updatePolicies(unknown).get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause().hasMessageContaining("policies.chain.models[0].provider \"nowhere\" is not a provider of this scenario");
    // then the run goes on with the old ones, and nothing was logged as changed
    assertThat(session.settings().scenario().policies()).isEqualTo(TestScenarios.policies());
    assertThat(session.ask("still working?").get(20, TimeUnit.SECONDS).rung()).isEqualTo(Rung.FULL);
    assertThat(events).noneMatch(e -> e instanceof RunEvent.PoliciesChanged);
  }

  @Test
  void newPoliciesApplyAtOnceAreLoggedAndStayForTheNextRun() throws Exception {
    session(SessionSettings.of(TestScenarios.healthy())).start().get(20, TimeUnit.SECONDS);
    var noRetry = TestScenarios.policies().withRetry(null);
    session.edits().updatePolicies(noRetry).get(10, TimeUnit.SECONDS);
    session.edits().applyFaults(TestScenarios.PROVIDER, TestScenarios.outage()).get(10, TimeUnit.SECONDS);
    // then a failing request is not retried any more
    assertThat(session.ask("no retry now").get(20, TimeUnit.SECONDS).attempts()).isEqualTo(1);
    assertThat(events).anyMatch(e -> e instanceof RunEvent.PoliciesChanged);
    var restarted = session.restart().get(20, TimeUnit.SECONDS);
    assertThat(restarted.scenario().policies()).isEqualTo(noRetry);
    // the provider's plan is seeded from the run's seed again; its rules are the user's
    assertThat(restarted.breakable().get(TestScenarios.PROVIDER).rules()).isEqualTo(TestScenarios.outage().rules());
  }

  @Test
  void theEnginesRetrieverBreaksLiveAndAChatRuleIsRefusedForIt() throws Exception {
    var info = session(SessionSettings.of(TestScenarios.healthy())).start().get(20, TimeUnit.SECONDS);
    assertThat(info.engineFaults().rules()).isEmpty();
    // a rule for the chat cannot break the engine: refused, nothing applied
    assertThatThrownBy(() -> session.edits().applyEngineFaultsNow(TestScenarios.outage()))
        .hasMessageStartingWith("the engine's plan breaks the retriever or the cache");
    // when the retriever fails
    session.edits().applyEngineFaultsNow(FaultPlans.parse(
        "{\"rules\": [{\"target\": \"retriever\", \"kind\": \"server_error\"}]}"));
    // then the full rung cannot answer (no context), and the change was logged
    assertThat(session.ask("a question with no context now").get(20, TimeUnit.SECONDS).rung()).isEqualTo(Rung.ERROR);
    assertThat(events).anyMatch(e -> e instanceof RunEvent.FaultsChanged f && f.provider().equals(Session.ENGINE));
    assertThat(session.restart().get(20, TimeUnit.SECONDS).engineFaults().rules()).hasSize(1);
  }

  @Test
  void fastForwardPlaysTheScenarioInVirtualTime() throws Exception {
    var settings = new SessionSettings(Presets.get("outage-and-recovery"), ClockMode.FAST_FORWARD, Speed.MAX, null);
    session(settings).start().get(20, TimeUnit.SECONDS);
    int[] last = new int[2];
    // when the preset's own load runs (120 requests at 2/s: a minute of scenario time)
    long wallStart = System.nanoTime();
    session.startScenarioLoad((done, total) -> {
      last[0] = done;
      last[1] = total;
    }).get(60, TimeUnit.SECONDS);
    long wallMs = (System.nanoTime() - wallStart) / 1_000_000;
    // then every request answered, the outage opened the breaker, and scenario time ran ahead of the wall clock
    assertThat(last).containsExactly(120, 120);
    RunEvent.RunStarted started = (RunEvent.RunStarted) events.stream()
        .filter(e -> e instanceof RunEvent.RunStarted).reduce((a, b) -> b).orElseThrow();
    assertThat(started.clock()).isEqualTo("virtual");
    long lastT = events.get(events.size() - 1).tMs();
    assertThat(lastT).isGreaterThan(55_000).isGreaterThan(wallMs);
    assertThat(events).anyMatch(e -> e instanceof RunEvent.BreakerChanged b && b.to() == BreakerState.OPEN);
  }

  @Test
  void fastForwardIsRefusedForARealEndpoint() {
    var real = ProviderChoice.real("https://api.openai.com/v1", "gpt-4o-mini");
    assertThatThrownBy(() -> SessionSettings.of(TestScenarios.healthy()).withProvider(real)
        .withClock(ClockMode.FAST_FORWARD))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Fast-forward needs the simulated provider");
  }

  @Test
  void aRealEndpointWithoutAKeyIsRefusedAndTheSimulatedRunGoesOn() throws Exception {
    session(SessionSettings.of(TestScenarios.healthy())).start().get(20, TimeUnit.SECONDS);
    var real = ProviderChoice.real("https://api.openai.com/v1", "gpt-4o-mini");
    assertThatThrownBy(() -> session.setProvider(real).get(10, TimeUnit.SECONDS))
        .cause().hasMessageStartingWith("OPENAI_API_KEY is not set");
    assertThat(session.settings().provider().isSimulated()).isTrue();
    assertThat(session.ask("still here?").get(20, TimeUnit.SECONDS).rung()).isEqualTo(Rung.FULL);
  }

  @Test
  void anExportedLogReopensAsTheSameEventsAndSendingIsOffWhileViewingIt() throws Exception {
    session(SessionSettings.of(TestScenarios.healthy())).start().get(20, TimeUnit.SECONDS);
    session.ask("one").get(20, TimeUnit.SECONDS);
    session.edits().applyFaults(TestScenarios.PROVIDER, TestScenarios.rateLimitEverything()).get(10, TimeUnit.SECONDS);
    session.ask("two").get(20, TimeUnit.SECONDS);
    Path saved = session.exports().saveRunLog(Files.createDirectories(logs.resolve("saved")).resolve("run.jsonl")).get(10, TimeUnit.SECONDS);
    List<RunEvent> live = List.copyOf(events);
    events.clear();
    // when the saved log is opened
    List<String> warnings = session.openRun(saved).get(20, TimeUnit.SECONDS);
    // then the window got a run_finished for the live run, then exactly the saved events
    assertThat(warnings).isEmpty();
    assertThat(events.get(0)).isInstanceOf(RunEvent.RunFinished.class);
    // (as JSON lines: a number read back may be another JsonNode class than the one written)
    assertThat(json(events.subList(1, events.size()))).isEqualTo(json(live));
    assertThat(json(RunLogReader.read(saved).events())).isEqualTo(json(live));
    assertThat(session.replay().name()).isEqualTo("run.jsonl");
    assertThat(session.replay().breakerDelays()).containsKey(TestScenarios.BREAKER);
    assertThatThrownBy(() -> session.ask("three").get(10, TimeUnit.SECONDS))
        .cause().hasMessageContaining("viewing the replay of run.jsonl");
    // and back to live, prompts are answered again
    session.backToLive().get(20, TimeUnit.SECONDS);
    assertThat(session.replay()).isNull();
    assertThat(session.ask("three").get(20, TimeUnit.SECONDS).rung()).isNotNull();
  }

  @Test
  void aFileThatIsNotARunLogGetsTheReadersOneSentence() throws Exception {
    session(SessionSettings.of(TestScenarios.healthy())).start().get(20, TimeUnit.SECONDS);
    Path notALog = Files.writeString(logs.resolve("notes.txt"), "these are my notes\n");
    assertThatThrownBy(() -> session.openRun(notALog).get(10, TimeUnit.SECONDS))
        .cause().isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("notes.txt: not a run log (line 1:");
    // the live run is still there
    assertThat(session.replay()).isNull();
    assertThat(session.ask("fine?").get(20, TimeUnit.SECONDS).rung()).isEqualTo(Rung.FULL);
  }

  @Test
  void aLogWhoseLastLineWasCutOpensWithTheWarning() throws Exception {
    session(SessionSettings.of(TestScenarios.healthy())).start().get(20, TimeUnit.SECONDS);
    session.ask("one").get(20, TimeUnit.SECONDS);
    Path saved = session.exports().saveRunLog(logs.resolve("full.jsonl")).get(10, TimeUnit.SECONDS);
    String text = Files.readString(saved);
    Path cut = Files.writeString(logs.resolve("cut.jsonl"), text.substring(0, text.length() - 20));
    List<String> warnings = session.openRun(cut).get(20, TimeUnit.SECONDS);
    assertThat(warnings).singleElement().asString().contains("was cut off");
  }

  @Test
  void csvExportWritesAttemptsAndRequests() throws Exception {
    session(SessionSettings.of(TestScenarios.healthy())).start().get(20, TimeUnit.SECONDS);
    session.ask("one").get(20, TimeUnit.SECONDS);
    List<Path> csv = session.exports().saveCsv(logs.resolve("csv")).get(10, TimeUnit.SECONDS);
    assertThat(csv).extracting(p -> p.getFileName().toString()).containsExactly("attempts.csv", "requests.csv");
    assertThat(Files.readAllLines(csv.get(1))).hasSize(2);
  }

  @Test
  void closingTheSessionEndsTheRunAndStopsItsProvider() throws Exception {
    var info = session(SessionSettings.of(TestScenarios.healthy())).start().get(20, TimeUnit.SECONDS);
    String url = baseUrl(info);
    assertThat(reachable(url)).isTrue();
    session.close();
    assertThat(events.get(events.size() - 1)).isInstanceOf(RunEvent.RunFinished.class);
    assertThat(reachable(url)).isFalse();
  }

  private static List<String> json(List<RunEvent> list) {
    return list.stream().map(RunEventJson::toJson).toList();
  }

  private String baseUrl(RunInfo info) {
    return info.baseUrls().get(TestScenarios.PROVIDER);
  }

  private static boolean reachable(String baseUrl) {
    try (var socket = new java.net.Socket()) {
      var uri = URI.create(baseUrl);
      socket.connect(new java.net.InetSocketAddress(uri.getHost(), uri.getPort()), 2000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
