package dev.playground.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.playground.clock.LiveClock;
import dev.playground.clock.VirtualClock;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RunLogWriterTest {
  @TempDir Path dir;

  @Test
  void everyLineParsesAfterManyThreadsPublishThroughTheRecorder() throws Exception {
    // given a recorder whose one subscriber is the writer
    Path file = dir.resolve("run.jsonl");
    RunRecorder recorder;
    try (var clock = new LiveClock(); var writer = RunLogWriter.open(file)) {
      recorder = new RunRecorder(clock);
      recorder.subscribe(writer);
      // when 8 threads publish 160,000 events
      RunRecorderTest.publishFromThreads(recorder);
    }
    // then every line is a whole event, in seq order, without gaps
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines).hasSize((int) recorder.published());
    assertThat(lines.stream().filter(l -> !l.startsWith("{\"seq\":") || !l.endsWith("}"))).isEmpty();
    RunLog log = RunLogReader.read(file);
    assertThat(log.warnings()).isEmpty();
    assertThat(log.truncated()).isFalse();
    assertThat(firstOutOfPlace(log.events())).isEqualTo(-1);
  }

  /** The index of the first event whose seq is not its position, or -1. */
  static int firstOutOfPlace(List<RunEvent> events) {
    for (int i = 0; i < events.size(); i++) if (events.get(i).seq() != i) return i;
    return -1;
  }

  @Test
  void aLineReachesTheFileWithin100MsWithoutClosing() throws Exception {
    Path file = dir.resolve("run.jsonl");
    try (var writer = RunLogWriter.open(file)) {
      // when one event is accepted and nothing else happens
      writer.accept(new RunEvent.RequestStarted(0, 0, 1, "hello"));
      // then it is in the file (the OS has it) within the flush interval
      assertThat(writer.awaitWritten(1, Duration.ofMillis(RunLogWriter.FLUSH_INTERVAL_MS))).isTrue();
      assertThat(Files.readString(file))
          .isEqualTo("{\"seq\":0,\"t_ms\":0,\"type\":\"request_started\",\"req\":1,\"prompt\":\"hello\"}\n");
    }
  }

  @Test
  void aProducerFasterThanTheDiskWaitsForRoomAndLosesNothing() throws Exception {
    // given a writer that may hold only 4 events in memory
    Path file = dir.resolve("run.jsonl");
    var recorder = new RunRecorder(new VirtualClock());
    int count = 5_000;
    long waits;
    try (var writer = RunLogWriter.open(file, 4)) {
      recorder.subscribe(writer);
      // when one thread publishes as fast as it can
      for (int i = 0; i < count; i++) {
        long req = i;
        recorder.publish((seq, t) -> new RunEvent.RequestStarted(seq, t, req, "p"));
      }
      waits = writer.publisherWaits();
    }
    // then the publisher had to wait, and every line is there
    assertThat(waits).isPositive();
    RunLog log = RunLogReader.read(file);
    assertThat(log.events()).hasSize(count);
    assertThat(log.warnings()).isEmpty();
  }

  @Test
  void everyWriteHandsTheSystemWholeLinesOnly() throws Exception {
    // given a stream that remembers each write it gets
    var writes = new ArrayList<byte[]>();
    var out = new OutputStream() {
      @Override
      public void write(int b) {
        writes.add(new byte[] {(byte) b});
      }

      @Override
      public void write(byte[] b, int off, int len) {
        writes.add(Arrays.copyOfRange(b, off, off + len));
      }
    };
    // when lines of many sizes are written, some longer than the writer's buffer
    try (var writer = RunLogWriter.to(out, "memory", 64, Redaction.of(Map.of()))) {
      for (int i = 0; i < 5000; i++)
        writer.accept(new RunEvent.RequestStarted(i, i, i, "x".repeat(i % 7 == 0 ? 70_000 : i % 300)));
    }
    // then each write ends with a line break: a crash between two writes never leaves half a line
    assertThat(writes).isNotEmpty().allSatisfy(w -> assertThat(w[w.length - 1]).isEqualTo((byte) '\n'));
    long lines = writes.stream().mapToLong(w -> new String(w, StandardCharsets.UTF_8).lines().count()).sum();
    assertThat(lines).isEqualTo(5000);
  }

  @Test
  void flushReturnsOnceEverythingAcceptedIsInTheFile() throws Exception {
    Path file = dir.resolve("run.jsonl");
    try (var writer = RunLogWriter.open(file)) {
      for (int i = 0; i < 1000; i++) writer.accept(new RunEvent.RequestStarted(i, i, i, "p" + i));
      writer.flush();
      assertThat(writer.linesWritten()).isEqualTo(1000);
      assertThat(Files.readAllLines(file)).hasSize(1000);
    }
  }

  @Test
  void eventsAfterCloseAreRefusedLoudly() throws Exception {
    var writer = RunLogWriter.open(dir.resolve("run.jsonl"));
    writer.close();
    writer.close(); // idempotent
    assertThatThrownBy(() -> writer.accept(new RunEvent.RequestStarted(7, 0, 1, "late")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the run log run.jsonl is closed; request_started seq 7 came too late");
  }

  @ParameterizedTest
  @ValueSource(ints = {2, RunLogWriter.DEFAULT_CAPACITY})
  void aWriteErrorStopsTheLogAndCloseReportsHowManyEventsWereLost(int capacity) throws Exception {
    // given a device that refuses every write (a full disk)
    Path full = Path.of("/dev/full");
    assumeTrue(Files.isWritable(full), "needs /dev/full");
    var writer = RunLogWriter.open(full, capacity);
    // when events keep coming after the first write failed
    for (int i = 0; i < 2000; i++) writer.accept(new RunEvent.RequestStarted(i, 0, i, "p"));
    // then publishers were never stuck, and the failure is reported with the exact count
    assertThatThrownBy(writer::close)
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("writing the run log full failed after 0 lines (")
        .hasMessageEndingWith("); 2000 events were not written");
    assertThat(writer.failure()).isPresent();
  }
}
