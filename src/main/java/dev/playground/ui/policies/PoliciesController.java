package dev.playground.ui.policies;

import dev.playground.policy.Jitter;
import dev.playground.policy.ModelRef;
import dev.playground.policy.RateLimiterSpec;
import java.util.List;
import java.util.function.Function;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;

/**
 * Binds the Policies panel's FXML to its {@link PoliciesViewModel} and {@link BreakersModel}: each field to its
 * form property, each problem to its field (pseudo-class {@code :invalid}) and its section's message line.
 * Refreshes the breakers once a second while the panel is in a scene. FX thread.
 */
public final class PoliciesController {
  static final PseudoClass INVALID = FieldMarks.INVALID;

  @FXML private BorderPane policiesRoot;
  @FXML private Label dirtyLabel;
  @FXML private Label statusLabel;
  @FXML private VBox breakerRows;
  @FXML private Label noBreakersLabel;
  @FXML private ListView<ModelRef> chainList;
  @FXML private Button chainUpButton;
  @FXML private Button chainDownButton;
  @FXML private Button chainRemoveButton;
  @FXML private ComboBox<String> chainProviderPicker;
  @FXML private ComboBox<String> chainModelPicker;
  @FXML private Label chainAddProblemLabel;
  @FXML private Label chainProblemLabel;
  @FXML private CheckBox retryOnCheck;
  @FXML private VBox retryBox;
  @FXML private TextField maxAttemptsField;
  @FXML private TextField delayField;
  @FXML private CheckBox backoffCheck;
  @FXML private HBox maxDelayRow;
  @FXML private TextField maxDelayField;
  @FXML private HBox factorRow;
  @FXML private TextField factorField;
  @FXML private ComboBox<Jitter> jitterPicker;
  @FXML private HBox jitterFactorRow;
  @FXML private TextField jitterFactorField;
  @FXML private TextField maxTotalField;
  @FXML private CheckBox honourCheck;
  @FXML private HBox capRow;
  @FXML private TextField capField;
  @FXML private KindChecks retryOnChecks;
  @FXML private KindChecks abortOnChecks;
  @FXML private KindChecks retryOnResultChecks;
  @FXML private Label scheduleLabel;
  @FXML private Label retryProblemLabel;
  @FXML private CheckBox breakerOnCheck;
  @FXML private VBox breakerBox;
  @FXML private RadioButton countModeRadio;
  @FXML private RadioButton rateModeRadio;
  @FXML private HBox countRow;
  @FXML private TextField failuresField;
  @FXML private TextField executionsField;
  @FXML private HBox percentRow;
  @FXML private TextField percentField;
  @FXML private TextField minExecutionsField;
  @FXML private HBox periodRow;
  @FXML private TextField periodField;
  @FXML private TextField successesField;
  @FXML private TextField trialsField;
  @FXML private TextField breakerDelayField;
  @FXML private KindChecks countOnChecks;
  @FXML private Label breakerProblemLabel;
  @FXML private CheckBox timeoutOnCheck;
  @FXML private VBox timeoutBox;
  @FXML private TextField perAttemptField;
  @FXML private Label timeoutProblemLabel;
  @FXML private CheckBox bulkheadOnCheck;
  @FXML private VBox bulkheadBox;
  @FXML private TextField maxConcurrentField;
  @FXML private TextField bulkheadWaitField;
  @FXML private Label bulkheadProblemLabel;
  @FXML private CheckBox rateLimiterOnCheck;
  @FXML private VBox rateLimiterBox;
  @FXML private ComboBox<RateLimiterSpec.Mode> modePicker;
  @FXML private TextField permitsField;
  @FXML private TextField limiterPeriodField;
  @FXML private TextField limiterWaitField;
  @FXML private Label rateLimiterProblemLabel;
  @FXML private CheckBox cacheOnCheck;
  @FXML private VBox cacheBox;
  @FXML private TextField ttlField;
  @FXML private TextField maxSizeField;
  @FXML private CheckBox checkFirstCheck;
  @FXML private Label cacheProblemLabel;
  @FXML private CheckBox ladderOnCheck;
  @FXML private VBox ladderBox;
  @FXML private CheckBox fullCheck;
  @FXML private CheckBox limitedCheck;
  @FXML private CheckBox cachedCheck;
  @FXML private CheckBox errorCheck;
  @FXML private TextField errorMessageField;
  @FXML private CheckBox limitedAfterCheck;
  @FXML private Label ladderProblemLabel;
  @FXML private Label jsonCaptionLabel;
  @FXML private TextArea jsonArea;
  @FXML private TextArea pasteArea;
  @FXML private Label pasteProblemLabel;

