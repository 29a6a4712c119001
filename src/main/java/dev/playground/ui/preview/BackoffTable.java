package dev.playground.ui.preview;

import dev.playground.policy.BackoffComparison;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A {@link BackoffComparison} as the preview shows it: one row per wait, the lesson's table (when it has one),
 * what tenacity really waits and what Failsafe's {@code withBackoff} waits, and a sentence on where they part.
 * Immutable and thread-safe.
 *
 * @param title what the table is about ("The lesson's example", "This preset")
 * @param note one sentence on the difference; empty when the columns agree
 */
record BackoffTable(String title, String python, String failsafeCode, boolean hasLesson, List<Row> rows, String note) {
  static final String STOPS = "(stops)";

  BackoffTable {
    rows = List.copyOf(rows);
  }

  /** One wait: after which attempt, and each column's value ("4 s", "(stops)", or "" where a column has none). */
  record Row(int afterAttempt, String lesson, String tenacity, String failsafe) {}

  static BackoffTable of(String title, BackoffComparison c) {
    boolean lesson = !c.lessonSays().isEmpty();
    int n = Math.max(c.lessonSays().size(), Math.max(c.tenacity().size(), c.failsafe().size()));
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(new Row(i + 1, lesson ? cell(c.lessonSays(), i) : "", cell(c.tenacity(), i), cell(c.failsafe(), i)));
    }
    return new BackoffTable(title, c.python(), c.failsafeCode(), lesson, rows, note(c));
  }

  private static String cell(List<Double> waits, int i) {
    return i < waits.size() ? Times.seconds(waits.get(i)) + " s" : STOPS;
  }

  /** Where the lesson (or the translation) goes wrong, said with this comparison's own numbers. */
  static String note(BackoffComparison c) {
    int waits = c.tenacity().size();
    String tenacity = "tenacity waits " + Times.secondsList(c.tenacity());
    String failsafe = "Failsafe's " + backoffCall(c.failsafeCode()) + " waits " + Times.secondsList(c.failsafe());
    if (!c.lessonSays().isEmpty()) {
      if (c.lessonSays().equals(c.tenacity())) return "";
      return "The lesson's table (" + Times.secondsList(c.lessonSays()) + ") is not what tenacity does: "
          + tenacity + ", because its min clamps the early waits instead of shifting the series, and "
          + stopCall(c.python()) + " means " + waits + " wait" + (waits == 1 ? "" : "s") + ", not "
          + c.lessonSays().size() + "; the lesson's doubling is " + failsafe + ".";
    }
    if (c.tenacity().equals(c.failsafe())) return "Here tenacity and Failsafe agree: " + tenacity + ".";
    return "The usual translation does not wait the same: " + tenacity + ", while " + failsafe + ".";
  }

  /** "withBackoff(4 s, 60 s)" from the generated Java. */
  private static String backoffCall(String code) {
    int at = code.lastIndexOf(".with");
    String call = at < 0 ? code : code.substring(at + 1);
    return call.replaceAll("Duration\\.ofSeconds\\((\\d+)\\)", "$1 s").replaceAll("Duration\\.ofMillis\\((\\d+)\\)", "$1 ms");
  }

  private static String stopCall(String python) {
    var m = Pattern.compile("stop_after_attempt\\(\\d+\\)").matcher(python);
    return m.find() ? m.group() : "the stop";
  }
}
