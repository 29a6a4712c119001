package dev.playground.lab;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;

/**
 * What the thundering-herd lab runs: which strategies, how many clients, how many trials, the seed, the backoff
 * base and cap, and the network's one-way delay (normal, mean and standard deviation). Validated on
 * construction; immutable and thread-safe.
 */
public record HerdSettings(
    List<HerdStrategy> strategies,
    List<Integer> clients,
    int trials,
    long seed,
    Duration base,
    Duration cap,
    Duration networkMean,
    Duration networkSd) {

  /** More clients than this would make "no backoff" run for minutes (its work grows with N²). */
  public static final int MAX_CLIENTS = 1_000;
  public static final int MAX_TRIALS = 10_000;
  public static final long DEFAULT_SEED = 2015;

  public HerdSettings {
    if (strategies == null || strategies.isEmpty()) throw new IllegalArgumentException("strategies must not be empty");
    var named = new HashSet<HerdStrategy>();
    for (int i = 0; i < strategies.size(); i++) {
      HerdStrategy s = strategies.get(i);
      if (s == null) throw new IllegalArgumentException("strategies[" + i + "] must be set");
      if (!named.add(s)) throw new IllegalArgumentException("strategies[" + i + "] repeats " + s.id());
    }
    if (clients == null || clients.isEmpty()) throw new IllegalArgumentException("clients must not be empty");
    var seen = new HashSet<Integer>();
    for (int i = 0; i < clients.size(); i++) {
      Integer n = clients.get(i);
      if (n == null || n < 1 || n > MAX_CLIENTS)
        throw new IllegalArgumentException("clients[" + i + "] must be in [1, " + MAX_CLIENTS + "], was " + n);
      if (!seen.add(n)) throw new IllegalArgumentException("clients[" + i + "] repeats " + n);
    }
    if (trials < 1 || trials > MAX_TRIALS)
      throw new IllegalArgumentException("trials must be in [1, " + MAX_TRIALS + "], was " + trials);
    requireNonNull("base", base);
    requireNonNull("cap", cap);
    requireNonNull("networkMean", networkMean);
    requireNonNull("networkSd", networkSd);
    if (base.isNegative() || base.isZero()) throw new IllegalArgumentException("base must be > 0 ms, was " + ms(base));
    if (cap.compareTo(base) < 0)
      throw new IllegalArgumentException("cap (" + ms(cap) + ") must be ≥ base (" + ms(base) + ")");
    if (cap.compareTo(Duration.ofHours(1)) > 0)
      throw new IllegalArgumentException("cap must be ≤ 3600000 ms, was " + ms(cap));
    if (networkMean.isNegative() || networkMean.isZero())
      throw new IllegalArgumentException("networkMean must be > 0 ms, was " + ms(networkMean));
    if (networkSd.isNegative()) throw new IllegalArgumentException("networkSd must be ≥ 0 ms, was " + ms(networkSd));
    strategies = List.copyOf(strategies);
    clients = List.copyOf(clients);
  }

  /**
   * The published experiment: all five strategies; 10, 25, 50 and 100 clients; 100 trials; base 5 ms, cap 2 s;
   * one-way network delay |normal(10 ms, 2 ms)|.
   */
  public static HerdSettings defaults() {
    return new HerdSettings(List.of(HerdStrategy.values()), List.of(10, 25, 50, 100), 100, DEFAULT_SEED,
        Duration.ofMillis(5), Duration.ofSeconds(2), Duration.ofMillis(10), Duration.ofMillis(2));
  }

  public HerdSettings withStrategies(List<HerdStrategy> strategies) {
    return new HerdSettings(strategies, clients, trials, seed, base, cap, networkMean, networkSd);
  }

  public HerdSettings withClients(List<Integer> clients) {
    return new HerdSettings(strategies, clients, trials, seed, base, cap, networkMean, networkSd);
  }

  public HerdSettings withTrials(int trials) {
    return new HerdSettings(strategies, clients, trials, seed, base, cap, networkMean, networkSd);
  }

  public HerdSettings withSeed(long seed) {
    return new HerdSettings(strategies, clients, trials, seed, base, cap, networkMean, networkSd);
  }

  public HerdSettings withBackoff(Duration base, Duration cap) {
    return new HerdSettings(strategies, clients, trials, seed, base, cap, networkMean, networkSd);
  }

  public HerdSettings withNetwork(Duration mean, Duration sd) {
    return new HerdSettings(strategies, clients, trials, seed, base, cap, mean, sd);
  }

  /** Strategies × client counts × trials: the number of simulated trials in a run. */
  public long totalTrials() {
    return (long) strategies.size() * clients.size() * trials;
  }

  private static void requireNonNull(String field, Duration value) {
    if (value == null) throw new IllegalArgumentException(field + " must be set");
  }

  static String ms(Duration d) {
    var millis = BigDecimal.valueOf(d.getSeconds()).scaleByPowerOfTen(3)
        .add(BigDecimal.valueOf(d.getNano(), 6));
    return millis.stripTrailingZeros().toPlainString() + " ms";
  }
}
