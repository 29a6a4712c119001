package dev.playground.lab;

import dev.playground.clock.Seeds;
import java.time.Duration;
import java.util.Arrays;

/**
 * One trial of the model: N clients each update one row guarded by optimistic concurrency, once. A try is a
 * read (learn the version) then a write carrying that version; each of its four one-way messages takes
 * |normal(mean, sd)|. The server applies the write only if the row's version is still the one read, i.e. no
 * other write landed in between; otherwise the client sleeps as its strategy says and tries again. Not
 * thread-safe; one per trial.
 */
final class HerdTrial implements EventLoop.Handler {
  static final int READ_AT_SERVER = 0;
  static final int WRITE_AT_SERVER = 1;

  // each draw is a pure function of (seed, N, trial, client, attempt, draw): the draws of one try
  private static final int READ_PAIR = 0;   // uniforms 0, 1: read reply and write request
  private static final int WRITE_PAIR = 2;  // uniforms 2, 3: write reply and the next try's read request
  private static final int JITTER = 4;      // uniform 4: the sleep after a lost write
  private static final double TWO_PI = 2 * Math.PI;

  private final HerdStrategy strategy;
  private final double baseMs;
  private final double capMs;
  private final double meanMs;
  private final double sdMs;
  private final long key;
  private final EventLoop loop;
  private final int[] attempt;          // lost writes so far, per client
  private final long[] versionRead;     // the version each client's pending write carries
  private final double[] previousSleepMs;
  private long version;
  private long calls;
  private long lastDoneNanos;

  private HerdTrial(HerdSettings settings, HerdStrategy strategy, int clients, int trial, EventLoop.Factory loops) {
    this.strategy = strategy;
    this.baseMs = millis(settings.base());
    this.capMs = millis(settings.cap());
    this.meanMs = millis(settings.networkMean());
    this.sdMs = millis(settings.networkSd());
    // no strategy in the key: every strategy meets the same network for the same (N, trial), which makes
    // the comparison between strategies sharper (common random numbers)
    this.key = Seeds.mix(settings.seed(), clients, trial);
    this.loop = loops.create(clients, this);
    this.attempt = new int[clients];
    this.versionRead = new long[clients];
    this.previousSleepMs = new double[clients];
    Arrays.fill(previousSleepMs, baseMs);
  }

  /** Runs one trial; returns {calls, completion in nanoseconds}. */
  static long[] run(HerdSettings settings, HerdStrategy strategy, int clients, int trial, EventLoop.Factory loops) {
    var t = new HerdTrial(settings, strategy, clients, trial, loops);
    for (int c = 0; c < clients; c++) {
      // the first read request is drawn as if a try -1 had lost its write
      long h = Seeds.mix(t.key, c, -1);
      t.loop.schedule(t.delay(t.normalPair(h, WRITE_PAIR, false)), c, READ_AT_SERVER);
    }
    t.loop.runUntilIdle();
    return new long[] {t.calls, t.lastDoneNanos};
  }

  @Override
  public void on(int client, int kind) {
    int a = attempt[client];
    long h = Seeds.mix(key, client, a);
    if (kind == READ_AT_SERVER) {
      versionRead[client] = version;
      // the reply reaches the client, which sends its write at once: nothing shared happens in between
      loop.schedule(delay(normalPair(h, READ_PAIR, true)) + delay(normalPair(h, READ_PAIR, false)),
          client, WRITE_AT_SERVER);
      return;
    }
    calls++;
    long reply = delay(normalPair(h, WRITE_PAIR, true));
    if (versionRead[client] == version) {
      version++;
      lastDoneNanos = Math.max(lastDoneNanos, loop.nowNanos() + reply);
      return;
    }
    int next = ++attempt[client];
    double sleepMs = strategy.sleepMs(next, previousSleepMs[client], baseMs, capMs, Seeds.unit(h, JITTER));
    previousSleepMs[client] = sleepMs;
    loop.schedule(reply + nanos(sleepMs) + delay(normalPair(h, WRITE_PAIR, false)), client, READ_AT_SERVER);
  }

  /**
   * One of the two standard normal numbers that the Box–Muller transform makes from the uniforms
   * {@code first} and {@code first + 1} of a try: the cosine one or the sine one.
   */
  private double normalPair(long h, int first, boolean cosine) {
    double radius = Math.sqrt(-2 * Math.log(Math.max(Seeds.unit(h, first), 0x1.0p-53)));
    double angle = TWO_PI * Seeds.unit(h, first + 1);
    return radius * (cosine ? Math.cos(angle) : Math.sin(angle));
  }

  /** A message's one-way delay, |normal(mean, sd)|, as the published simulator draws it. */
  private long delay(double standardNormal) {
    return nanos(Math.abs(meanMs + sdMs * standardNormal));
  }

  private static long nanos(double millis) {
    return Math.round(millis * 1e6);
  }

  private static double millis(Duration d) {
    return d.toNanos() / 1e6;
  }
}
