package dev.playground.ui.faults;

import dev.playground.faults.FaultKind;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;

/** The list cells of the Faults panel: fault kinds in the pickers, rules in the rule list. FX thread. */
final class Cells {
  private Cells() {}

  /** A fault kind by its plan name, with what the client gets as tooltip. */
  static final class KindCell extends ListCell<FaultKind> {
    @Override
    protected void updateItem(FaultKind kind, boolean empty) {
      super.updateItem(kind, empty);
      setText(empty || kind == null ? null : kind.wireName());
      setTooltip(empty || kind == null ? null
          : new Tooltip(kind.description() + (kind.status() > 0 ? " (" + kind.status() + ")" : "")));
    }
  }

  /** "2. rate_limit · p 0.7 …", marked when the rule has a problem; kept up to date as it is edited. */
  static final class RuleCell extends ListCell<RuleDraft> {
    private RuleDraft shown;
    private final InvalidationListener changed = o -> render();

    RuleCell() {
      setPrefWidth(0); // as wide as the list, never wider: long rules end in "…" (the tooltip has them whole)
    }

    @Override
    protected void updateItem(RuleDraft item, boolean empty) {
      super.updateItem(item, empty);
      if (shown != null) for (Observable o : observed(shown)) o.removeListener(changed);
      shown = empty ? null : item;
      if (shown != null) for (Observable o : observed(shown)) o.addListener(changed);
      render();
    }

    @Override
    public void updateIndex(int i) {
      super.updateIndex(i);
      render();
    }

    private void render() {
      if (shown == null) {
        setText(null);
        setTooltip(null);
        pseudoClassStateChanged(LatencyFields.INVALID, false);
        return;
      }
      Problem p = shown.problemProperty().get();
      String line = (getIndex() + 1) + ". " + shown.summary();
      setText(line);
      String note = shown.noteProperty().get();
      String tip = line + "\n" + (note == null || note.isBlank() ? "" : note + "\n")
          + (p == null ? "Select to edit." : p.message());
      setTooltip(new Tooltip(tip));
      pseudoClassStateChanged(LatencyFields.INVALID, p != null);
    }

    private static List<Observable> observed(RuleDraft r) {
      List<Observable> all = new ArrayList<>(List.of(r.observables()));
      all.add(r.problemProperty());
      return all;
    }
  }
}
