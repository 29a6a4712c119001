package dev.playground.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
  @Test
  void chartsAreEmbeddedAsDataUrisAndTextIsEscaped() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
    String html = HtmlReport.builder("Run <1>")
        .section(new HtmlReport.Section("Summary", "<p>" + HtmlReport.escape("a & b") + "</p>"))
        .counters(Map.of("requests", 12))
        .chart("retry-timeline", png)
        .build().render();
    assertThat(html).contains("<title>Run &lt;1&gt;</title>", "<p>a &amp; b</p>", "<th>requests</th><td class=\"n\">12</td>",
        "src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png) + "\"");
  }
}
