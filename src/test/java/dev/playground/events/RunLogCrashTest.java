package dev.playground.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLogCrashTest {
  private static final String CANARY = "sk-canary-7f3a9c2e5b1d4086";

  @TempDir Path dir;

  @Test
  void aWriterKilledMidRunLeavesOnlyWholeLinesAndNoSecret() throws Exception {
    // given a child JVM writing a run log flat out, with an API key in its environment
    Path file = dir.resolve("killed.jsonl");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        LogWritingChild.class.getName(), file.toString(), "20000")
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("OPENAI_API_KEY", CANARY);
    Process child = builder.start();
    long announced;
    try {
      var out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      String line = CompletableFuture.supplyAsync(() -> {
        try {
          return out.readLine();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }).get(60, TimeUnit.SECONDS);
      assertThat(line).startsWith("written ");
      announced = Long.parseLong(line.substring("written ".length()));
    } finally {
      // when it is killed while still writing
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    // then every complete line reads back, seq has no gaps, nothing announced as written is missing
    RunLog log = RunLogReader.read(file);
    assertThat(log.events().size()).isGreaterThanOrEqualTo((int) announced);
    assertThat(RunLogWriterTest.firstOutOfPlace(log.events())).isEqualTo(-1);
    assertThat(log.warnings()).allMatch(w -> w.contains("was cut off"));
    // and the key never reached the file
    String text = Files.readString(file);
    assertThat(text).doesNotContain(CANARY).contains("Incorrect API key provided: [redacted]");
  }
}
