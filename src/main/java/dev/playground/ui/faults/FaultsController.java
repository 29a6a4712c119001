package dev.playground.ui.faults;

import dev.playground.faults.FaultKind;
import dev.playground.faults.Target;
import dev.playground.ui.FieldLabels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.Property;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Binds the Faults panel's FXML to its {@link FaultsViewModel} and forwards the buttons. FX thread. */
public final class FaultsController {
  @FXML private BorderPane faultsRoot;
  @FXML private ComboBox<FaultTarget> targetPicker;
  @FXML private Button applyButton;
  @FXML private Label dirtyLabel;
  @FXML private Label statusLabel;
  @FXML private VBox outsideBanner;
  @FXML private Label outsideLabel;
  @FXML private TextField quickSecondsField;
  @FXML private Label quickProblemLabel;
  @FXML private ListView<RuleDraft> rulesList;
  @FXML private Button upButton;
  @FXML private Button downButton;
  @FXML private Button removeButton;
  @FXML private ComboBox<FaultKind> addKindPicker;
  @FXML private VBox ruleEditor;
  @FXML private Label ruleTitle;
  @FXML private HBox kindRow;
  @FXML private ComboBox<FaultKind> kindPicker;
  @FXML private Label kindHint;
  @FXML private HBox sequenceRow;
  @FXML private TextField sequenceField;
  @FXML private CheckBox repeatCheck;
  @FXML private HBox ruleTargetRow;
  @FXML private ComboBox<Target> ruleTargetPicker;
  @FXML private TextField probabilityField;
  @FXML private HBox retryAfterRow;
  @FXML private TextField retryAfterSField;
  @FXML private TextField retryAfterMsField;
  @FXML private HBox shouldRetryRow;
  @FXML private ComboBox<RuleDraft.ShouldRetry> shouldRetryPicker;
  @FXML private HBox statusRow;
  @FXML private TextField statusField;
  @FXML private HBox holdRow;
  @FXML private TextField holdField;
  @FXML private LatencyFields latencyFields;
  @FXML private Label latencyHint;
  @FXML private TextField modelsField;
  @FXML private TextField windowFromField;
  @FXML private TextField windowToField;
  @FXML private TextField noteField;
  @FXML private Label ruleProblemLabel;
  @FXML private TextField seedField;
  @FXML private LatencyFields baseLatencyFields;
  @FXML private Label planProblemLabel;
  @FXML private Label jsonCaptionLabel;
  @FXML private TextArea jsonArea;
  @FXML private TextArea pasteArea;
  @FXML private Label pasteProblemLabel;

  private final FaultsViewModel model;
  private final List<Runnable> ruleUnbind = new ArrayList<>();
  private final List<Runnable> planUnbind = new ArrayList<>();
  private final InvalidationListener ruleShapeChanged = o -> showRows();
  private RuleDraft rule;
  private boolean syncingSelection;

  public FaultsController(FaultsViewModel model) {
    this.model = model;
  }

  @FXML
  private void initialize() {
    for (String sheet : List.of("/styles/editors.css", "/styles/faults.css"))
      faultsRoot.getStylesheets().add(FaultsController.class.getResource(sheet).toExternalForm());
    targetPicker.setItems(model.targets());
    targetPicker.valueProperty().addListener((o, a, t) -> {
      if (t != null && t != model.targetProperty().get()) model.select(t.name());
    });
    model.targetProperty().addListener((o, a, t) -> targetPicker.setValue(t));

    applyButton.disableProperty().bind(model.targetProperty().isNull());
    dirtyLabel.visibleProperty().bind(model.dirtyProperty());
    statusLabel.textProperty().bind(model.statusProperty());
    model.statusIsErrorProperty().addListener((o, a, error) -> statusLabel.pseudoClassStateChanged(
        LatencyFields.INVALID, error));
    outsideLabel.textProperty().bind(model.outsideChangeProperty());
    visibleWhen(outsideBanner, !model.outsideChangeProperty().get().isEmpty());
    model.outsideChangeProperty().addListener((o, a, b) -> visibleWhen(outsideBanner, !b.isEmpty()));

    quickSecondsField.textProperty().bindBidirectional(model.quickSecondsProperty());
    quickProblemLabel.textProperty().bind(model.quickProblemProperty());
    model.quickProblemProperty().addListener((o, a, b) -> quickSecondsField.pseudoClassStateChanged(
        LatencyFields.INVALID, !b.isEmpty()));

    addKindPicker.getItems().setAll(FaultKind.values());
    addKindPicker.setValue(FaultKind.RATE_LIMIT);
    kindPicker.getItems().setAll(FaultKind.values());
    for (ComboBox<FaultKind> c : List.of(addKindPicker, kindPicker)) {
      c.setCellFactory(v -> new Cells.KindCell());
      c.setButtonCell(new Cells.KindCell());
    }
    ruleTargetPicker.getItems().setAll(Target.values());
    shouldRetryPicker.getItems().setAll(RuleDraft.ShouldRetry.values());
    rulesList.setCellFactory(v -> new Cells.RuleCell());
    rulesList.getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> {
      if (!syncingSelection) model.selectedRuleProperty().set(i.intValue());
    });
    model.selectedRuleProperty().addListener((o, a, i) -> selectRule());

