package dev.playground.ui;

import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.Node;

/**
 * The one way a control shows that its value breaks a rule: the {@code :invalid} pseudo-class, styled once in
 * {@code styles/base.css}. FX thread.
 */
public final class Invalid {
  public static final PseudoClass PSEUDO_CLASS = PseudoClass.getPseudoClass("invalid");

  private Invalid() {}

  public static void set(Node node, boolean invalid) {
    node.pseudoClassStateChanged(PSEUDO_CLASS, invalid);
  }

  /** Marks {@code node} whenever {@code error} (a message, empty when the value is fine) is not empty. */
  public static void follow(Node node, ObservableValue<String> error) {
    set(node, isError(error.getValue()));
    error.addListener((o, before, message) -> set(node, isError(message)));
  }

  private static boolean isError(String message) {
    return message != null && !message.isEmpty();
  }
}
