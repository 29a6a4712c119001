package dev.playground.ui.lesson;

import dev.playground.policy.FailsafeCode;
import dev.playground.policy.PolicySet;
import dev.playground.scenario.LessonSnippets;
import dev.playground.scenario.Scenario;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Lesson tab's content for the preset that runs: its title and summary, what to watch, the equivalent
 * Failsafe code of the policies in force, and the lesson's Python for the same pattern. Not thread-safe: FX
 * thread (or one test thread).
 */
public final class LessonViewModel {
  static final String NO_PYTHON = "# The lesson has no Python for this preset: it is a demo of the playground.\n"
      + "# Pick one of the lesson's patterns (1 to 13) to see its Python here.";

  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
  private final ObservableList<String> watch = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper javaCode = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper pythonCode = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper pythonSource = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper copied = new ReadOnlyStringWrapper("");

  public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }

  public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }

  /** What to watch for, one line each. */
  public ObservableList<String> watch() { return watch; }

  /** {@link FailsafeCode#of} the policies in force. */
  public ReadOnlyStringProperty javaCodeProperty() { return javaCode.getReadOnlyProperty(); }

  public ReadOnlyStringProperty pythonCodeProperty() { return pythonCode.getReadOnlyProperty(); }

  /** Where the Python comes from: "From the lesson: Circuit Breaker". */
  public ReadOnlyStringProperty pythonSourceProperty() { return pythonSource.getReadOnlyProperty(); }

  /** "Copied the Java code." after a copy; "" before. */
  public ReadOnlyStringProperty copiedProperty() { return copied.getReadOnlyProperty(); }

  /** Shows a scenario with the policies in force (which may be the user's, not the preset's). */
  public void show(Scenario scenario, PolicySet policies) {
    title.set(scenario.title());
    summary.set(scenario.summary());
    watch.setAll(scenario.watch());
    String section = scenario.lessonSection();
    var python = LessonSnippets.python(section);
    pythonCode.set(python.orElse(NO_PYTHON));
    pythonSource.set(python.isPresent() ? "From the lesson, \"" + section + "\"" : "");
    showPolicies(policies == null ? scenario.policies() : policies);
  }

  /** New policies in force: the Java code follows them. */
  public void showPolicies(PolicySet policies) {
    javaCode.set(FailsafeCode.of(policies));
    copied.set("");
  }

  /** The text a Copy button puts on the clipboard, and says so. */
  public String copyJava() {
    copied.set("Copied the Failsafe code (" + javaCode.get().lines().count() + " lines).");
    return javaCode.get();
  }

  public String copyPython() {
    copied.set("Copied the Python (" + pythonCode.get().lines().count() + " lines).");
    return pythonCode.get();
  }
}
