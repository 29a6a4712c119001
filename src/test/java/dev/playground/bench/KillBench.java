package dev.playground.bench;

import dev.playground.events.RunEventJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * kill -9 under load: starts {@link KillChild} in a JVM of its own, lets it write a run log, kills it with
 * SIGKILL at a random moment, and compares the lines in the file with the events the child had reported
 * emitted (it reports every 10 ms). Prints, per kill, the lines missing against the last report and how far
 * back the oldest missing event was emitted; the goal is at most the last 100 ms. Every log must still read
 * back whole, but for a last line cut mid-write.
 * {@code ./mvnw -q -Pbench test-compile exec:exec -Dbench=KillBench -Dbench.args="--kills 10 --mode both"}.
 */
public final class KillBench {
  private KillBench() {}

  public static void main(String[] args) throws Exception {
    int kills = (int) arg(args, "--kills", 10);
    long seed = (long) arg(args, "--seed", 9);
    String which = stringArg(args, "--mode", "both");
    Random random = new Random(seed);
    System.out.printf(Locale.ROOT, "KillBench: %d kills per mode, SIGKILL at a random moment 2-8 s after the child is "
        + "under load (seed %d), %d cores%n", kills, seed, Runtime.getRuntime().availableProcessors());
    boolean ok = true;
    for (String mode : which.equals("both") ? List.of("live", "flood") : List.of(which)) {
      long worstLines = 0;
      long worstMs = 0;
      List<Long> windows = new ArrayList<>();
      for (int k = 1; k <= kills; k++) {
        Kill kill = killOnce(mode, 2_000 + random.nextInt(6_000));
        worstLines = Math.max(worstLines, kill.missing);
        worstMs = Math.max(worstMs, kill.windowMs);
        windows.add(kill.windowMs);
        ok &= kill.readBack && kill.windowMs <= 100;
        System.out.printf(Locale.ROOT, "  %-5s kill %2d at %5d ms: %,9d events reported, %,9d lines in the file; "
                + "missing %,6d lines, emitted in the last %3d ms before the last report%s%n", mode, k, kill.atMs,
            kill.reported, kill.lines, kill.missing, kill.windowMs, kill.readBack ? "" : "; THE LOG DOES NOT READ BACK");
      }
      windows.sort(null);
      System.out.printf(Locale.ROOT, "  %-5s worst: %,d lines missing, the last %d ms (median %d ms; goal: at most 100 ms)%n",
          mode, worstLines, worstMs, windows.get(windows.size() / 2));
    }
    System.out.println(ok ? "KillBench: OK" : "KillBench: FAILED");
    System.exit(ok ? 0 : 1);
  }

  /** What one kill cost. */
  private record Kill(long atMs, long reported, long lines, long missing, long windowMs, boolean readBack) {}

  private static Kill killOnce(String mode, long afterMs) throws Exception {
    Path log = Files.createTempFile("killed-" + mode + "-", ".jsonl");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-Xmx512m", "-Dsun.net.httpserver.nodelay=true", "-cp",
        System.getProperty("java.class.path"), KillChild.class.getName(), mode, log.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    List<long[]> reports = new ArrayList<>(); // {emitted, ms}
    Thread reader = new Thread(() -> read(child.getInputStream(), reports), "kill-reader");
    reader.start();
    try {
      long loaded = waitForLoad(reports, mode.equals("live") ? 2_000 : 100_000);
      long killAt = loaded + afterMs;
      synchronized (reports) {
        while (reports.get(reports.size() - 1)[1] < killAt && child.isAlive()) reports.wait(100);
      }
      child.destroyForcibly(); // SIGKILL
      if (!child.waitFor(30, TimeUnit.SECONDS)) throw new IllegalStateException("the child outlived SIGKILL");
      reader.join(10_000);
    } finally {
      if (child.isAlive()) child.destroyForcibly();
    }
    long lines = lines(log);
    long held = wholeEvents(log); // -1: a line before the last is damaged
    boolean readBack = held == lines || held == lines + 1; // + 1: a last line whole but for its '\n'
    if (held < 0) held = lines;
    Files.delete(log);
    long[] last;
    synchronized (reports) {
      last = reports.get(reports.size() - 1);
    }
    long missing = Math.max(0, last[0] - held);
    long window = 0;
    if (missing > 0) {
      synchronized (reports) {
        for (long[] r : reports) {
          if (r[0] > held) {
            window = last[1] - r[1] + 10; // the first report past the file's end came at most 10 ms after the event
            break;
          }
        }
      }
    }
    return new Kill(last[1], last[0], held, missing, window, readBack);
  }

  /** Waits until the child has emitted {@code events} (its start and warm-up are over); returns its time then. */
  private static long waitForLoad(List<long[]> reports, long events) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    synchronized (reports) {
      while (System.nanoTime() < deadline) {
        if (!reports.isEmpty() && reports.get(reports.size() - 1)[0] >= events)
          return reports.get(reports.size() - 1)[1];
        reports.wait(1_000);
      }
    }
    throw new IllegalStateException("the child did not get going within 2 minutes");
  }

  private static void read(InputStream in, List<long[]> reports) {
    try (var lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line; (line = lines.readLine()) != null; ) {
        if (!line.startsWith("emitted ")) continue;
        String[] parts = line.split(" ");
        if (parts.length != 3) continue; // a report cut by the kill
        synchronized (reports) {
          reports.add(new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])});
          reports.notifyAll();
        }
      }
    } catch (IOException | NumberFormatException e) {
      // the pipe closes with the child
    }
  }

  /**
   * The events the file holds, read as the run-log reader reads them (every line an event, seq without gaps, a
   * last line cut mid-write skipped) but without keeping them: a flood's file passes the reader's 1 GiB bound.
   * -1 if a line other than the last is damaged.
   */
  private static long wholeEvents(Path file) throws IOException {
    long events = 0;
    try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String previous = null;
      for (String line; (line = in.readLine()) != null; ) {
        if (previous != null && !isEvent(previous, events)) return -1;
        if (previous != null) events++;
        previous = line;
      }
      if (previous != null && isEvent(previous, events)) events++; // a cut last line is not an event
    }
    return events;
  }

  private static boolean isEvent(String line, long seq) {
    try {
      return RunEventJson.fromJson(line).seq() == seq;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Whole lines: those ended by '\n' (a line cut by the kill is not one). */
  private static long lines(Path file) throws IOException {
    long n = 0;
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int read; (read = in.read(buffer)) > 0; )
        for (int i = 0; i < read; i++) if (buffer[i] == '\n') n++;
    }
    return n;
  }

  private static double arg(String[] args, String name, double fallback) {
    for (int i = 0; i < args.length - 1; i++) if (args[i].equals(name)) return Double.parseDouble(args[i + 1]);
    return fallback;
  }

  private static String stringArg(String[] args, String name, String fallback) {
    for (int i = 0; i < args.length - 1; i++) if (args[i].equals(name)) return args[i + 1];
    return fallback;
  }
}