    model.draftProperty().addListener((o, a, d) -> showDraft(d));
    model.problemProperty().addListener((o, a, p) -> showPlanProblem(p));
    jsonCaptionLabel.textProperty().bind(model.jsonCaptionProperty());
    jsonArea.textProperty().bind(model.jsonProperty());
    pasteArea.textProperty().bindBidirectional(model.pasteTextProperty());
    pasteProblemLabel.textProperty().bind(model.pasteProblemProperty());
    baseLatencyFields.shapePicker().setTooltip(new Tooltip(
        "Waited before every answer, healthy or not; a rule's own latency is added to it."));
    for (Label l : List.of(statusLabel, quickProblemLabel, ruleProblemLabel, planProblemLabel, pasteProblemLabel))
      hideWhenEmpty(l);
    showDraft(model.draftProperty().get());
    targetPicker.setValue(model.targetProperty().get());
  }

  private void showDraft(PlanDraft draft) {
    planUnbind.forEach(Runnable::run);
    planUnbind.clear();
    syncingSelection = true; // new items clear the list's selection: the model says what is selected
    try {
      rulesList.setItems(draft.rules());
    } finally {
      syncingSelection = false;
    }
    ListChangeListener<RuleDraft> moved = c -> selectRule();
    draft.rules().addListener(moved);
    planUnbind.add(() -> draft.rules().removeListener(moved));
    link(planUnbind, seedField.textProperty(), draft.seedProperty());
    baseLatencyFields.bind(draft.baseLatency());
    selectRule();
    showPlanProblem(model.problemProperty().get());
  }

  /** Puts the selected rule into the editor (or hides the editor). */
  private void selectRule() {
    var rules = model.draftProperty().get().rules();
    int i = model.selectedRuleProperty().get();
    syncingSelection = true;
    try {
      if (i >= 0 && i < rules.size()) rulesList.getSelectionModel().select(i);
      else rulesList.getSelectionModel().clearSelection();
    } finally {
      syncingSelection = false;
    }
    RuleDraft next = i >= 0 && i < rules.size() ? rules.get(i) : null;
    upButton.setDisable(next == null || i == 0);
    downButton.setDisable(next == null || i == rules.size() - 1);
    removeButton.setDisable(next == null);
    if (next != null) ruleTitle.setText("Rule " + (i + 1) + (next.isSequence() ? ": scripted sequence" : ""));
    if (next == rule) return;
    ruleUnbind.forEach(Runnable::run);
    ruleUnbind.clear();
    rule = next;
    visibleWhen(ruleEditor, rule != null);
    if (rule == null) {
      latencyFields.bind(null);
      return;
    }
    link(ruleUnbind, kindPicker.valueProperty(), rule.kindProperty());
    link(ruleUnbind, sequenceField.textProperty(), rule.sequenceProperty());
    link(ruleUnbind, repeatCheck.selectedProperty(), rule.repeatProperty());
    link(ruleUnbind, ruleTargetPicker.valueProperty(), rule.targetProperty());
    link(ruleUnbind, probabilityField.textProperty(), rule.probabilityProperty());
    link(ruleUnbind, retryAfterSField.textProperty(), rule.retryAfterSProperty());
    link(ruleUnbind, retryAfterMsField.textProperty(), rule.retryAfterMsProperty());
    link(ruleUnbind, shouldRetryPicker.valueProperty(), rule.shouldRetryProperty());
    link(ruleUnbind, statusField.textProperty(), rule.statusProperty());
    link(ruleUnbind, holdField.textProperty(), rule.holdMsProperty());
    link(ruleUnbind, modelsField.textProperty(), rule.modelsProperty());
    link(ruleUnbind, windowFromField.textProperty(), rule.windowFromMsProperty());
    link(ruleUnbind, windowToField.textProperty(), rule.windowToMsProperty());
    link(ruleUnbind, noteField.textProperty(), rule.noteProperty());
    latencyFields.bind(rule.latency());
    RuleDraft bound = rule;
    for (Observable o : List.<Observable>of(rule.kindProperty(), rule.sequenceProperty(), rule.targetProperty()))
      o.addListener(ruleShapeChanged);
    ruleUnbind.add(() -> List.<Observable>of(bound.kindProperty(), bound.sequenceProperty(), bound.targetProperty())
        .forEach(o -> o.removeListener(ruleShapeChanged)));
    InvalidationListener problemChanged = o -> showRuleProblem(bound.problemProperty().get());
    rule.problemProperty().addListener(problemChanged);
    ruleUnbind.add(() -> bound.problemProperty().removeListener(problemChanged));
    showRows();
    showRuleProblem(rule.problemProperty().get());
  }

  /** Shows the parameters that apply to the rule's kinds, and says what its latency means for them. */
  private void showRows() {
    if (rule == null) return;
    visibleWhen(kindRow, !rule.isSequence());
    visibleWhen(sequenceRow, rule.isSequence());
    boolean engine = model.targetProperty().get() != null && model.targetProperty().get().engine();
    visibleWhen(ruleTargetRow, engine || rule.targetProperty().get() != Target.CHAT);
    boolean errors = rule.takesErrorParameters();
    visibleWhen(retryAfterRow, errors);
    visibleWhen(shouldRetryRow, errors);
    visibleWhen(statusRow, errors);
    visibleWhen(holdRow, rule.takesHold());
    FaultKind k = rule.kindProperty().get();
    kindHint.setText(k == null ? "" : k.description() + (k.status() > 0 ? " (" + k.status() + ")" : ""));
    visibleWhen(kindHint, k != null && !rule.isSequence());
    statusField.setPromptText(k != null && k.isErrorStatus() ? Integer.toString(k.status()) : "");
    boolean slow = rule.kinds().contains(FaultKind.SLOW) || rule.kinds().contains(FaultKind.SLOW_FIRST_TOKEN);
    latencyHint.setText(slow ? "For slow: the delay before the answer (5 s when none)."
        : "Added before the answer, on top of the base latency.");
  }

  private void showRuleProblem(Problem p) {
    ruleProblemLabel.setText(p == null ? "" : p.message());
    Map<Node, String> fields = Map.ofEntries(
        Map.entry(kindPicker, "kind"), Map.entry(sequenceField, "sequence"), Map.entry(repeatCheck, "repeat"),
        Map.entry(ruleTargetPicker, "target"), Map.entry(probabilityField, "probability"),
        Map.entry(retryAfterSField, "retry_after_s"), Map.entry(retryAfterMsField, "retry_after_ms"),
        Map.entry(shouldRetryPicker, "should_retry"), Map.entry(statusField, "status"),
        Map.entry(holdField, "hold_ms"), Map.entry(modelsField, "models"),
        Map.entry(windowFromField, "window.from_ms"), Map.entry(windowToField, "window.to_ms"),
        Map.entry(noteField, "note"));
    Node marked = null;
    for (var e : fields.entrySet()) {
      boolean bad = p != null && (p.concerns(e.getValue()) || (e.getValue().equals("kind") && p.path().isEmpty()));
      e.getKey().pseudoClassStateChanged(LatencyFields.INVALID, bad);
      if (bad) marked = e.getKey();
    }
    boolean latency = p != null && p.concerns("latency");
    latencyFields.mark(latency ? p.path().substring("latency.".length()) : null);
    if (latency) marked = latencyFields;
    if (marked != null) below(ruleProblemLabel, marked); // the message is read where the value was typed
    if (p != null && marked != null) ruleProblemLabel.setText(FieldLabels.labelled(marked, p.message()));
  }

  /** Moves {@code line} to just after the row of its box that holds {@code field}. */
  private static void below(Label line, Node field) {
    if (!(line.getParent() instanceof VBox box)) return;
    Node row = field;
    while (row != null && row.getParent() != box) row = row.getParent();
    if (row == null) return;
    box.getChildren().remove(line);
    box.getChildren().add(box.getChildren().indexOf(row) + 1, line);
  }

  private void showPlanProblem(Problem p) {
    boolean plan = p != null && p.rule() < 0;
    planProblemLabel.setText(plan ? p.message() : "");
    seedField.pseudoClassStateChanged(LatencyFields.INVALID, plan && p.concerns("seed"));
    baseLatencyFields.mark(plan && p.concerns("base_latency") ? p.path().substring("base_latency.".length()) : null);
  }

  private static <T> void link(List<Runnable> undo, Property<T> control, Property<T> value) {
    control.setValue(value.getValue());
    control.bindBidirectional(value);
    undo.add(() -> control.unbindBidirectional(value));
  }

  /** An empty message line takes no room. */
  private static void hideWhenEmpty(Label label) {
    label.visibleProperty().bind(label.textProperty().isNotEmpty());
    label.managedProperty().bind(label.visibleProperty());
  }

  private static void visibleWhen(Node node, boolean on) {
    node.setVisible(on);
    node.setManaged(on);
  }

  @FXML private void apply() { model.apply(); }

  @FXML private void revert() { model.revert(); }

  @FXML private void reloadOutside() { model.reloadOutside(); }

  @FXML private void keepMine() { model.keepMine(); }

  @FXML private void outage() { model.outage(); }

  @FXML private void storm() { model.storm(); }

  @FXML private void moveUp() { model.moveUp(); }

  @FXML private void moveDown() { model.moveDown(); }

  @FXML private void remove() { model.removeSelected(); }

  @FXML private void clear() { model.clear(); }

  @FXML private void addRule() {
    if (addKindPicker.getValue() != null) model.addRule(addKindPicker.getValue());
  }

  @FXML private void addSequence() { model.addSequence(); }

  @FXML private void loadPasted() { model.loadPasted(); }

  @FXML
  private void copyJson() {
    ClipboardContent content = new ClipboardContent();
    content.putString(model.jsonProperty().get());
    Clipboard.getSystemClipboard().setContent(content);
  }
}
