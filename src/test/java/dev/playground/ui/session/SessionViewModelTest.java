package dev.playground.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playground.scenario.LoadSpec;
import dev.playground.scenario.Presets;
import dev.playground.session.ClockMode;
import dev.playground.session.RunInfo;
import dev.playground.session.Session;
import dev.playground.session.SessionSettings;
import dev.playground.session.TestScenarios;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The top bar's model over a real session; reports arrive on the test thread (same-thread executor). */
class SessionViewModelTest {
  @TempDir Path logs;
  private Session session;

  private SessionViewModel model(String key) {
    session = new Session(SessionSettings.of(TestScenarios.healthy()), e -> {}, null, name -> key, logs);
    var model = new SessionViewModel(session, Runnable::run, name -> key);
    session.setListener(model.listener());
    return model;
  }

  @AfterEach
  void close() {
    if (session != null) session.close();
  }

  @Test
  void openingARunShowsItsScenarioPoliciesFaultsAndBreakerDelays() throws Exception {
    var model = model(null);
    CompletableFuture<RunInfo> opened = session.start();
    opened.get(20, TimeUnit.SECONDS);
    assertThat(model.runProperty().get()).isNotNull();
    assertThat(model.scenarioProperty().get().name()).isEqualTo("quick-test");
    assertThat(model.policiesProperty().get()).isEqualTo(TestScenarios.policies());
    assertThat(model.faults()).containsOnlyKeys(TestScenarios.PROVIDER);
    assertThat(model.breakerDelays()).containsKey(TestScenarios.BREAKER);
    assertThat(model.scenarioLoadProperty().get()).isEqualTo("6 requests, 2 at a time");
    assertThat(model.startingProperty().get()).isFalse();
  }

  @Test
  void aBadBaseUrlOrModelIsMarkedOnItsFieldAndNothingChanges() {
    var model = model("set");
    model.baseUrlTextProperty().set("api.openai.com/v1");
    model.modelTextProperty().set("gpt 4o");
    assertThat(model.useRealEndpoint()).isFalse();
    assertThat(model.baseUrlErrorProperty().get())
        .isEqualTo("base URL must be an http or https URL with a host, like https://api.openai.com/v1, was \"api.openai.com/v1\"");
    assertThat(model.modelErrorProperty().get())
        .isEqualTo("model must be 1-100 characters without spaces, like gpt-4o-mini, was \"gpt 4o\"");
    assertThat(model.providerProperty().get().isSimulated()).isTrue();
  }

  @Test
  void withoutTheKeyARealEndpointIsRefusedWithTheReason() {
    var model = model(null);
    model.baseUrlTextProperty().set("https://api.openai.com/v1");
    model.modelTextProperty().set("gpt-4o-mini");
    assertThat(model.useRealEndpoint()).isFalse();
    assertThat(model.keySet()).isFalse();
    assertThat(model.providerMessageProperty().get()).startsWith("OPENAI_API_KEY is not set");
    assertThat(model.baseUrlErrorProperty().get()).isEmpty();
    assertThat(model.providerProperty().get().isSimulated()).isTrue();
  }

  @Test
  void theKeysValueNeverReachesTheModel() {
    var model = model("sk-this-must-not-show");
    assertThat(model.keyStatus()).startsWith("OPENAI_API_KEY is set").doesNotContain("sk-this-must-not-show");
  }

  @Test
  void fastForwardOnARealEndpointIsRefusedWithANotice() throws Exception {
    var model = model("set");
    session.start().get(20, TimeUnit.SECONDS);
    model.baseUrlTextProperty().set("http://127.0.0.1:9/v1");
    model.modelTextProperty().set("gpt-4o-mini");
    assertThat(model.useRealEndpoint()).isTrue();
    model.setClock(ClockMode.FAST_FORWARD);
    assertThat(model.clockProperty().get()).isEqualTo(ClockMode.LIVE);
    assertThat(model.noticeProperty().get().message()).startsWith("Fast-forward needs the simulated provider");
  }

  @Test
  void pickingAPresetLoadsItAndDescribesItsLoad() throws Exception {
    var model = model(null);
    model.setPresets(Presets.all());
    model.pick(Presets.get("outage-and-recovery"));
    waitForRun(model, "outage-and-recovery");
    assertThat(model.presetProperty().get().name()).isEqualTo("outage-and-recovery");
    assertThat(model.scenarioLoadProperty().get()).isEqualTo("120 requests at 2/s");
    assertThat(model.presets()).hasSize(Presets.all().size());
  }

  @Test
  void theLoadIsDescribedByRateOrByConcurrency() {
    assertThat(SessionViewModel.describe(new LoadSpec(45, 1, 0.5, List.of(), false))).isEqualTo("45 requests at 0.50/s");
    assertThat(SessionViewModel.describe(LoadSpec.of(1, 1))).isEqualTo("1 request, 1 at a time");
  }

  /** The run opens on the session's thread; its report arrives on that thread here. */
  private void waitForRun(SessionViewModel model, String name) throws Exception {
    session.restart().get(20, TimeUnit.SECONDS); // queued after the pick: when it is open, the pick's run was too
    assertThat(model.scenarioProperty().get().name()).isEqualTo(name);
  }
}
