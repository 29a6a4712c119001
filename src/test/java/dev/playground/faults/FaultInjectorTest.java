package dev.playground.faults;

import static dev.playground.faults.FaultKind.OK;
import static dev.playground.faults.FaultKind.RATE_LIMIT;
import static dev.playground.faults.FaultKind.SERVICE_UNAVAILABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FaultInjectorTest {
  private final AtomicLong now = new AtomicLong(1_000_000);

  @Test
  void requestsAreNumberedFromZeroUnderEachAppliedPlan() {
    var injector = new FaultInjector(FaultPlan.of(1, FaultRule.sequence(List.of(RATE_LIMIT, OK), false)), now::get);

    assertThat(injector.decide("m", Target.CHAT).kind()).isEqualTo(RATE_LIMIT);
    assertThat(injector.decide("m", Target.CHAT).kind()).isEqualTo(OK);
    assertThat(injector.decide("m", Target.CHAT).kind()).isEqualTo(OK);

    injector.apply(injector.plan());

    assertThat(injector.decide("m", Target.CHAT).kind()).as("numbering starts again").isEqualTo(RATE_LIMIT);
  }

  @Test
  void eachTargetHasItsOwnNumbering() {
    var injector = new FaultInjector(FaultPlan.of(1,
        FaultRule.sequence(List.of(RATE_LIMIT, OK), false),
        FaultRule.sequence(List.of(SERVICE_UNAVAILABLE, OK), false).withTarget(Target.CACHE)), now::get);

    assertThat(injector.decide("m", Target.CHAT).kind()).isEqualTo(RATE_LIMIT);
    assertThat(injector.decide("m", Target.CACHE).kind()).isEqualTo(SERVICE_UNAVAILABLE);
    assertThat(injector.decide("m", Target.CHAT).kind()).isEqualTo(OK);
  }

  @Test
  void aWindowIsMeasuredFromWhenThePlanWasApplied() {
    var injector = new FaultInjector(FaultPlan.healthy(1), now::get);
    now.addAndGet(50_000);
    injector.apply(FaultPlan.of(1, FaultRule.of(SERVICE_UNAVAILABLE).withWindow(10_000, 30_000L)));

    assertThat(injector.decide("m", Target.CHAT).kind()).isEqualTo(OK);
    now.addAndGet(10_000);
    assertThat(injector.elapsedMs()).isEqualTo(10_000);
    assertThat(injector.decide("m", Target.CHAT).kind()).isEqualTo(SERVICE_UNAVAILABLE);
    now.addAndGet(20_000);
    assertThat(injector.decide("m", Target.CHAT).kind()).isEqualTo(OK);
  }

  @Test
  void restartingStartsTheWindowsAndTheNumberingAgainWithoutTellingListeners() {
    var injector = new FaultInjector(FaultPlan.of(1,
        FaultRule.sequence(List.of(RATE_LIMIT, OK), false),
        FaultRule.of(SERVICE_UNAVAILABLE).withWindow(10_000, 30_000L)), now::get);
    List<FaultPlan> heard = new ArrayList<>();
    injector.onChange(heard::add);
    injector.decide("m", Target.CHAT);
    now.addAndGet(25_000);

    injector.restart();

    assertThat(injector.elapsedMs()).isZero();
    assertThat(injector.decide("m", Target.CHAT).kind()).as("numbering from 0 again").isEqualTo(RATE_LIMIT);
    assertThat(injector.decide("m", Target.CHAT).kind()).as("the window has not started yet").isEqualTo(OK);
    now.addAndGet(10_000);
    assertThat(injector.decide("m", Target.CHAT).kind()).isEqualTo(SERVICE_UNAVAILABLE);
    assertThat(heard).isEmpty();
  }

  @Test
  void perModelNumbersCountOnlyThatModel() {
    var injector = new FaultInjector(
        FaultPlan.of(1, FaultRule.sequence(List.of(RATE_LIMIT, OK), false).withModels(List.of("a"))), now::get);

    injector.decide("b", Target.CHAT);
    injector.decide("b", Target.CHAT);

    assertThat(injector.decide("a", Target.CHAT).kind()).isEqualTo(RATE_LIMIT);
    assertThat(injector.decide("a", Target.CHAT).kind()).isEqualTo(OK);
  }

  @Test
  void aBadPlanIsRefusedAndThePlanInForceStays() {
    FaultPlan good = FaultPlan.of(5, FaultRule.of(RATE_LIMIT));
    var injector = new FaultInjector(good, now::get);

    assertThatThrownBy(() -> injector.apply("{\"rules\": [{\"kind\": \"ok\", \"probability\": 1.5}]}"))
        .isInstanceOf(FaultPlanException.class)
        .hasMessage("rules[0].probability must be in [0, 1], was 1.5");

    assertThat(injector.plan()).isEqualTo(good);
    assertThat(injector.decide("m", Target.CHAT).kind()).isEqualTo(RATE_LIMIT);
  }

  @Test
  void listenersHearEveryAppliedPlanUntilTheyStop() throws Exception {
    var injector = new FaultInjector(FaultPlan.healthy(1), now::get);
    List<FaultPlan> heard = new ArrayList<>();
    AutoCloseable subscription = injector.onChange(heard::add);

    injector.apply("{\"seed\": 3, \"rules\": [{\"kind\": \"reset\"}]}");
    injector.clear();
    subscription.close();
    injector.apply(FaultPlan.healthy(9));

    assertThat(heard).hasSize(2);
    assertThat(heard.get(0).rules().get(0).kind()).isEqualTo(FaultKind.RESET);
    assertThat(heard.get(1)).isEqualTo(FaultPlan.healthy(3));
  }

  @Test
  void aForcedFaultUsesTheKindsDefaultsAndStillCountsTheRequest() {
    var injector = new FaultInjector(FaultPlan.of(1, FaultRule.sequence(List.of(RATE_LIMIT, OK), false)), now::get);

    FaultDecision forced = injector.force(FaultKind.SLOW, "m", Target.CHAT);

    assertThat(forced.kind()).isEqualTo(FaultKind.SLOW);
    assertThat(forced.latencyMs()).isEqualTo(FaultDecision.DEFAULT_SLOW_MS);
    assertThat(forced.rule()).isEqualTo(-1);
    assertThat(injector.decide("m", Target.CHAT).kind()).as("the forced request took number 0").isEqualTo(OK);
  }

  @Test
  void concurrentRequestsEachGetTheirOwnNumber() throws Exception {
    int threads = 8;
    int each = 1_000;
    List<FaultKind> script = new ArrayList<>(Collections.nCopies(threads * each, OK));
    for (int i = 0; i < script.size(); i += 4) script.set(i, RATE_LIMIT);
    var injector = new FaultInjector(FaultPlan.of(1, FaultRule.sequence(script, false)), now::get);
    var counts = new ConcurrentHashMap<FaultKind, AtomicLong>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    var done = new CountDownLatch(threads);

    for (int t = 0; t < threads; t++) {
      pool.execute(() -> {
        for (int i = 0; i < each; i++)
          counts.computeIfAbsent(injector.decide("m", Target.CHAT).kind(), k -> new AtomicLong()).incrementAndGet();
        done.countDown();
      });
    }

    assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
    pool.shutdown();
    assertThat(counts.get(RATE_LIMIT).get()).isEqualTo(threads * each / 4);
    assertThat(counts.get(OK).get()).isEqualTo(threads * each * 3 / 4);
  }
}
