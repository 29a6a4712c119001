package dev.playground.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.playground.events.RunLogReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    var cli = PlaygroundCommand.commandLine(a -> {});
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void presetsPrintsOnePresetALineNameFirst() {
    assertThat(run("presets")).isZero();
    String[] lines = out.toString().split("\\R");
    assertThat(lines).hasSize(15);
    assertThat(lines[0]).matches("simple-retry\\s+Simple retry");
    assertThat(lines).anyMatch(l -> l.startsWith("circuit-breaker "));
  }

  @Test
  void runningAPresetInVirtualTimeWritesTheLogAndPrintsTheSummary(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("cb.jsonl");
    Path csv = dir.resolve("csv");

    int code = run("run", "circuit-breaker", "--virtual", "--out", log.toString(), "--csv", csv.toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("Run summary", "requests          45 started", "breaker rejections");
    var events = RunLogReader.read(log).events();
    assertThat(events.get(0).type()).isEqualTo("run_started");
    assertThat(events.get(events.size() - 1).type()).isEqualTo("run_finished");
    assertThat(Files.readAllLines(csv.resolve("attempts.csv")).get(0)).startsWith("req,attempt,model_attempt");
    assertThat(Files.readAllLines(csv.resolve("requests.csv"))).hasSize(46);
  }

  @Test
  void theSeedOptionChangesTheRunAndTheSameSeedRepeatsIt(@TempDir Path dir) throws Exception {
    run("run", "rate-limit-storm", "--virtual", "--seed", "1", "--out", dir.resolve("a.jsonl").toString());
    run("run", "rate-limit-storm", "--virtual", "--seed", "1", "--out", dir.resolve("b.jsonl").toString());
    run("run", "rate-limit-storm", "--virtual", "--seed", "2", "--out", dir.resolve("c.jsonl").toString());
    assertThat(Files.readAllBytes(dir.resolve("a.jsonl"))).isEqualTo(Files.readAllBytes(dir.resolve("b.jsonl")));
    assertThat(Files.readAllBytes(dir.resolve("a.jsonl"))).isNotEqualTo(Files.readAllBytes(dir.resolve("c.jsonl")));
  }

  @Test
  void anUnknownPresetExitsWithTwoAndOneLine() {
    assertThat(run("run", "no-such-preset")).isEqualTo(2);
    assertThat(err.toString().strip()).startsWith("run: no preset named \"no-such-preset\"").doesNotContain("\n");
  }

  @Test
  void aBrokenScenarioFileExitsWithTwoAndOneLineNamingTheField(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.json");
    Files.writeString(file, """
        {"name": "bad", "providers": [{"name": "sim"}],
         "policies": {"chain": [{"provider": "sim", "model": "m"}]}, "load": {"requests": -1}}
        """);
    assertThat(run("run", file.toString())).isEqualTo(2);
    assertThat(err.toString().strip()).isEqualTo("run: bad.json: load.requests must be in [1, 1000000], was -1");
  }

  @Test
  void aLogInAFolderThatDoesNotExistIsRefusedBeforeTheRunWithTwoAndOneLine(@TempDir Path dir) {
    Path log = dir.resolve("no-such-folder/x.jsonl");

    assertThat(run("run", "simple-retry", "--virtual", "--out", log.toString())).isEqualTo(2);

    assertThat(out.toString()).as("nothing ran").isEmpty();
    assertThat(err.toString().strip())
        .isEqualTo("run: --out " + log + ": its folder " + log.getParent() + " does not exist");
    assertThat(log.getParent()).as("no folder made on the way").doesNotExist();
  }

  @Test
  void aLogThatIsAFolderOrADeviceIsRefusedWithTwo(@TempDir Path dir) {
    assertThat(run("run", "simple-retry", "--virtual", "--out", dir.toString())).isEqualTo(2);
    assertThat(err.toString().strip()).isEqualTo("run: --out " + dir + ": is a folder; give a file name");
    assumeTrue(Files.exists(Path.of("/dev/full")), "a system with /dev/full");
    err.getBuffer().setLength(0);
    assertThat(run("run", "simple-retry", "--virtual", "--out", "/dev/full")).isEqualTo(2);
    assertThat(err.toString().strip()).isEqualTo("run: --out /dev/full: is not a regular file (a device or a pipe)");
  }

  @Test
  void aCsvFolderWhoseParentIsMissingIsRefusedWithTwo(@TempDir Path dir) {
    Path csv = dir.resolve("a/b");

    assertThat(run("run", "simple-retry", "--virtual", "--csv", csv.toString())).isEqualTo(2);

    assertThat(out.toString()).isEmpty();
    assertThat(err.toString().strip()).isEqualTo("run: --csv " + csv + ": its folder " + csv.getParent() + " does not exist");
  }

  @Test
  void aMaxWaitOfZeroOrLessIsRefused() {
    assertThat(run("run", "simple-retry", "--max-wait", "-1")).isEqualTo(2);
    assertThat(run("run", "simple-retry", "--max-wait", "0")).isEqualTo(2);
    assertThat(err.toString().lines()).containsExactly(
        "run: --max-wait must be in [1, 604800] seconds, was -1", "run: --max-wait must be in [1, 604800] seconds, was 0");
  }

  @Test
  void aDeviceGivenAsTheScenarioIsReadNoFurtherThanTheBound() {
    assumeTrue(Files.exists(Path.of("/dev/zero")), "a system with /dev/zero");

    assertThat(run("run", "/dev/zero", "--virtual")).isEqualTo(2);

    assertThat(err.toString().strip())
        .isEqualTo("run: zero: a scenario file must be at most 4 MiB (4194304 bytes); this one is larger");
  }

  @Test
  void aHugeBadValueIsQuotedShortOnOneLine() {
    String name = "x".repeat(10_000);

    assertThat(run("run", name)).isEqualTo(2);

    assertThat(err.toString().strip()).startsWith("run: no preset named \"" + "x".repeat(80) + "…\" (10000 characters);")
        .hasSizeLessThan(500).doesNotContain("\n");
  }

  @Test
  void aHugeBadOptionValueIsQuotedShortToo() {
    assertThat(run("run", "simple-retry", "--seed", "9".repeat(10_000))).isEqualTo(2);

    assertThat(err.toString().strip()).contains("'" + "9".repeat(80) + "…' (10000 characters) is not a long")
        .hasSizeLessThan(300);
  }

  @Test
  void virtualTimeNeedsSimulatedProviders(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("real.json");
    Files.writeString(file, """
        {"name": "real", "providers": [{"name": "openai", "type": "real", "base_url": "https://api.openai.com/v1"}],
         "policies": {"chain": [{"provider": "openai", "model": "gpt-4o-mini"}]}}
        """);
    assertThat(run("run", file.toString(), "--virtual")).isEqualTo(2);
    assertThat(err.toString()).contains("--virtual needs every provider simulated");
  }

  @Test
  void aLiveRunOfAPresetWithLongWaitsSaysHowLongItWillTakeAndHowToRunItQuickly() {
    int code = run("run", "exponential-backoff", "--max-wait", "1");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString().lines().findFirst().orElseThrow()).isEqualTo("run: exponential-backoff (4 requests,"
        + " seed 42, live): its waits and timing make it about 43.1 s live; add --virtual to run it in a moment");
  }

  @Test
  void aLiveRunSaysHowFarItIsWhileItGoes(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("slow.json");
    Files.writeString(file, """
        {"name": "slow", "providers": [{"name": "sim", "faults": {"base_latency": {"fixed_ms": 50},
           "rules": [{"sequence": ["server_error", "ok"]}]}}],
         "policies": {"chain": [{"provider": "sim", "model": "gpt-4o-mini"}],
           "retry": {"max_attempts": 2, "delay_ms": 2500}},
         "load": {"requests": 2, "concurrency": 1}}
        """);

    int code = run("run", file.toString(), "--progress", "1");

    assertThat(code).as(err.toString()).isZero();
    assertThat(err.toString()).containsPattern("run: [01] of 2 requests done · \\d+\\.\\d s of scenario time"
        + " · a retry waits \\d+\\.\\d s more");
  }

  @Test
  void aNegativeProgressIntervalIsRefused() {
    assertThat(run("run", "simple-retry", "--progress", "-1")).isEqualTo(2);
    assertThat(err.toString().strip()).isEqualTo("run: --progress must be ≥ 0 seconds, was -1");
  }
}
