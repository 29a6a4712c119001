package dev.playground.ui.policies;

import javafx.scene.Node;
import javafx.scene.layout.Pane;

/** Moves a message line to just below the row that holds a field, within the line's own box. FX thread. */
final class MessageLines {
  private MessageLines() {}

  /**
   * Puts {@code line} right after the child of its parent box that contains {@code field}; leaves it where it
   * is when the field is not in that box.
   */
  static void below(Node line, Node field) {
    if (!(line.getParent() instanceof Pane box)) return;
    Node row = field;
    while (row != null && row.getParent() != box) row = row.getParent();
    if (row == null || row == line) return;
    var children = box.getChildren();
    int at = children.indexOf(row) + 1;
    if (at < children.size() && children.get(at) == line) return;
    children.remove(line);
    children.add(children.indexOf(row) + 1, line);
  }
}
