package dev.playground.ui.faults;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.TitledPane;

/** Finds the controls a person can use that say nothing when hovered. For tests. */
public final class Tooltips {
  private Tooltips() {}

  /** "TextField#probabilityField" for each control without a tooltip, looking inside scroll and titled panes. */
  public static List<String> missing(Node root) {
    List<String> out = new ArrayList<>();
    collect(root, out);
    return out;
  }

  private static void collect(Node node, List<String> out) {
    if (node instanceof ScrollPane s) {
      if (s.getContent() != null) collect(s.getContent(), out);
      return;
    }
    boolean passive = node instanceof Label || node instanceof Separator || node instanceof ScrollBar;
    if (node instanceof Control c && !passive && c.getTooltip() == null)
      out.add(c.getClass().getSimpleName() + "#" + c.getId());
    if (node instanceof TitledPane t) {
      if (t.getContent() != null) collect(t.getContent(), out);
      return;
    }
    if (node instanceof Control) return; // the rest belongs to its skin
    if (node instanceof Parent p) for (Node child : p.getChildrenUnmodifiable()) collect(child, out);
  }
}
