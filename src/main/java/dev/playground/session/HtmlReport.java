package dev.playground.session;

import dev.playground.guard.Secrets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The one-file HTML report: a title, sections the integrator adds (run summary, settings …), the event-derived
 * counters, and the charts embedded as base64 PNG {@code data:} URIs, so the file opens anywhere on its own.
 * Immutable once built and thread-safe; the builder is not.
 */
public final class HtmlReport {
  /** A section: a heading and an HTML fragment the caller vouches for (escape user text with {@link #escape}). */
  public record Section(String heading, String html) {
    public Section {
      Objects.requireNonNull(heading, "heading");
      Objects.requireNonNull(html, "html");
    }
  }

  private final String title;
  private final List<Section> sections;
  private final Map<String, Number> counters;
  private final Map<String, byte[]> charts;

  private HtmlReport(Builder b) {
    this.title = b.title;
    this.sections = List.copyOf(b.sections);
    this.counters = new LinkedHashMap<>(b.counters);
    this.charts = new LinkedHashMap<>(b.charts);
  }

  public static Builder builder(String title) {
    return new Builder(title);
  }

  /**
   * The whole document. Every text in it passes through {@link Secrets#redact}: whatever a section quotes (an
   * error a provider sent, a summary) shows no key the process holds.
   */
  public String render() {
    StringBuilder h = new StringBuilder(64 * 1024);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>").append(escape(title))
        .append("</title>\n<style>body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:1100px;color:#222}"
            + "table{border-collapse:collapse}td,th{padding:.25rem .75rem;border-bottom:1px solid #ddd;text-align:left}"
            + "td.n{text-align:right;font-variant-numeric:tabular-nums}figure{margin:1rem 0}"
            + "img{max-width:100%;border:1px solid #ddd}</style>\n</head><body>\n<h1>")
        .append(escape(title)).append("</h1>\n");
    for (Section s : sections)
      h.append("<h2>").append(escape(s.heading())).append("</h2>\n").append(Secrets.redact(s.html())).append('\n');
    if (!counters.isEmpty()) {
      h.append("<h2>Counters</h2>\n<table>\n");
      for (Map.Entry<String, Number> c : counters.entrySet()) {
        h.append("<tr><th>").append(escape(c.getKey())).append("</th><td class=\"n\">").append(format(c.getValue()))
            .append("</td></tr>\n");
      }
      h.append("</table>\n");
    }
    if (!charts.isEmpty()) {
      h.append("<h2>Charts</h2>\n");
      for (Map.Entry<String, byte[]> c : charts.entrySet()) {
        h.append("<figure><img alt=\"").append(escape(c.getKey())).append("\" src=\"data:image/png;base64,")
            .append(Base64.getEncoder().encodeToString(c.getValue())).append("\"><figcaption>")
            .append(escape(c.getKey())).append("</figcaption></figure>\n");
      }
    }
    return h.append("</body></html>\n").toString();
  }

  /** {@code text} safe inside HTML text and attribute values. */
  public static String escape(String text) {
    String masked = Secrets.redact(text);
    StringBuilder out = new StringBuilder(masked.length());
    for (char c : masked.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String format(Number n) {
    if (n instanceof Double || n instanceof Float) return String.format(Locale.ROOT, "%.2f", n.doubleValue());
    return n.toString();
  }

  /** Collects the report's parts. Not thread-safe. */
  public static final class Builder {
    private final String title;
    private final List<Section> sections = new ArrayList<>();
    private final Map<String, Number> counters = new LinkedHashMap<>();
    private final Map<String, byte[]> charts = new LinkedHashMap<>();

    private Builder(String title) {
      this.title = Objects.requireNonNull(title, "title");
    }

    public Builder section(Section s) {
      sections.add(Objects.requireNonNull(s, "section"));
      return this;
    }

    public Builder counters(Map<String, ? extends Number> values) {
      counters.putAll(values);
      return this;
    }

    /** A chart by its caption, as PNG bytes. */
    public Builder chart(String caption, byte[] png) {
      charts.put(Objects.requireNonNull(caption, "caption"), png.clone());
      return this;
    }

    public HtmlReport build() {
      return new HtmlReport(this);
    }
  }
}
