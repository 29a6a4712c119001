package dev.playground.ui.policies;

import dev.playground.policy.ChainSpec;
import dev.playground.policy.ModelRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The fallback chain's form: the models to try in order, and a row to add one (a provider of the run and a
 * model). Always on: a set needs a chain. Not thread-safe: FX thread.
 */
public final class ChainForm extends SpecForm<ChainSpec> {
  public static final String CHAIN = "chain";

  private final ObservableList<ModelRef> models = FXCollections.observableArrayList();
  private final StringProperty newProvider = new SimpleStringProperty("");
  private final StringProperty newModel = new SimpleStringProperty("");
  private final ReadOnlyStringWrapper addProblem = new ReadOnlyStringWrapper("");
  private final Map<String, List<String>> providers = new LinkedHashMap<>();

  public ChainForm() {
    onProperty().set(true);
    newProvider.addListener((o, a, b) -> addProblem.set(""));
    newModel.addListener((o, a, b) -> addProblem.set(""));
  }

  /** The chain, first tried first. */
  public ObservableList<ModelRef> models() { return models; }

  public StringProperty newProviderProperty() { return newProvider; }

  public StringProperty newModelProperty() { return newModel; }

  /** Why the last Add did nothing, or "". */
  public ReadOnlyStringProperty addProblemProperty() { return addProblem.getReadOnlyProperty(); }

  /** The run's providers and the models each offers (may be empty: any name is allowed). */
  public Map<String, List<String>> providers() {
    return Map.copyOf(providers);
  }

  void setProviders(Map<String, List<String>> byName) {
    providers.clear();
    byName.forEach((name, list) -> providers.put(name, List.copyOf(list)));
    if (!providers.containsKey(newProvider.get()))
      newProvider.set(providers.isEmpty() ? "" : providers.keySet().iterator().next());
  }

  /** Adds the provider and model of the add row at the end of the chain. */
  public boolean add() {
    try {
      ModelRef ref = new ModelRef(trim(newProvider.get()), trim(newModel.get()));
      models.add(ref);
      newModel.set("");
      return true;
    } catch (IllegalArgumentException e) {
      addProblem.set(e.getMessage());
      return false;
    }
  }

  public void moveUp(int i) {
    if (i > 0 && i < models.size()) swap(i - 1, i);
  }

  public void moveDown(int i) {
    if (i >= 0 && i < models.size() - 1) swap(i, i + 1);
  }

  public void remove(int i) {
    if (i >= 0 && i < models.size()) models.remove(i);
  }

  private void swap(int a, int b) {
    List<ModelRef> copy = new ArrayList<>(models);
    ModelRef t = copy.get(a);
    copy.set(a, copy.get(b));
    copy.set(b, t);
    models.setAll(copy);
  }

  @Override
  void load(ChainSpec spec) {
    models.setAll(spec == null ? List.of() : spec.models());
  }

  @Override
  ChainSpec build(Errors errors) {
    if (!providers.isEmpty()) {
      for (int i = 0; i < models.size(); i++) {
        String p = models.get(i).provider();
        if (!providers.containsKey(p)) {
          errors.add(CHAIN, "chain[" + i + "].provider \"" + p + "\" is not a provider of this run; known: "
              + String.join(", ", providers.keySet()));
          return null;
        }
      }
    }
    return errors.build(() -> new ChainSpec(List.copyOf(models)), m -> CHAIN);
  }

  @Override
  List<Observable> observables() {
    return List.of(models);
  }

  private static String trim(String s) {
    return s == null ? "" : s.trim();
  }
}
