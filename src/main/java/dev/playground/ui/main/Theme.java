package dev.playground.ui.main;

import dev.playground.ui.charts.ChartPalette;

/** The window's two themes: the style sheet laid over the base sheets, and the charts' colours. Immutable. */
public enum Theme {
  LIGHT(null, ChartPalette.LIGHT),
  DARK("/styles/dark.css", ChartPalette.DARK);

  private final String overlay;
  private final ChartPalette palette;

  Theme(String overlay, ChartPalette palette) {
    this.overlay = overlay;
    this.palette = palette;
  }

  /** The sheet laid over the base sheets for this theme, or null. */
  public String overlay() {
    return overlay;
  }

  /** The colours every chart of the window draws with in this theme. */
  public ChartPalette palette() {
    return palette;
  }
}
