package dev.playground.app;

import dev.playground.ui.charts.ChartsModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;

/** What the chart view models hold, as text: two runs drew the same charts if these are equal. FX thread. */
final class ChartContents {
  private ChartContents() {}

  static List<String> of(ChartsModel charts) {
    List<String> out = new ArrayList<>();
    xy(out, "timeline.bars", charts.timeline().bars());
    xy(out, "timeline.marks", charts.timeline().marks());
    out.add("timeline.rows " + String.join(",", charts.timeline().rowLabels()));
    xy(out, "breakers.states", charts.breakers().states());
    xy(out, "breakers.rates", charts.breakers().rates());
    // when each opened and is due (the time left depends on when it is read: the run clock live, the log's end in a replay)
    out.add("breakers.countdowns " + charts.breakers().countdowns().stream()
        .map(c -> c.breaker() + " " + c.openedAtMs() + ".." + c.halfOpenAtMs()).toList());
    xy(out, "ladder.overTime", charts.ladder().overTime());
    category(out, "ladder.total", charts.ladder().total());
    xy(out, "latency.percentiles", charts.latency().percentiles());
    xy(out, "latency.rates", charts.latency().rates());
    return out;
  }

  private static void xy(List<String> out, String name, XYDataset d) {
    for (int s = 0; s < d.getSeriesCount(); s++) {
      StringBuilder line = new StringBuilder(name).append('[').append(d.getSeriesKey(s)).append("]");
      for (int i = 0; i < d.getItemCount(s); i++) {
        if (d instanceof IntervalXYDataset iv) {
          line.append(String.format(Locale.ROOT, " (%.3f..%.3f, %.3f..%.3f)", iv.getStartXValue(s, i),
              iv.getEndXValue(s, i), iv.getStartYValue(s, i), iv.getEndYValue(s, i)));
        } else {
          line.append(String.format(Locale.ROOT, " (%.3f, %.3f)", d.getXValue(s, i), d.getYValue(s, i)));
        }
      }
      out.add(line.toString());
    }
  }

  private static void category(List<String> out, String name, CategoryDataset d) {
    for (int r = 0; r < d.getRowCount(); r++)
      for (int c = 0; c < d.getColumnCount(); c++)
        out.add(name + "[" + d.getRowKey(r) + "," + d.getColumnKey(c) + "] " + d.getValue(r, c));
  }
}
