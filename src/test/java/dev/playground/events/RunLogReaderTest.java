package dev.playground.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLogReaderTest {
  private static final List<RunEvent> RUN = SampleEvents.exampleRun();
  private static final String LOG = RUN.stream().map(e -> RunEventJson.toJson(e) + "\n").collect(Collectors.joining());

  @TempDir Path dir;

  @Test
  void readsBackEveryEventOfALog() throws Exception {
    Path file = dir.resolve("run.jsonl");
    Files.writeString(file, LOG);
    RunLog log = RunLogReader.read(file);
    assertThat(log.events()).isEqualTo(RUN);
    assertThat(log.truncated()).isFalse();
    assertThat(log.warnings()).isEmpty();
  }

  @Test
  void aLastLineCutAtAnyByteIsSkippedAndReported() throws Exception {
    // given two whole lines, then a line cut at every possible byte (inside multi-byte characters too)
    var unicode = new RunEvent.RequestFinished(1, 5, 1, Rung.FULL, "sim", "m", "ok", 12.25, 1, "ünïcode € ok");
    var last = new RunEvent.RunFinished(2, 9, RunSummary.of(RUN).toJson());
    String head = RunEventJson.toJson(RUN.get(0)) + "\n" + RunEventJson.toJson(unicode) + "\n";
    for (RunEvent cutEvent : List.of(unicode, last)) {
      byte[] line = RunEventJson.toJson(cutEvent).getBytes(StandardCharsets.UTF_8);
      for (int cut = 1; cut < line.length; cut++) {
        // when
        RunLog log = RunLogReader.read(new ByteArrayInputStream(concat(head, line, cut)), "killed.jsonl");
        // then every whole line is there, and the cut one is reported
        assertThat(log.events()).as("%s cut after %d bytes", cutEvent.type(), cut)
            .isEqualTo(List.of(RUN.get(0), unicode));
        assertThat(log.truncated()).isTrue();
        assertThat(log.warnings()).containsExactly(
            "line 3 was cut off (the run stopped while writing it) and was skipped");
      }
    }
  }

  @Test
  void aLastLineWithoutItsLineBreakButWholeIsKept() throws Exception {
    RunLog log = RunLogReader.parse(LOG.substring(0, LOG.length() - 1));
    assertThat(log.events()).isEqualTo(RUN);
    assertThat(log.truncated()).isFalse();
  }

  @Test
  void aBadLineInTheMiddleStopsTheReadingAndNamesTheLine() {
    String[] lines = LOG.split("\n");
    lines[4] = lines[4].replace("\"attempt\":1", "\"attempt\":\"first\"");
    assertThatThrownBy(() -> RunLogReader.parse(String.join("\n", lines)))
        .isInstanceOf(RunLogFormatException.class)
        .hasMessage("the text, line 5: retry_scheduled.attempt must be a whole number (32-bit), was \"first\"")
        .satisfies(e -> assertThat(((RunLogFormatException) e).line()).isEqualTo(5));
  }

  @Test
  void aBrokenLineThatEndsWithALineBreakIsAnErrorNotATruncation() {
    // a line that has its '\n' was written whole: if it does not parse, something else broke it
    String broken = LOG + "{\"seq\":27,\"t_ms\":1700,\"type\":\"run_fin\n";
    assertThatThrownBy(() -> RunLogReader.parse(broken))
        .isInstanceOf(RunLogFormatException.class)
        .hasMessageStartingWith("the text, line 28: not valid JSON at column");
  }

  @Test
  void aLastLineDamagedInTheMiddleIsAnErrorEvenWithoutItsLineBreak() {
    // a cut line is whole up to where it stops; this one has a wrong character before its end
    String damaged = LOG + "{\"seq\":27,\"t_ms\":17#0,\"type\":\"run_finished\"}";
    assertThatThrownBy(() -> RunLogReader.parse(damaged))
        .isInstanceOf(RunLogFormatException.class)
        .hasMessageStartingWith("the text, line 28: not valid JSON at column 20");
  }

  @Test
  void anUnknownTypeIsAClearError() {
    String log = LOG + "{\"seq\":27,\"t_ms\":1700,\"type\":\"coffee_break\"}\n";
    assertThatThrownBy(() -> RunLogReader.parse(log))
        .hasMessageStartingWith("the text, line 28: unknown type \"coffee_break\" (known: attempt_finished,");
  }

  @Test
  void aFileThatIsNotARunLogGetsOneSentence() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1};
    assertThatThrownBy(() -> RunLogReader.read(new ByteArrayInputStream(png), "chart.png"))
        .isInstanceOf(RunLogFormatException.class)
        .hasMessageStartingWith("chart.png: not a run log (line 1: not valid JSON at column 1: ");
    String scenario = "{\n  \"name\": \"outage\",\n  \"seed\": 7\n}\n";
    assertThatThrownBy(() -> RunLogReader.read(bytes(scenario), "outage.json"))
        .hasMessageStartingWith(
            "outage.json: not a run log (line 1: not valid JSON at column 2: Unexpected end-of-input");
    assertThatThrownBy(() -> RunLogReader.read(bytes("{\"name\":\"outage\"}\n"), "outage.json"))
        .hasMessageStartingWith("outage.json: not a run log (line 1: the object has no \"type\"");
    assertThatThrownBy(() -> RunLogReader.read(bytes("Dear diary"), "notes.txt"))
        .hasMessageStartingWith("notes.txt: not a run log (line 1: not valid JSON");
  }

  @Test
  void anEmptyLogReadsAsNoEventsWithAWarning() throws Exception {
    RunLog log = RunLogReader.read(bytes(""), "empty.jsonl");
    assertThat(log.events()).isEmpty();
    assertThat(log.warnings()).containsExactly("empty.jsonl holds no events");
  }

  @Test
  void gapsInSeqAreReported() throws Exception {
    String[] lines = LOG.split("\n");
    String withoutLine3 = lines[0] + "\n" + lines[1] + "\n" + String.join("\n", List.of(lines).subList(3, 6)) + "\n";
    RunLog log = RunLogReader.parse(withoutLine3);
    assertThat(log.events()).hasSize(5);
    assertThat(log.warnings()).containsExactly("line 3: seq 3 where 2 was expected");
  }

  @Test
  void windowsLineBreaksABomAndBlankLinesAreAccepted() throws Exception {
    String edited = "\uFEFF" + LOG.replace("\n", "\r\n") + "\r\n\r\n";
    RunLog log = RunLogReader.read(bytes(edited), "edited.jsonl");
    assertThat(log.events()).isEqualTo(RUN);
    assertThat(log.warnings()).isEmpty();
  }

  private static byte[] concat(String head, byte[] line, int cut) {
    byte[] start = head.getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[start.length + cut];
    System.arraycopy(start, 0, all, 0, start.length);
    System.arraycopy(line, 0, all, start.length, cut);
    return all;
  }

  private static ByteArrayInputStream bytes(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
  @Test
  void aDeviceWithoutLineBreaksIsRefusedAtTheLineBoundNotReadForever() {
    assumeTrue(Files.exists(Path.of("/dev/zero")), "a system with /dev/zero");

    assertThatThrownBy(() -> RunLogReader.read(Path.of("/dev/zero"))).isInstanceOf(RunLogFormatException.class)
        .hasMessage("zero: not a run log (line 1: the line is longer than 16777216 characters)");
  }

  @Test
  void aNumberThatADoubleWouldReadAsZeroIsRefused() {
    String line = RunEventJson.toJson(new RunEvent.CacheHit(0, 0, 1, "first", 12.5)).replace("12.5", "1e-400");

    assertThatThrownBy(() -> RunLogReader.parse(line)).isInstanceOf(RunLogFormatException.class)
        .hasMessageContaining("cache_hit.age_ms must be a number a 64-bit float holds");
  }
}
