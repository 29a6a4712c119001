package dev.playground.ui.policies;

import dev.playground.ui.FieldLabels;
import dev.playground.ui.Invalid;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;

/**
 * Which controls show which field, and which line shows each section's problems: marks the controls of the
 * fields with a problem ({@code :invalid}) and writes each section's messages on its line, moved just below
 * the first marked field so that the message is read where the value was typed. FX thread.
 */
final class FieldMarks {
  static final PseudoClass INVALID = Invalid.PSEUDO_CLASS;

  /** Field key → the controls that show it, in the order the form shows them. */
  private final Map<String, List<Node>> fields = new LinkedHashMap<>();
  /** Section prefix ("retry.", or a key such as "chain") → the line that shows its problems. */
  private final Map<String, Label> lines = new LinkedHashMap<>();

  void field(String key, Node node) {
    fields.computeIfAbsent(key, k -> new ArrayList<>()).add(node);
  }

  void section(String prefix, Label line) {
    lines.put(prefix, line);
  }

  void show(Map<String, String> errors) {
    fields.forEach((key, nodes) -> nodes.forEach(n -> n.pseudoClassStateChanged(INVALID, errors.containsKey(key))));
    List<String> order = new ArrayList<>(fields.keySet());
    lines.forEach((prefix, line) -> {
      List<String> keys = errors.keySet().stream().filter(k -> inSection(k, prefix))
          .sorted((a, b) -> Integer.compare(place(order, a), place(order, b))).toList();
      line.setText(String.join("\n", keys.stream().map(k -> labelled(k, errors.get(k))).toList()));
      if (!keys.isEmpty() && fields.containsKey(keys.get(0))) MessageLines.below(line, fields.get(keys.get(0)).get(0));
    });
  }

  /** The message as the form names its field ({@link FieldLabels}). */
  String labelled(String key, String message) {
    List<Node> nodes = fields.get(key);
    return nodes == null || nodes.isEmpty() ? message : FieldLabels.labelled(nodes.get(0), message);
  }

  private static boolean inSection(String key, String prefix) {
    return key.equals(prefix) || key.startsWith(prefix)
        || (prefix.endsWith(".") && key.equals(prefix.substring(0, prefix.length() - 1)));
  }

  /** A key without a control (a section's own problem) goes last. */
  private static int place(List<String> order, String key) {
    int i = order.indexOf(key);
    return i < 0 ? Integer.MAX_VALUE : i;
  }
}