  private final PoliciesViewModel model;
  private final BreakersModel breakers;
  private final FieldMarks marks = new FieldMarks();
  private final Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> refreshBreakers()));

  public PoliciesController(PoliciesViewModel model, BreakersModel breakers) {
    this.model = model;
    this.breakers = breakers;
  }

  @FXML
  private void initialize() {
    for (String sheet : List.of("/styles/editors.css", "/styles/policies.css"))
      policiesRoot.getStylesheets().add(PoliciesController.class.getResource(sheet).toExternalForm());
    dirtyLabel.visibleProperty().bind(model.dirtyProperty());
    statusLabel.textProperty().bind(model.statusProperty());
    model.statusIsErrorProperty().addListener((o, a, b) -> statusLabel.pseudoClassStateChanged(INVALID, b));

    bindChain();
    bindRetry();
    bindBreaker();
    section(timeoutOnCheck, timeoutBox, model.timeout().onProperty(), "timeout.", timeoutProblemLabel);
    text(perAttemptField, model.timeout().perAttemptMsProperty(), TimeoutForm.PER_ATTEMPT);
    section(bulkheadOnCheck, bulkheadBox, model.bulkhead().onProperty(), "bulkhead.", bulkheadProblemLabel);
    text(maxConcurrentField, model.bulkhead().maxConcurrentProperty(), BulkheadForm.MAX_CONCURRENT);
    text(bulkheadWaitField, model.bulkhead().maxWaitMsProperty(), BulkheadForm.MAX_WAIT);
    section(rateLimiterOnCheck, rateLimiterBox, model.rateLimiter().onProperty(), "rateLimiter.", rateLimiterProblemLabel);
    modePicker.getItems().setAll(RateLimiterSpec.Mode.values());
    modePicker.setConverter(named(RateLimiterSpec.Mode::wireName));
    modePicker.valueProperty().bindBidirectional(model.rateLimiter().modeProperty());
    text(permitsField, model.rateLimiter().permitsProperty(), RateLimiterForm.PERMITS);
    text(limiterPeriodField, model.rateLimiter().periodMsProperty(), RateLimiterForm.PERIOD);
    text(limiterWaitField, model.rateLimiter().maxWaitMsProperty(), RateLimiterForm.MAX_WAIT);
    mark(RateLimiterForm.MODE, modePicker);
    section(cacheOnCheck, cacheBox, model.cache().onProperty(), "cache.", cacheProblemLabel);
    text(ttlField, model.cache().ttlMsProperty(), CacheForm.TTL);
    text(maxSizeField, model.cache().maxSizeProperty(), CacheForm.MAX_SIZE);
    check(checkFirstCheck, model.cache().checkFirstProperty(), CacheForm.CHECK_FIRST);
    bindLadder();

    jsonCaptionLabel.textProperty().bind(model.jsonCaptionProperty());
    jsonArea.textProperty().bind(model.jsonProperty());
    pasteArea.textProperty().bindBidirectional(model.pasteTextProperty());
    pasteProblemLabel.textProperty().bind(model.pasteProblemProperty());

    model.errors().addListener((MapChangeListener<String, String>) c -> showErrors());
    showErrors();

    for (Label l : List.of(statusLabel, chainAddProblemLabel, chainProblemLabel, scheduleLabel, retryProblemLabel,
        breakerProblemLabel, timeoutProblemLabel, bulkheadProblemLabel, rateLimiterProblemLabel, cacheProblemLabel,
        ladderProblemLabel, pasteProblemLabel))
      hideWhenEmpty(l);

    breakers.rows().addListener((ListChangeListener<BreakerRow>) c -> showBreakers());
    showBreakers();
    ticker.setCycleCount(Animation.INDEFINITE);
    policiesRoot.sceneProperty().addListener((o, a, scene) -> {
      if (scene != null) ticker.play();
      else ticker.stop();
    });
  }

  private void bindChain() {
    ChainForm chain = model.chain();
    chainList.setItems(chain.models());
    chainList.setCellFactory(v -> new ListCell<>() {
      {
        setPrefWidth(0); // never wider than the list
      }

      @Override
      protected void updateItem(ModelRef ref, boolean empty) {
        super.updateItem(ref, empty);
        setText(empty || ref == null ? null : (getIndex() + 1) + ". " + ref.key());
      }
    });
    var selected = chainList.getSelectionModel().selectedIndexProperty();
    chainUpButton.disableProperty().bind(selected.lessThan(1));
    chainRemoveButton.disableProperty().bind(selected.lessThan(0));
    chainDownButton.disableProperty().bind(selected.lessThan(0)
        .or(selected.greaterThanOrEqualTo(Bindings.size(chain.models()).subtract(1))));
    chainProviderPicker.valueProperty().bindBidirectional(chain.newProviderProperty());
    chainProviderPicker.valueProperty().addListener((o, a, p) -> offerModels(p));
    chainModelPicker.getEditor().textProperty().bindBidirectional(chain.newModelProperty());
    chainAddProblemLabel.textProperty().bind(chain.addProblemProperty());
    mark(ChainForm.CHAIN, chainList);
    marks.section(ChainForm.CHAIN, chainProblemLabel);
  }

  /** The run's providers into the add row (called when they change). */
  void showProviders() {
    chainProviderPicker.getItems().setAll(model.chain().providers().keySet());
    chainProviderPicker.setValue(model.chain().newProviderProperty().get());
    offerModels(chainProviderPicker.getValue());
  }

  private void offerModels(String provider) {
    List<String> models = provider == null ? List.of() : model.chain().providers().getOrDefault(provider, List.of());
    String typed = chainModelPicker.getEditor().getText();
    chainModelPicker.getItems().setAll(models);
    chainModelPicker.getEditor().setText(typed);
  }

  private void bindRetry() {
    RetryForm r = model.retry();
    section(retryOnCheck, retryBox, r.onProperty(), "retry.", retryProblemLabel);
    text(maxAttemptsField, r.maxAttemptsProperty(), RetryForm.MAX_ATTEMPTS);
    text(delayField, r.delayMsProperty(), RetryForm.DELAY);
    check(backoffCheck, r.backoffProperty(), null);
    showWhen(maxDelayRow, r.backoffProperty());
    showWhen(factorRow, r.backoffProperty());
    text(maxDelayField, r.maxDelayMsProperty(), RetryForm.MAX_DELAY);
    text(factorField, r.factorProperty(), RetryForm.FACTOR);
    jitterPicker.getItems().setAll(Jitter.values());
    jitterPicker.setConverter(named(Jitter::wireName));
    jitterPicker.valueProperty().bindBidirectional(r.jitterProperty());
    mark(RetryForm.JITTER, jitterPicker);
    jitterFactorRow.visibleProperty().bind(r.jitterProperty().isEqualTo(Jitter.PROPORTIONAL));
    jitterFactorRow.managedProperty().bind(jitterFactorRow.visibleProperty());
    text(jitterFactorField, r.jitterFactorProperty(), RetryForm.JITTER_FACTOR);
    text(maxTotalField, r.maxTotalMsProperty(), RetryForm.MAX_TOTAL);
    check(honourCheck, r.honourRetryAfterProperty(), null);
    showWhen(capRow, r.honourRetryAfterProperty());
    text(capField, r.retryAfterCapMsProperty(), RetryForm.RETRY_AFTER_CAP);
    retryOnChecks.bind(r.retryOn(), "Checked: retried.");
    abortOnChecks.bind(r.abortOn(), "Checked: ends the series at once.");
    retryOnResultChecks.bind(r.retryOnResult(), "Checked: an answer with it is retried; otherwise returned as it is.");
    mark(RetryForm.RETRY_ON, retryOnChecks);
    mark(RetryForm.ABORT_ON, abortOnChecks);
    mark(RetryForm.RETRY_ON_RESULT, retryOnResultChecks);
    scheduleLabel.textProperty().bind(model.scheduleProperty());
    scheduleLabel.setTooltip(new Tooltip("The waits the seeded run will use for its first request at the first "
        + "model, as the very Failsafe policy computes them (no Retry-After)."));
  }

  private void bindBreaker() {
    BreakerForm b = model.breaker();
    section(breakerOnCheck, breakerBox, b.onProperty(), "breaker.", breakerProblemLabel);
    rateModeRadio.setSelected(b.rateBasedProperty().get());
    countModeRadio.setSelected(!b.rateBasedProperty().get());
    rateModeRadio.selectedProperty().bindBidirectional(b.rateBasedProperty());
    b.rateBasedProperty().addListener((o, a, rate) -> countModeRadio.setSelected(!rate));
    showWhen(percentRow, b.rateBasedProperty());
    showWhen(periodRow, b.rateBasedProperty());
    countRow.visibleProperty().bind(b.rateBasedProperty().not());
    countRow.managedProperty().bind(countRow.visibleProperty());
    text(failuresField, b.failuresProperty(), BreakerForm.FAILURES);
    text(executionsField, b.executionsProperty(), BreakerForm.EXECUTIONS);
    text(percentField, b.percentProperty(), BreakerForm.PERCENT);
    text(minExecutionsField, b.minExecutionsProperty(), BreakerForm.MIN_EXECUTIONS);
    text(periodField, b.periodMsProperty(), BreakerForm.PERIOD);
    text(successesField, b.successesProperty(), BreakerForm.SUCCESSES);
    text(trialsField, b.trialsProperty(), BreakerForm.TRIALS);
    text(breakerDelayField, b.delayMsProperty(), BreakerForm.DELAY);
    countOnChecks.bind(b.countOn(), "Checked: counts as a failure; anything else counts as a success.");
    mark(BreakerForm.COUNT_ON, countOnChecks);
  }

  private void bindLadder() {
    LadderForm l = model.ladder();
    section(ladderOnCheck, ladderBox, l.onProperty(), "ladder.", ladderProblemLabel);
    check(fullCheck, l.fullProperty(), LadderForm.RUNGS);
    check(limitedCheck, l.limitedProperty(), LadderForm.RUNGS);
    check(cachedCheck, l.cachedProperty(), LadderForm.CACHED);
    check(errorCheck, l.errorProperty(), null);
    text(errorMessageField, l.errorMessageProperty(), LadderForm.ERROR_MESSAGE);
    check(limitedAfterCheck, l.limitedAfterChainFailureProperty(), null);
  }

  private void section(CheckBox on, VBox box, BooleanProperty value, String prefix, Label line) {
    on.selectedProperty().bindBidirectional(value);
    showWhen(box, value);
    marks.section(prefix, line);
  }

  private void text(TextField field, StringProperty value, String key) {
    field.textProperty().bindBidirectional(value);
    mark(key, field);
  }

  private void check(CheckBox box, BooleanProperty value, String key) {
    box.selectedProperty().bindBidirectional(value);
    if (key != null) mark(key, box);
  }

  private void mark(String key, Node node) {
    marks.field(key, node);
  }

  /** An empty message line takes no room. */
  private static void hideWhenEmpty(Label label) {
    label.visibleProperty().bind(label.textProperty().isNotEmpty());
    label.managedProperty().bind(label.visibleProperty());
  }

  private static void showWhen(Node node, BooleanProperty on) {
    node.visibleProperty().bind(on);
    node.managedProperty().bind(on);
  }

  private void showErrors() {
    marks.show(model.errors());
  }

  private void refreshBreakers() {
    breakers.refresh();
  }

  private void showBreakers() {
    breakerRows.getChildren().setAll(breakers.rows().stream().map(BreakerRowView::of).toList());
    noBreakersLabel.setVisible(breakers.rows().isEmpty());
    noBreakersLabel.setManaged(breakers.rows().isEmpty());
  }

  /** Shows an enum by its JSON name ("decorrelated", "bursty"). */
  private static <T extends Enum<T>> StringConverter<T> named(Function<T, String> name) {
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

  @FXML private void apply() { model.apply(); }

  @FXML private void revert() { model.revert(); }

  @FXML private void loadPasted() { model.loadPasted(); }

  @FXML
  private void chainAdd() {
    chainModelPicker.commitValue();
    model.chain().add();
  }

  @FXML
  private void chainUp() {
    int i = chainList.getSelectionModel().getSelectedIndex();
    model.chain().moveUp(i);
    chainList.getSelectionModel().select(i - 1);
  }

  @FXML
  private void chainDown() {
    int i = chainList.getSelectionModel().getSelectedIndex();
    model.chain().moveDown(i);
    chainList.getSelectionModel().select(i + 1);
  }

  @FXML
  private void chainRemove() {
    model.chain().remove(chainList.getSelectionModel().getSelectedIndex());
  }

  @FXML
  private void copyJson() {
    ClipboardContent content = new ClipboardContent();
    content.putString(model.jsonProperty().get());
    Clipboard.getSystemClipboard().setContent(content);
  }
}
