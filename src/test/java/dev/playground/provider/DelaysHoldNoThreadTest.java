package dev.playground.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playground.faults.FaultKind;
import dev.playground.faults.FaultPlan;
import dev.playground.faults.FaultRule;
import dev.playground.faults.Latency;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Delays are timer tasks: a provider with a single worker thread still serves many delayed requests at once. */
class DelaysHoldNoThreadTest {
  private static SimulatedProvider oneWorker(FaultPlan plan) {
    return SimulatedProvider.start(SimulatedProvider.Options.defaults().withWorkerThreads(1).withPlan(plan));
  }

  @Test
  void eightSlowAnswersOnOneWorkerTakeAboutOneDelayNotEight() throws Exception {
    try (var sim = oneWorker(FaultPlan.of(1, FaultRule.of(FaultKind.SLOW).withLatency(Latency.fixed(400))))) {
      var client = new RawClient(sim.baseUrl());
      long t0 = System.nanoTime();

      List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++)
        calls.add(client.http.sendAsync(client.chatRequest(RawClient.chatBody("m", "hi", i % 2 == 0)).build(),
            HttpResponse.BodyHandlers.ofString()));
      for (var call : calls) assertThat(call.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);

      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertThat(ms).isGreaterThanOrEqualTo(400).isLessThan(2_000); // eight in a row would take 3,200
    }
  }

  @Test
  void aHeldTimeoutDoesNotKeepTheOnlyWorkerFromAnsweringOthers() throws Exception {
    var plan = FaultPlan.of(1, FaultRule.of(FaultKind.TIMEOUT).withModels(List.of("stuck")));
    try (var sim = oneWorker(plan)) {
      var client = new RawClient(sim.baseUrl());
      List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
      for (int i = 0; i < 4; i++)
        held.add(client.http.sendAsync(client.chatRequest(RawClient.chatBody("stuck", "hi", false)).build(),
            HttpResponse.BodyHandlers.ofString()));

      var healthy = client.http.sendAsync(client.chatRequest(RawClient.chatBody("fine", "hi", false)).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(healthy.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      assertThat(held).noneMatch(CompletableFuture::isDone);
      held.forEach(f -> f.cancel(true));
    }
  }
}
