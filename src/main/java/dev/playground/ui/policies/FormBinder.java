package dev.playground.ui.policies;

import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;

/**
 * How every section of the Policies panel binds its controls: each field to its form property and to its key in
 * the {@link FieldMarks} (so a problem marks it), each section's switch to its box and its problem line. FX thread.
 */
final class FormBinder {
  private final FieldMarks marks;

  FormBinder(FieldMarks marks) {
    this.marks = marks;
  }

  /** A policy's on/off switch: shows its box while on; {@code line} shows the problems of keys under {@code prefix}. */
  void section(CheckBox on, Node box, BooleanProperty value, String prefix, Label line) {
    on.selectedProperty().bindBidirectional(value);
    showWhen(box, value);
    marks.section(prefix, line);
    hideWhenEmpty(line);
  }

  void text(TextField field, StringProperty value, String key) {
    field.textProperty().bindBidirectional(value);
    mark(key, field);
  }

  void check(CheckBox box, BooleanProperty value, String key) {
    box.selectedProperty().bindBidirectional(value);
    if (key != null) mark(key, box);
  }

  void mark(String key, Node node) {
    marks.field(key, node);
  }

  /** A line that shows the problems of {@code key} (a section without a switch). */
  void line(String key, Label line) {
    marks.section(key, line);
    hideWhenEmpty(line);
  }

  /** An empty message line takes no room. */
  static void hideWhenEmpty(Label label) {
    label.visibleProperty().bind(label.textProperty().isNotEmpty());
    label.managedProperty().bind(label.visibleProperty());
  }

  static void showWhen(Node node, ObservableBooleanValue on) {
    node.visibleProperty().bind(on);
    node.managedProperty().bind(node.visibleProperty());
  }

  /** Shows an enum by its JSON name ("decorrelated", "bursty"). */
  static <T extends Enum<T>> StringConverter<T> named(Function<T, String> name) {
    return new StringConverter<>() {
      @Override
      public String toString(T value) {
        return value == null ? "" : name.apply(value);
      }

      @Override
      public T fromString(String text) {
        throw new UnsupportedOperationException("not editable");
      }
    };
  }
}
