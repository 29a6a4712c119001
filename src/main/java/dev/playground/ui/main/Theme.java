package dev.playground.ui.main;

/** The window's two themes and their extra style sheet. Immutable. */
public enum Theme {
  LIGHT(null),
  DARK("/styles/dark.css");

  private final String overlay;

  Theme(String overlay) {
    this.overlay = overlay;
  }

  /** The sheet laid over the base sheets for this theme, or null. */
  public String overlay() {
    return overlay;
  }
}
