package dev.playground.lab;

import dev.playground.clock.Seeds;

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

  // coordinates of the random draws, so each draw is a pure function of (seed, N, trial, client, attempt, leg)
  private static final int READ_REQUEST = 0;
  private static final int READ_REPLY = 1;
  private static final int WRITE_REQUEST = 2;
  private static final int WRITE_REPLY = 3;
  private static final int JITTER = 4;

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
    java.util.Arrays.fill(previousSleepMs, baseMs);
  }

  /** Runs one trial; returns {calls, completion in nanoseconds}. */
  static long[] run(HerdSettings settings, HerdStrategy strategy, int clients, int trial, EventLoop.Factory loops) {
    var t = new HerdTrial(settings, strategy, clients, trial, loops);
    for (int c = 0; c < clients; c++) t.loop.schedule(t.network(c, 0, READ_REQUEST), c, READ_AT_SERVER);
    t.loop.runUntilIdle();
    return new long[] {t.calls, t.lastDoneNanos};
  }

  @Override
  public void on(int client, int kind) {
    int a = attempt[client];
    if (kind == READ_AT_SERVER) {
      versionRead[client] = version;
      // the reply reaches the client, which sends its write at once: nothing shared happens in between
      loop.schedule(network(client, a, READ_REPLY) + network(client, a, WRITE_REQUEST), client, WRITE_AT_SERVER);
      return;
    }
    calls++;
    long reply = network(client, a, WRITE_REPLY);
    if (versionRead[client] == version) {
      version++;
      lastDoneNanos = Math.max(lastDoneNanos, loop.nowNanos() + reply);
      return;
    }
    int next = ++attempt[client];
    double sleepMs = strategy.sleepMs(next, previousSleepMs[client], baseMs, capMs,
        Seeds.unit(key, client, next, JITTER));
    previousSleepMs[client] = sleepMs;
    loop.schedule(reply + nanos(sleepMs) + network(client, next, READ_REQUEST), client, READ_AT_SERVER);
  }

  /** One message's one-way delay, |normal(mean, sd)|, as the published simulator draws it. */
  private long network(int client, int attempt, int leg) {
    return nanos(Math.abs(meanMs + sdMs * Seeds.gaussian(key, client, attempt, leg)));
  }

  private static long nanos(double millis) {
    return Math.round(millis * 1e6);
  }

  private static double millis(java.time.Duration d) {
    return d.toNanos() / 1e6;
  }
}
