package dev.playground.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playground.clock.VirtualClock;
import dev.playground.events.RunEvent.RequestFinished;
import dev.playground.events.RunEvent;
import dev.playground.events.RunLogReader;
import dev.playground.events.Rung;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Live behaves like virtual time: every preset runs live (simulated provider on loopback, the real openai-java
 * SDK, real Failsafe, the real clock) and in virtual time with the same seed. Both logs keep the run-log
 * contract, and the requests each rung answered agree within {@link #tolerance}. A preset whose story takes
 * longer than {@link #LIVE_BUDGET_MS} is played faster (every duration scaled down, rates up, see
 * {@link Timescale}), in both clocks alike. The live runs go at once, so the test takes about the longest.
 */
class LiveParityTest {
  /** The longest story played at its own pace live; longer ones are scaled down to this. */
  static final long LIVE_BUDGET_MS = 30_000;

  @TempDir static Path dir;
  private static final ExecutorService LIVE = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "live-parity");
    t.setDaemon(true);
    return t;
  });
  private static final Map<String, Played> PLAYED = new ConcurrentHashMap<>();

  /** One preset played in both clocks. */
  record Played(Scenario scenario, double factor, List<RunEvent> virtual, CompletableFuture<List<RunEvent>> live) {}

  static Stream<String> presets() {
    return Presets.all().stream().map(Scenario::name);
  }

  @BeforeAll
  static void playEveryPresetLiveAtOnce() {
    for (Scenario preset : Presets.all()) {
      long storyMs = virtual(preset).stream().mapToLong(RunEvent::tMs).max().orElse(0);
      double factor = storyMs <= LIVE_BUDGET_MS ? 1.0 : (double) LIVE_BUDGET_MS / storyMs;
      Scenario s = Timescale.of(preset, factor);
      Path log = dir.resolve(s.name() + "-live.jsonl");
      var live = CompletableFuture.supplyAsync(() -> {
        ScenarioRun.live(s, log, null).runToEnd(Duration.ofMinutes(2));
        return read(log);
      }, LIVE);
      PLAYED.put(preset.name(), new Played(s, factor, virtual(s), live));
    }
  }

  @AfterAll
  static void stopThePool() {
    LIVE.shutdownNow();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("presets")
  void liveKeepsTheRunLogContractAndAnswersOnTheSameRungsAsVirtualTime(String preset) throws Exception {
    Played p = PLAYED.get(preset);
    List<RunEvent> live = p.live().get(3, TimeUnit.MINUTES);

    assertThat(RunLogContract.violations(p.virtual())).as("virtual log of %s", preset).isEmpty();
    assertThat(RunLogContract.violations(live)).as("live log of %s (×%.2f)", preset, p.factor()).isEmpty();
    Map<Rung, Integer> v = byRung(p.virtual());
    Map<Rung, Integer> l = byRung(live);
    int requests = p.scenario().load().requests();
    System.out.printf("parity %-24s ×%.2f  live %s  virtual %s%n", preset, p.factor(), l, v);
    for (Rung rung : Rung.values())
      assertThat(Math.abs(l.get(rung) - v.get(rung)))
          .as("%s (×%.2f): requests answered on %s live %s vs virtual %s", preset, p.factor(), rung.wireName(), l, v)
          .isLessThanOrEqualTo(tolerance(requests));
  }

  /**
   * How far live may stray from virtual time, per rung: two requests, or 10 % of them. Live latencies carry
   * real HTTP and scheduling jitter, so a request near the edge of a fault window, or a probability drawn in
   * a different arrival order, can land on the next rung.
   */
  static int tolerance(int requests) {
    return Math.max(2, (int) Math.ceil(requests * 0.10));
  }

  private static Map<Rung, Integer> byRung(List<RunEvent> events) {
    Map<Rung, Integer> counts = new EnumMap<>(Rung.class);
    for (Rung r : Rung.values()) counts.put(r, 0);
    events.stream().filter(RequestFinished.class::isInstance).map(e -> ((RequestFinished) e).rung())
        .forEach(r -> counts.merge(r, 1, Integer::sum));
    return counts;
  }

  private static List<RunEvent> virtual(Scenario s) {
    var events = new ArrayList<RunEvent>();
    ScenarioRun.virtual(s, new VirtualClock(), null, events::add).runToEnd(Duration.ofMinutes(1));
    return events;
  }

  private static List<RunEvent> read(Path log) {
    try {
      assertThat(Files.size(log)).isPositive();
      return RunLogReader.read(log).events();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
