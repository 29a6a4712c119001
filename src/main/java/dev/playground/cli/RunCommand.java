package dev.playground.cli;

import dev.playground.clock.VirtualClock;
import dev.playground.events.CsvExport;
import dev.playground.events.RunLogReader;
import dev.playground.events.RunSummary;
import dev.playground.guard.OutputPaths;
import dev.playground.guard.Quote;
import dev.playground.scenario.Presets;
import dev.playground.scenario.Scenario;
import dev.playground.scenario.ScenarioException;
import dev.playground.scenario.ScenarioJson;
import dev.playground.scenario.ScenarioRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code run}: runs a scenario file or a preset headless, on simulated providers started for it (or in
 * virtual time), writes the run log and prints the summary.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    header = "Run a scenario or a preset headless and print its summary.",
    description = "Starts the simulated providers the scenario needs on loopback, sends its load through the "
        + "resilient client, writes the run log (JSONL) and prints the summary. With --virtual the same policies "
        + "run on a clock that jumps instead of waiting: deterministic for a seed, and far faster.")
final class RunCommand implements Callable<Integer> {
  /** Above this many requests a live run is not played in virtual time first to say how long it will take. */
  private static final int ESTIMATE_MAX_REQUESTS = 100_000;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "SCENARIO", description = "A scenario file (.json) or a preset name (see 'presets').")
  String scenario;

  @Option(names = "--seed", paramLabel = "N", description = "Seed for every random draw (default: the scenario's).")
  Long seed;

  /** The longest --max-wait: a week. */
  static final long MAX_WAIT_SECONDS = 7 * 24 * 3600;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the run log (JSONL) to FILE (its folder must exist).")
  Path logFile;

  @Option(names = "--csv", paramLabel = "DIR",
      description = "Write attempts.csv and requests.csv to DIR (made if missing; its parent must exist).")
  Path csv;

  @Option(names = "--virtual", description = "Run in virtual time (every provider must be simulated).")
  boolean virtual;

  @Option(names = "--requests", paramLabel = "N", description = "Send N requests instead of the scenario's count.")
  Integer requests;

  @Option(names = "--max-wait", paramLabel = "SECONDS", defaultValue = "3600",
      description = "Give up a live run after this long, 1 to " + MAX_WAIT_SECONDS + " (default: ${DEFAULT-VALUE}).")
  long maxWaitSeconds;

  @Option(names = "--progress", paramLabel = "SECONDS", defaultValue = "5",
      description = "During a live run, say every SECONDS how far it is (requests done, scenario time, retry "
          + "waits); 0 for never (default: ${DEFAULT-VALUE}).")
  int progressSeconds;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Scenario s;
    try {
      // everything the run will need is checked before it starts: a run whose log cannot be written is not run
      if (maxWaitSeconds < 1 || maxWaitSeconds > MAX_WAIT_SECONDS)
        throw new IllegalArgumentException("--max-wait must be in [1, " + MAX_WAIT_SECONDS + "] seconds, was "
            + maxWaitSeconds);
      if (progressSeconds < 0) throw new IllegalArgumentException("--progress must be ≥ 0 seconds, was " + progressSeconds);
      if (logFile != null) OutputPaths.checkFile("--out", logFile);
      if (csv != null) OutputPaths.checkDirectory("--csv", csv);
      if (logFile != null && csv != null && csv.toAbsolutePath().normalize().equals(
          logFile.toAbsolutePath().normalize().getParent()) && isCsvName(logFile))
        throw new IllegalArgumentException("--out " + Quote.plain(logFile.toString()) + " would be overwritten by --csv");
      s = load(scenario);
      if (seed != null) s = s.withSeed(seed);
      if (requests != null) s = s.withLoad(s.load().withRequests(requests));
      if (virtual && !s.allSimulated())
        throw new ScenarioException("--virtual needs every provider simulated");
    } catch (IllegalArgumentException e) {
      return Cli.refused(spec, e);
    }

    Path log = logFile;
    try {
      if (csv != null && log == null) log = Files.createTempFile("run-", ".jsonl");
      boolean estimable = !virtual && s.allSimulated() && s.load().requests() <= ESTIMATE_MAX_REQUESTS;
      String estimate = estimable ? RunProgress.estimate(storyMillis(s)) : null;
      RunProgress progress = new RunProgress(s.load().requests());
      ScenarioRun run = virtual
          ? ScenarioRun.virtual(s, new VirtualClock(), log, null)
          : ScenarioRun.live(s, log, progress);
      err.println("run: " + s.name() + " (" + s.load().requests() + " requests, seed " + s.seed() + ", "
          + (virtual ? "virtual time" : "live") + ")" + (estimate == null ? "" : ": " + estimate));
      err.flush();
      if (!virtual && progressSeconds > 0) tick(run, progress, err);
      RunSummary summary = run.runToEnd(Duration.ofSeconds(maxWaitSeconds));
      out.println(summary.toText().stripTrailing());
      out.flush();
      if (csv != null) {
        CsvExport.write(RunLogReader.read(log).events(), csv);
        err.println("run: wrote " + csv.resolve("attempts.csv") + " and " + csv.resolve("requests.csv"));
      }
      if (logFile != null) err.println("run: wrote " + logFile);
      err.flush();
      return 0;
    } catch (IllegalArgumentException e) {
      return Cli.refused(spec, e);
    } catch (IOException e) {
      err.println("run: " + Quote.message(e.getMessage()));
      err.flush();
      return 1;
    } catch (UncheckedIOException e) {
      // the disk failed during the run (full, removed): the log says how far it got
      err.println("run: " + e.getMessage() + (e.getCause() == null ? "" : ": " + Quote.message(e.getCause().getMessage())));
      err.flush();
      return 1;
    } catch (RuntimeException e) {
      err.println("run: the run failed: " + Quote.message(String.valueOf(e.getMessage())));
      err.flush();
      return 1;
    } finally {
      if (logFile == null && log != null) deleteQuietly(log); // the temporary log the CSV was made from
    }
  }

  /** How long the scenario's story lasts, from a run of it in virtual time (quick: nothing waits). */
  private static long storyMillis(Scenario s) {
    return ScenarioRun.virtual(s, new VirtualClock(), null, null).runToEnd(Duration.ofMinutes(1)).durationMs();
  }

  /** Prints the progress line every {@link #progressSeconds} on the run's clock until the run is over. */
  private void tick(ScenarioRun run, RunProgress progress, PrintWriter err) {
    long every = progressSeconds * 1000L;
    run.clock().schedule(() -> {
      if (run.load() != null && run.load().done().isDone()) return null;
      err.println(progress.line(run.clock().nowMillis()));
      err.flush();
      tick(run, progress, err);
      return null;
    }, every, TimeUnit.MILLISECONDS);
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a file left in the temporary folder is no reason to fail the run
    }
  }

  private static boolean isCsvName(Path file) {
    String name = String.valueOf(file.getFileName());
    return name.equals("attempts.csv") || name.equals("requests.csv");
  }

  private static Scenario load(String nameOrFile) {
    Path file;
    try {
      file = Path.of(nameOrFile);
    } catch (InvalidPathException e) {
      throw new ScenarioException("SCENARIO " + Quote.text(nameOrFile) + " is neither a preset nor a file name");
    }
    if (nameOrFile.endsWith(".json") || nameOrFile.contains("/") || Files.exists(file))
      return ScenarioJson.read(file);
    return Presets.get(nameOrFile);
  }
}
