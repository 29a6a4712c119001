package dev.playground.ui;

import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;

/**
 * Messages that name a field as the form labels it: a spec says "maxAttempts must be …" or "rules[0].probability
 * must be …"; the form shows "Max attempts (maxAttempts) must be …", the label first and the code name after it
 * in brackets, so the message is read against what is on screen. Stateless; FX thread.
 */
public final class FieldLabels {
  private FieldLabels() {}

  /**
   * {@code message} with its leading code name (a word like {@code maxAttempts} or a path like
   * {@code rules[0].probability}) preceded by {@code field}'s label; unchanged when the field has no label of its
   * own or the message does not start with a code name.
   */
  public static String labelled(Node field, String message) {
    if (field == null || message == null) return message;
    String label = labelOf(field);
    int space = message.indexOf(' ');
    if (label == null || label.isBlank() || space <= 0) return message;
    String code = message.substring(0, space);
    if (!code.matches("[a-z][A-Za-z0-9_]*(\\[\\d+])?(\\.[a-z][A-Za-z0-9_]*(\\[\\d+])?)*")) return message;
    String rest = message.substring(space);
    // "maxDelay (2000 ms) must be …": the value in brackets stays, the code name goes
    if (label.equalsIgnoreCase(code) || rest.startsWith(" (")) return label + rest;
    return label + " (" + code + ")" + rest;
  }

  /** The label right before the control in its row, or a check box's own text. */
  static String labelOf(Node node) {
    if (node instanceof CheckBox box) return box.getText();
    if (!(node.getParent() instanceof Pane row)) return null;
    int i = row.getChildren().indexOf(node);
    if (i > 0 && row.getChildren().get(i - 1) instanceof Label l && !l.getText().isBlank()
        && Character.isLetter(l.getText().charAt(0)))
      return l.getText();
    return null;
  }
}
