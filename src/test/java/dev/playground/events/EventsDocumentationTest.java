package dev.playground.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playground.DocSection;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The run log's documentation (docs/reference/run-log.md) shows what the code really writes. */
class EventsDocumentationTest {
  private static final Pattern BLOCK = Pattern.compile("```(\\w+)\\n(.*?)```", Pattern.DOTALL);
  private static String doc;
  private static List<String[]> blocks;

  @BeforeAll
  static void readTheDocumentation() throws Exception {
    doc = DocSection.of("docs/reference/run-log.md", "Run logs, CSV export and the run summary");
    blocks = new ArrayList<>();
    Matcher m = BLOCK.matcher(doc);
    while (m.find()) blocks.add(new String[] {m.group(1), m.group(2)});
  }

  @Test
  void theExampleLogReadsBackAndIsWrittenByteForByteTheSame() throws Exception {
    String example = block("jsonl", 0);
    RunLog log = RunLogReader.parse(example);
    assertThat(log.warnings()).isEmpty();
    assertThat(log.events()).isEqualTo(SampleEvents.exampleRun());
    var again = new StringBuilder();
    for (RunEvent e : log.events()) again.append(RunEventJson.toJson(e)).append('\n');
    assertThat(again.toString()).isEqualTo(example);
  }

  @Test
  void everyEventTypeAndEveryFieldIsInTheTable() {
    for (Class<?> type : SampleEvents.allTypes()) {
      RunEvent sample = SampleEvents.sample(type, 1, false);
      String row = doc.lines().filter(l -> l.startsWith("| `" + sample.type() + "` |")).findFirst().orElse(null);
      assertThat(row).as("a table row for " + sample.type()).isNotNull();
      String fields = row.split("\\|")[2];
      for (var component : type.getRecordComponents()) {
        String name = EventCodec.snakeCase(component.getName());
        if (name.equals("seq") || name.equals("t_ms")) continue;
        assertThat(fields).as(sample.type() + " documents " + name).contains("`" + name + "`");
      }
    }
  }

  @Test
  void theCsvAndSummaryExamplesAreWhatTheCodeGivesForTheExampleLog() throws Exception {
    List<RunEvent> events = RunLogReader.parse(block("jsonl", 0)).events();
    var attempts = new StringBuilder();
    var requests = new StringBuilder();
    CsvExport.writeAttempts(events, attempts);
    CsvExport.writeRequests(events, requests);
    assertThat(block("csv", 0)).isEqualTo(attempts.toString().replace("\r\n", "\n"));
    assertThat(block("csv", 1)).isEqualTo(requests.toString().replace("\r\n", "\n"));
    assertThat(block("text", 0)).isEqualTo(RunSummary.of(events).toText());
  }

  private static String block(String language, int index) {
    return blocks.stream().filter(b -> b[0].equals(language)).skip(index).findFirst()
        .map(b -> b[1]).orElseThrow(() -> new AssertionError("no " + language + " block " + index));
  }
}
