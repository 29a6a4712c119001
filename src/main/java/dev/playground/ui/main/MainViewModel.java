package dev.playground.ui.main;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** The window-level state: the theme. Not thread-safe: FX thread. */
public final class MainViewModel {
  private final ReadOnlyObjectWrapper<Theme> theme = new ReadOnlyObjectWrapper<>(Theme.LIGHT);

  public ReadOnlyObjectProperty<Theme> themeProperty() { return theme.getReadOnlyProperty(); }

  public void setTheme(Theme t) {
    theme.set(t == null ? Theme.LIGHT : t);
  }

  public void toggleTheme() {
    setTheme(theme.get() == Theme.LIGHT ? Theme.DARK : Theme.LIGHT);
  }
}
