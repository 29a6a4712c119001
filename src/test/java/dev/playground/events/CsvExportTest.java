package dev.playground.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playground.DocSection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvExportTest {
  @TempDir Path dir;

  @Test
  void fieldsAreQuotedTheRfc4180Way() {
    assertThat(CsvExport.field("plain")).isEqualTo("plain");
    assertThat(CsvExport.field("")).isEqualTo("");
    assertThat(CsvExport.field("a,b")).isEqualTo("\"a,b\"");
    assertThat(CsvExport.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(CsvExport.field("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(CsvExport.field("cr\rhere")).isEqualTo("\"cr\rhere\"");
    assertThat(CsvExport.field("ünïcode; semi")).isEqualTo("ünïcode; semi");
  }

  @Test
  void attemptsPairStartsWithFinishesAndCarryTheWaitBeforeThem() throws Exception {
    // given a request retried once after a 429, on a model whose name needs quoting
    String model = "gpt-4o, \"mini\"";
    var events = List.<RunEvent>of(
        new RunEvent.RequestStarted(0, 0, 1, "q"),
        new RunEvent.AttemptStarted(1, 0, 1, 1, 1, "sim", model, Rung.FULL),
        new RunEvent.AttemptFinished(2, 12, 1, 1, 1, "sim", model, Rung.FULL, "rate_limited", 429, 12.5, 1000L,
            "req_a", "slow down", Map.of()),
        new RunEvent.RetryScheduled(3, 12, 1, 1, "sim", model, 1000, RetryReason.RETRY_AFTER, 1000L),
        new RunEvent.AttemptStarted(4, 1012, 1, 2, 2, "sim", model, Rung.FULL),
        new RunEvent.AttemptFinished(5, 1052, 1, 2, 2, "sim", model, Rung.FULL, "ok", 200, 40, null, null, null,
            Map.of()),
        new RunEvent.RequestFinished(6, 1052, 1, Rung.FULL, "sim", model, "ok", 1052, 2, "answer"),
        // a second request cut by the end of the log: started, never finished
        new RunEvent.RequestStarted(7, 1100, 2, "q2"),
        new RunEvent.AttemptStarted(8, 1100, 2, 1, 1, "sim", "other", Rung.LIMITED));
    var out = new StringBuilder();
    // when
    CsvExport.writeAttempts(events, out);
    // then
    assertThat(out.toString()).isEqualTo(
        "req,attempt,model_attempt,provider,model,rung,outcome,status,started_ms,finished_ms,latency_ms,"
            + "retry_after_ms,waited_before_ms,request_id\r\n"
            + "1,1,1,sim,\"gpt-4o, \"\"mini\"\"\",full,rate_limited,429,0,12,12.5,1000,,req_a\r\n"
            + "1,2,2,sim,\"gpt-4o, \"\"mini\"\"\",full,ok,200,1012,1052,40,,1000,\r\n"
            + "2,1,1,sim,other,limited,,,1100,,,,,\r\n");
    var requests = new StringBuilder();
    CsvExport.writeRequests(events, requests);
    assertThat(requests.toString()).isEqualTo(
        "req,started_ms,finished_ms,rung,provider,model,outcome,latency_ms,attempts\r\n"
            + "1,0,1052,full,sim,\"gpt-4o, \"\"mini\"\"\",ok,1052,2\r\n"
            + "2,1100,,,,,,,\r\n");
  }

  @Test
  void theHeaderRowsAreTheDocumentedColumnsInOrder() throws Exception {
    var attempts = new StringBuilder();
    var requests = new StringBuilder();
    CsvExport.writeAttempts(List.of(), attempts);
    CsvExport.writeRequests(List.of(), requests);
    assertThat(attempts.toString()).isEqualTo(String.join(",", CsvExport.ATTEMPT_COLUMNS) + "\r\n");
    assertThat(requests.toString()).isEqualTo(String.join(",", CsvExport.REQUEST_COLUMNS) + "\r\n");
    String doc = DocSection.of("docs/reference/run-log.md", "CSV export");
    assertThat(doc).contains("`" + String.join("`, `", CsvExport.ATTEMPT_COLUMNS) + "`");
    assertThat(doc).contains("`" + String.join("`, `", CsvExport.REQUEST_COLUMNS) + "`");
  }

  @Test
  void aRunIsWrittenAsTwoFilesWithOneRowPerCallAndPerRequest() throws Exception {
    List<RunEvent> run = SampleEvents.exampleRun();
    List<Path> files = CsvExport.write(run, dir.resolve("csv"));
    assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("attempts.csv", "requests.csv");
    List<String> attempts = Files.readAllLines(files.get(0), StandardCharsets.UTF_8);
    List<String> requests = Files.readAllLines(files.get(1), StandardCharsets.UTF_8);
    long calls = run.stream().filter(e -> e instanceof RunEvent.AttemptStarted).count();
    long asked = run.stream().filter(e -> e instanceof RunEvent.RequestStarted).count();
    assertThat(attempts).hasSize((int) calls + 1);
    assertThat(requests).hasSize((int) asked + 1);
  }
}
