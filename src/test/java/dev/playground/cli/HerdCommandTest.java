package dev.playground.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playground.lab.HerdLab;
import dev.playground.lab.HerdSettings;
import dev.playground.lab.HerdTable;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HerdCommandTest {
  @TempDir Path dir;

  private record Outcome(int exitCode, String out, String err) {}

  private static Outcome herd(String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    var commandLine = PlaygroundCommand.commandLine(window -> {
      throw new AssertionError("the herd command must not open the window");
    });
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    String[] all = new String[args.length + 1];
    all[0] = "herd";
    System.arraycopy(args, 0, all, 1, args.length);
    int code = commandLine.execute(all);
    return new Outcome(code, out.toString(), err.toString());
  }

  @Test
  void printsATableOfCallsAndCompletionTimeForEveryStrategyAndClientCount() {
    Outcome run = herd("--clients", "5,20", "--trials", "10", "--seed", "3");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .contains("10 trials per point, seed 3")
        .contains("Total calls (mean)", "Completion ms (mean)", "5 clients", "20 clients")
        .contains("No backoff", "Exponential", "Full jitter", "Equal jitter", "Decorrelated jitter");
  }

  @Test
  void writesTheCsvWithTheFourColumnsAndOneRowPerStrategyAndClientCount() throws Exception {
    Path csv = dir.resolve("herd.csv");

    Outcome run = herd("--clients", "5,20", "--trials", "10", "--seed", "3", "--csv", csv.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("CSV written to " + csv);
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines.get(0)).isEqualTo("strategy,clients,calls,completion_ms");
    assertThat(lines).hasSize(1 + 5 * 2);
    assertThat(lines.get(1)).startsWith("none,5,");
    assertThat(lines.get(10)).startsWith("decorrelated_jitter,20,");
    // the numbers are the lab's means over the trials
    var settings = HerdSettings.defaults().withClients(List.of(5, 20)).withTrials(10).withSeed(3);
    assertThat(Files.readString(csv)).isEqualTo(HerdTable.csv(HerdLab.run(settings)));
  }

  @Test
  void theSameSeedPrintsTheSameTableAndAnotherSeedAnotherOne() {
    String first = herd("--clients", "8", "--trials", "5", "--seed", "11").out();
    String again = herd("--clients", "8", "--trials", "5", "--seed", "11").out();
    String other = herd("--clients", "8", "--trials", "5", "--seed", "12").out();

    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
  }

  @Test
  void aClientCountBelowOneExitsWithTwoAndOneMessage() {
    Outcome run = herd("--clients", "10,0");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("herd: clients[1] must be in [1, 1000], was 0" + System.lineSeparator());
  }

  @Test
  void zeroTrialsExitWithTwoAndOneMessage() {
    Outcome run = herd("--trials", "0");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("herd: trials must be in [1, 10000], was 0" + System.lineSeparator());
  }

  @Test
  void aNumberThatIsNotANumberExitsWithTwoAndOneLineNamingTheOption() {
    Outcome run = herd("--trials", "many");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines().toList()).hasSize(1);
    assertThat(run.err()).contains("--trials", "'many'", "see 'resilience-playground herd --help'");
  }

  @Test
  void anUnknownOptionExitsWithTwoAndOneLine() {
    Outcome run = herd("--clinets", "10");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines().toList()).hasSize(1);
    assertThat(run.err()).contains("--clinets");
  }

  @Test
  void aCsvThatCannotBeWrittenIsRefusedBeforeTheRunWithTwoAndOneLine() {
    Path csv = dir.resolve("missing").resolve("herd.csv");

    Outcome run = herd("--clients", "3", "--trials", "2", "--csv", csv.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).as("nothing ran").isEmpty();
    assertThat(run.err()).isEqualTo("herd: --csv " + csv + ": its folder " + csv.getParent() + " does not exist"
        + System.lineSeparator());
  }

  @Test
  void aFolderGivenAsTheCsvFileIsRefusedWithTwo() {
    Outcome run = herd("--clients", "3", "--trials", "2", "--csv", dir.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("herd: --csv " + dir + ": is a folder; give a file name" + System.lineSeparator());
  }

  @Test
  void helpListsTheOptions() {
    Outcome run = herd("--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("--clients", "--trials", "--seed", "--csv");
  }
}
