package dev.playground.cli;

import dev.playground.guard.OutputPaths;
import dev.playground.guard.Quote;
import dev.playground.lab.HerdLab;
import dev.playground.lab.HerdResult;
import dev.playground.lab.HerdSettings;
import dev.playground.lab.HerdTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code herd}: the thundering-herd lab on the command line, a table on stdout and optionally a CSV. */
@Command(
    name = "herd",
    mixinStandardHelpOptions = true,
    header = "Reproduce the retry-storm experiment: backoff with and without jitter, in virtual time.",
    description = "The thundering-herd lab: N clients race to update one row guarded by optimistic concurrency, and "
        + "a lost write backs off and tries again. Prints the total calls and the time until the last client is "
        + "done, per backoff strategy and client count (means over the trials), after Marc Brooker's "
        + "\"Exponential Backoff And Jitter\" (base 5 ms, cap 2 s). Runs in virtual time: nothing waits.")
final class HerdCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--clients", split = ",", paramLabel = "N",
      description = "Client counts, comma-separated (default: 10,25,50,100; each 1 to " + HerdSettings.MAX_CLIENTS + ").")
  List<Integer> clients;

  @Option(names = "--trials", paramLabel = "T", defaultValue = "100",
      description = "Trials per strategy and client count (default: ${DEFAULT-VALUE}).")
  int trials;

  @Option(names = "--seed", paramLabel = "SEED", defaultValue = "" + HerdSettings.DEFAULT_SEED,
      description = "Seed; the same seed prints the same numbers (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--csv", paramLabel = "FILE",
      description = "Also write the CSV (strategy,clients,calls,completion_ms) to FILE.")
  Path csv;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    HerdSettings settings;
    try {
      settings = HerdSettings.defaults().withTrials(trials).withSeed(seed);
      if (clients != null) settings = settings.withClients(clients);
      if (csv != null) OutputPaths.checkFile("--csv", csv); // before the run, not after it
    } catch (IllegalArgumentException e) {
      err.println("herd: " + e.getMessage());
      return spec.exitCodeOnInvalidInput();
    }
    HerdResult result = HerdLab.run(settings);
    out.print(HerdTable.text(result));
    if (csv != null) {
      try {
        Files.writeString(csv, HerdTable.csv(result), StandardCharsets.UTF_8);
      } catch (IOException | RuntimeException e) {
        err.println("herd: cannot write --csv " + Quote.plain(csv.toString()) + ": " + reason(e));
        return 1;
      }
      out.println();
      out.println("CSV written to " + csv);
    }
    out.flush();
    return 0;
  }

  private static String reason(Exception e) {
    if (e instanceof NoSuchFileException) return "no such directory";
    if (e instanceof AccessDeniedException) return "permission denied";
    if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason();
    return e.getMessage() == null ? e.getClass().getSimpleName() : Quote.message(e.getMessage());
  }
}
