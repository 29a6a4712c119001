package dev.playground.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads FXML parts with controllers the caller made: each {@code fx:controller} (the part's and those of its
 * {@code fx:include}s) gets the given instance of its type. Stateless; FX thread.
 */
public final class Fxml {
  private Fxml() {}

  /** The view of {@code resource} (a classpath path), bound to {@code controllers}. */
  public static Parent load(String resource, Object... controllers) {
    return loaded(resource, controllers).root();
  }

  /** The view of {@code resource} and its namespace (nodes by {@code fx:id}). */
  public static Loaded loaded(String resource, Object... controllers) {
    FXMLLoader loader = new FXMLLoader(Objects.requireNonNull(Fxml.class.getResource(resource), resource));
    loader.setControllerFactory(type -> {
      for (Object c : controllers) if (type.isInstance(c)) return c;
      throw new IllegalStateException("no controller known for " + type.getName() + " in " + resource);
    });
    try {
      Parent root = loader.load();
      return new Loaded(root, Collections.unmodifiableMap(new HashMap<>(loader.getNamespace())));
    } catch (IOException e) {
      throw new UncheckedIOException("could not load " + resource, e);
    }
  }

  /** A loaded view and its nodes by {@code fx:id} (values may be null for ids not set). */
  public record Loaded(Parent root, Map<String, Object> ids) {}
}
