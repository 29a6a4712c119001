package dev.playground.ui.main;

import java.util.List;
import java.util.Objects;
import javafx.scene.Parent;

/** The window's style sheets, one per screen part, and the theme's overlay on top. Stateless; FX thread. */
final class Styles {
  static final List<String> SHEETS = List.of(
      "/styles/base.css", "/styles/main.css", "/styles/prompt.css", "/styles/charts.css", "/styles/log.css",
      "/styles/status.css", "/styles/session.css", "/styles/lesson.css");
  private static final String OVERLAYS = "/styles/dark.css";

  private Styles() {}

  /** The base sheets and the theme's overlay on {@code root}. */
  static void apply(Parent root, Theme theme) {
    for (String sheet : SHEETS) root.getStylesheets().add(url(sheet));
    applyTheme(root, theme);
  }

  /** Swaps the theme's overlay on {@code root}. */
  static void applyTheme(Parent root, Theme theme) {
    root.getStylesheets().removeIf(s -> s.endsWith(OVERLAYS));
    if (theme.overlay() != null) root.getStylesheets().add(url(theme.overlay()));
  }

  static String url(String path) {
    return Objects.requireNonNull(Styles.class.getResource(path), path).toExternalForm();
  }
}
