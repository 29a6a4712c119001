package dev.playground.ui.policies;

import dev.playground.policy.LadderSpec;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The degradation ladder's form: each rung on or off, the canned message, when limited runs. Not thread-safe. */
public final class LadderForm extends SpecForm<LadderSpec> {
  public static final String RUNGS = "ladder.rungs";
  public static final String CACHED = "ladder.cached";
  public static final String ERROR_MESSAGE = "ladder.errorMessage";

  private final BooleanProperty full = new SimpleBooleanProperty();
  private final BooleanProperty limited = new SimpleBooleanProperty();
  private final BooleanProperty cached = new SimpleBooleanProperty();
  private final BooleanProperty error = new SimpleBooleanProperty();
  private final StringProperty errorMessage = new SimpleStringProperty();
  private final BooleanProperty limitedAfterChainFailure = new SimpleBooleanProperty();

  public LadderForm() {
    load(null);
  }

  public BooleanProperty fullProperty() { return full; }

  public BooleanProperty limitedProperty() { return limited; }

  public BooleanProperty cachedProperty() { return cached; }

  public BooleanProperty errorProperty() { return error; }

  public StringProperty errorMessageProperty() { return errorMessage; }

  public BooleanProperty limitedAfterChainFailureProperty() { return limitedAfterChainFailure; }

  @Override
  void load(LadderSpec spec) {
    onProperty().set(spec != null);
    LadderSpec s = spec == null ? LadderSpec.defaults() : spec;
    full.set(s.full());
    limited.set(s.limited());
    cached.set(s.cached());
    error.set(s.error());
    errorMessage.set(s.errorMessage());
    limitedAfterChainFailure.set(s.limitedAfterChainFailure());
  }

  @Override
  LadderSpec build(Errors errors) {
    if (!onProperty().get()) return null;
    return errors.build(() -> new LadderSpec(full.get(), limited.get(), cached.get(), error.get(),
        errorMessage.get() == null ? "" : errorMessage.get(), limitedAfterChainFailure.get()),
        Errors.byPrefix(RUNGS, "full or limited", RUNGS, "errorMessage", ERROR_MESSAGE));
  }

  @Override
  List<Observable> observables() {
    return List.of(onProperty(), full, limited, cached, error, errorMessage, limitedAfterChainFailure);
  }
}
