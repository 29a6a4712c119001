package dev.playground.ui.prompt;

import dev.playground.events.Rung;
import java.util.function.UnaryOperator;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextFormatter;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/** Binds the prompt and answer panel to its {@link PromptViewModel}. FX thread. */
public final class PromptController {
  private static final KeyCombination SEND = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);

  @FXML private TextArea promptArea;
  @FXML private Button sendButton;
  @FXML private Label messageLabel;
  @FXML private Label rungBadge;
  @FXML private Label answerFacts;
  @FXML private TextArea answerArea;
  @FXML private Spinner<Integer> countSpinner;
  @FXML private Spinner<Integer> concurrencySpinner;
  @FXML private Button startLoadButton;
  @FXML private Button stopButton;
  @FXML private Button scenarioLoadButton;
  @FXML private Label scenarioLoadLabel;
  @FXML private ProgressBar loadProgress;
  @FXML private Label loadStatus;

  private final PromptViewModel model;

  public PromptController(PromptViewModel model) {
    this.model = model;
  }

  @FXML
  private void initialize() {
    promptArea.textProperty().bindBidirectional(model.promptProperty());
    promptArea.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
      if (SEND.match(e)) {
        e.consume();
        model.send();
      }
    });
    sendButton.disableProperty().bind(model.sendingProperty().or(model.replayingProperty()));
    messageLabel.textProperty().bind(model.messageProperty());
    answerFacts.textProperty().bind(model.answerFactsProperty());
    answerArea.textProperty().bind(model.answerTextProperty());
    model.rungProperty().addListener((o, old, rung) -> showRung(rung));

    countSpinner.setValueFactory(new IntegerSpinnerValueFactory(1, PromptViewModel.MAX_COUNT, model.loadCountProperty().get()));
    concurrencySpinner.setValueFactory(
        new IntegerSpinnerValueFactory(1, PromptViewModel.MAX_CONCURRENCY, model.loadConcurrencyProperty().get()));
    digitsOnly(countSpinner);
    digitsOnly(concurrencySpinner);
    countSpinner.valueProperty().addListener((o, a, b) -> model.loadCountProperty().set(b));
    concurrencySpinner.valueProperty().addListener((o, a, b) -> model.loadConcurrencyProperty().set(b));
    startLoadButton.disableProperty().bind(model.loadRunningProperty().or(model.replayingProperty()));
    scenarioLoadButton.disableProperty().bind(model.loadRunningProperty().or(model.replayingProperty())
        .or(model.scenarioLoadProperty().isEmpty()));
    scenarioLoadLabel.textProperty().bind(model.scenarioLoadProperty());
    stopButton.disableProperty().bind(model.loadRunningProperty().not());
    loadProgress.progressProperty().bind(model.loadProgressProperty());
    loadStatus.textProperty().bind(model.loadStatusProperty());
  }

  @FXML
  private void send() {
    model.send();
  }

  @FXML
  private void startLoad() {
    countSpinner.commitValue();
    concurrencySpinner.commitValue();
    model.startLoad();
  }

  @FXML
  private void startScenarioLoad() {
    model.startScenarioLoad();
  }

  @FXML
  private void stop() {
    model.stop();
  }

  private void showRung(Rung rung) {
    rungBadge.getStyleClass().removeIf(c -> c.startsWith("rung-") && !c.equals("rung-badge"));
    if (rung == null) {
      rungBadge.setText("no answer");
      return;
    }
    rungBadge.setText(rung.wireName());
    rungBadge.getStyleClass().add("rung-" + rung.wireName());
  }

  /** An editable spinner refuses anything but digits where it is typed (the value factory keeps the range). */
  private static void digitsOnly(Spinner<Integer> spinner) {
    UnaryOperator<TextFormatter.Change> filter = c -> c.getControlNewText().matches("\\d{0,6}") ? c : null;
    spinner.getEditor().setTextFormatter(new TextFormatter<>(filter));
  }
}
