package dev.playground.ui.charts;

import dev.playground.events.Rung;
import dev.playground.ui.OutcomeClass;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;

/**
 * The charts' colours for one theme (the CSS tokens' twins, as AWT colours for JFreeChart). Immutable and
 * thread-safe; {@link #style} must run on the FX thread for a shown chart.
 */
public record ChartPalette(Color background, Color plot, Color grid, Color text, Color waitBar, boolean dark) {
  public static final ChartPalette LIGHT =
      new ChartPalette(new Color(0xffffff), new Color(0xf8f9fa), new Color(0xdee2e6), new Color(0x343a40),
          new Color(0xadb5bd), false);
  public static final ChartPalette DARK =
      new ChartPalette(new Color(0x1e2127), new Color(0x262a31), new Color(0x3a3f47), new Color(0xdee2e6),
          new Color(0x6c757d), true);

  static final Font TICK_FONT = new Font("SansSerif", Font.PLAIN, 10);
  static final Font LABEL_FONT = new Font("SansSerif", Font.PLAIN, 11);
  static final Font LEGEND_FONT = new Font("SansSerif", Font.PLAIN, 10);

  /** The colour of an outcome class: ok green, retryable amber, fatal red, defect violet, rejected grey. */
  public static Color outcome(OutcomeClass c) {
    return switch (c) {
      case OK -> new Color(0x2f9e44);
      case RETRYABLE -> new Color(0xf08c00);
      case FATAL -> new Color(0xe03131);
      case DEFECT -> new Color(0x9c36b5);
      case REJECTED -> new Color(0x868e96);
    };
  }

  /** The colour of a rung: full green, limited blue, cached amber, error red. */
  public static Color rung(Rung r) {
    return switch (r) {
      case FULL -> new Color(0x2f9e44);
      case LIMITED -> new Color(0x1c7ed6);
      case CACHED -> new Color(0xf59f00);
      case ERROR -> new Color(0xe03131);
    };
  }

  static final Color IN_FLIGHT = new Color(0x74c0fc);

  /** The band behind the highlighted request's lane. */
  public Color highlight() {
    return dark ? new Color(255, 212, 59, 60) : new Color(250, 176, 5, 55);
  }
  static final Color RETRY_AFTER_WAIT = new Color(0x91a7ff);
  static final Color RETRY_AFTER_ASKED = new Color(0x364fc7);
  private static final Color[] SERIES = {
    new Color(0x1c7ed6), new Color(0xe8590c), new Color(0x7048e8), new Color(0x0ca678),
    new Color(0xd6336c), new Color(0x5c940d), new Color(0x1098ad), new Color(0xae3ec9)
  };

  /** The i-th colour for series without a meaning of their own (breakers, percentiles). */
  static Color series(int i) {
    return SERIES[i % SERIES.length];
  }

  /** Applies the background, grid, text and legend colours to {@code chart} and its plots. */
  public void style(JFreeChart chart) {
    chart.setBackgroundPaint(background);
    chart.setAntiAlias(true);
    LegendTitle legend = chart.getLegend();
    if (legend != null) {
      legend.setBackgroundPaint(background);
      legend.setItemPaint(text);
      legend.setItemFont(LEGEND_FONT);
      legend.setFrame(BlockBorder.NONE);
    }
    stylePlot(chart.getPlot());
  }

  private void stylePlot(Plot p) {
    p.setBackgroundPaint(plot);
    p.setOutlinePaint(grid);
    if (p instanceof CombinedDomainXYPlot combined) {
      styleAxis(combined.getDomainAxis());
      for (XYPlot sub : combined.getSubplots()) stylePlot(sub);
    } else if (p instanceof XYPlot xy) {
      xy.setDomainGridlinePaint(grid);
      xy.setRangeGridlinePaint(grid);
      if (xy.getDomainAxis() != null) styleAxis(xy.getDomainAxis());
      for (int i = 0; i < xy.getRangeAxisCount(); i++) if (xy.getRangeAxis(i) != null) styleAxis(xy.getRangeAxis(i));
    } else if (p instanceof CategoryPlot cat) {
      cat.setRangeGridlinePaint(grid);
      styleAxis(cat.getDomainAxis());
      styleAxis(cat.getRangeAxis());
    }
  }

  private void styleAxis(Axis axis) {
    axis.setTickLabelPaint(text);
    axis.setLabelPaint(text);
    axis.setAxisLinePaint(grid);
    axis.setTickMarkPaint(grid);
    axis.setTickLabelFont(TICK_FONT);
    axis.setLabelFont(LABEL_FONT);
  }
}
