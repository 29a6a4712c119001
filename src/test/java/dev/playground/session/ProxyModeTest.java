package dev.playground.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playground.common.Causes;
import dev.playground.events.RunEvent;
import dev.playground.events.Rung;
import dev.playground.provider.SimulatedProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real endpoint through the chaos proxy: a second simulated provider stands in for the endpoint, so the test
 * sees what reaches it. The key check reads a fake environment; no key is sent anywhere.
 */
class ProxyModeTest {
  @TempDir Path logs;
  private final List<RunEvent> events = new CopyOnWriteArrayList<>();
  private SimulatedProvider endpoint;
  private Session session;

  @BeforeEach
  void startTheStandInEndpoint() throws Exception {
    endpoint = SimulatedProvider.start(SimulatedProvider.Options.defaults().withName("stand-in"));
    session = new Session(SessionSettings.of(TestScenarios.healthy()), events::add, null,
        name -> name.equals(ProviderChoice.KEY_ENV) ? "set" : null, logs);
    session.start().get(20, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() {
    session.close();
    endpoint.close();
  }

  @Test
  void promptsGoThroughTheProxyToTheEndpointAndFaultsStayInTheProxy() throws Exception {
    // given the session pointed at the endpoint, with the model typed in
    var info = session.setProvider(ProviderChoice.real(endpoint.baseUrl(), "gpt-4.1-mini")).get(20, TimeUnit.SECONDS);
    assertThat(info.scenario().providers()).singleElement()
        .satisfies(p -> assertThat(p.type().wireName()).isEqualTo("proxy"));
    // when a prompt is sent
    AnswerView answer = session.ask("What is a fallback model?").get(20, TimeUnit.SECONDS);
    // then the endpoint answered it, through the proxy, on the full rung
    assertThat(answer.rung()).isEqualTo(Rung.FULL);
    assertThat(answer.provider()).isEqualTo(ViaProxy.PROVIDER);
    assertThat(answer.model()).isEqualTo("gpt-4.1-mini");
    assertThat(answer.text()).startsWith("[gpt-4.1-mini] (simulated)");
    assertThat(endpoint.requestCount()).isEqualTo(1);

    // when the Faults side rate-limits every call of the proxy
    session.edits().applyFaults(ViaProxy.PROVIDER, TestScenarios.rateLimitEverything()).get(10, TimeUnit.SECONDS);
    AnswerView limited = session.ask("And now?").get(20, TimeUnit.SECONDS);
    // then the client retried against the proxy's 429s, and none of them reached the endpoint
    assertThat(limited.attempts()).isEqualTo(3);
    assertThat(events).filteredOn(e -> e instanceof RunEvent.RetryScheduled).hasSize(2);
    assertThat(endpoint.requestCount()).isEqualTo(1);
  }

  @Test
  void fastForwardIsRefusedWhileOnARealEndpointAndTheRunStays() throws Exception {
    session.setProvider(ProviderChoice.real(endpoint.baseUrl(), "gpt-4o-mini")).get(20, TimeUnit.SECONDS);
    var refused = session.setClock(ClockMode.FAST_FORWARD);
    assertThat(refused).isCompletedExceptionally();
    assertThat(refused.handle((v, e) -> Causes.message(e)).get())
        .startsWith("Fast-forward needs the simulated provider");
    assertThat(session.settings().clock()).isEqualTo(ClockMode.LIVE);
    assertThat(session.ask("still live?").get(20, TimeUnit.SECONDS).provider()).isEqualTo(ViaProxy.PROVIDER);
  }
}
