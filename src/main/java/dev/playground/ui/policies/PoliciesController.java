package dev.playground.ui.policies;

import java.util.List;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Binds the Policies panel to its {@link PoliciesViewModel} and {@link BreakersModel}: the Apply / Revert bar,
 * the breakers now (refreshed once a second while the panel is in a scene), and the marks of every problem;
 * each policy's fields are bound by its section's controller ({@code fx:include} per section). FX thread.
 */
public final class PoliciesController {
  static final PseudoClass INVALID = FieldMarks.INVALID;

  @FXML private BorderPane policiesRoot;
  @FXML private Label dirtyLabel;
  @FXML private Label statusLabel;
  @FXML private VBox breakerRows;
  @FXML private Label noBreakersLabel;

  private final PoliciesViewModel model;
  private final BreakersModel breakers;
  private final FieldMarks marks = new FieldMarks();
  private final FormBinder bind = new FormBinder(marks);
  private final ChainSection chain;
  private final Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> refreshBreakers()));

  public PoliciesController(PoliciesViewModel model, BreakersModel breakers) {
    this.model = model;
    this.breakers = breakers;
    this.chain = new ChainSection(model.chain(), bind);
  }

  /** This controller and those of the panel's sections (one per {@code fx:include}), for the FXML loader. */
  Object[] controllers() {
    return new Object[] {
        this,
        chain,
        new RetrySection(model.retry(), model.scheduleProperty(), bind),
        new BreakerSection(model.breaker(), bind),
        new TimeoutSection(model.timeout(), bind),
        new BulkheadSection(model.bulkhead(), bind),
        new RateLimiterSection(model.rateLimiter(), bind),
        new CacheSection(model.cache(), bind),
        new LadderSection(model.ladder(), bind),
        new JsonSection(model)};
  }

  @FXML
  private void initialize() {
    for (String sheet : List.of("/styles/editors.css", "/styles/policies.css"))
      policiesRoot.getStylesheets().add(PoliciesController.class.getResource(sheet).toExternalForm());
    dirtyLabel.visibleProperty().bind(model.dirtyProperty());
    statusLabel.textProperty().bind(model.statusProperty());
    model.statusIsErrorProperty().addListener((o, a, b) -> statusLabel.pseudoClassStateChanged(INVALID, b));
    FormBinder.hideWhenEmpty(statusLabel);

    model.errors().addListener((MapChangeListener<String, String>) c -> showErrors());
    showErrors();

    breakers.rows().addListener((ListChangeListener<BreakerRow>) c -> showBreakers());
    showBreakers();
    ticker.setCycleCount(Animation.INDEFINITE);
    policiesRoot.sceneProperty().addListener((o, a, scene) -> {
      if (scene != null) ticker.play();
      else ticker.stop();
    });
  }

  /** The run's providers into the chain's add row (called when they change). */
  void showProviders() {
    chain.showProviders();
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

  @FXML private void apply() { model.apply(); }

  @FXML private void revert() { model.revert(); }
}
