package dev.playground.lab;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;

/**
 * What a lab run found: one row per strategy and client count, strategy by strategy in the order of the
 * settings, client counts ascending. Immutable and thread-safe.
 */
public record HerdResult(HerdSettings settings, List<HerdRow> rows) {

  public HerdResult {
    if (settings == null) throw new IllegalArgumentException("settings must be set");
    rows = List.copyOf(rows);
    var points = new HashSet<String>();
    for (HerdRow r : rows) {
      String point = r.strategy().id() + " at " + r.clients() + " clients";
      if (!settings.strategies().contains(r.strategy()) || !settings.clients().contains(r.clients()))
        throw new IllegalArgumentException("row " + point + " is not in the settings");
      if (!points.add(point)) throw new IllegalArgumentException("row " + point + " repeats");
    }
    if (rows.size() != settings.strategies().size() * settings.clients().size())
      throw new IllegalArgumentException("rows must cover every strategy and client count: "
          + settings.strategies().size() * settings.clients().size() + " rows, was " + rows.size());
  }

  /** The row for a strategy and client count. */
  public HerdRow row(HerdStrategy strategy, int clients) {
    for (HerdRow r : rows) if (r.strategy() == strategy && r.clients() == clients) return r;
    throw new IllegalArgumentException("no row for " + strategy.id() + " at " + clients + " clients");
  }

  /** One strategy's rows by client count ascending: a line on a chart with N on the x axis. */
  public List<HerdRow> series(HerdStrategy strategy) {
    return rows.stream()
        .filter(r -> r.strategy() == strategy)
        .sorted(Comparator.comparingInt(HerdRow::clients))
        .toList();
  }

  /** The strategies in the order of the settings. */
  public List<HerdStrategy> strategies() {
    return settings.strategies();
  }

  /** The client counts, ascending. */
  public List<Integer> clients() {
    return settings.clients().stream().sorted().toList();
  }
}
