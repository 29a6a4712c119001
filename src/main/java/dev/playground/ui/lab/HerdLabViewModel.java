package dev.playground.ui.lab;

import dev.playground.guard.OutputPaths;
import dev.playground.lab.HerdEngine;
import dev.playground.lab.HerdLab;
import dev.playground.lab.HerdListener;
import dev.playground.lab.HerdResult;
import dev.playground.lab.HerdRow;
import dev.playground.lab.HerdSettings;
import dev.playground.lab.HerdTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The herd lab's logic: client counts, trials and seed as typed (each validated with {@link HerdSettings}'s
 * messages), a run of {@link HerdLab} on the {@code background} executor with progress, rows as they arrive and
 * Cancel, the published conclusions checked against the result, and the CSV. Results come back through
 * {@code fxThread}. Not thread-safe: FX thread (or one test thread).
 */
final class HerdLabViewModel {
  private final Executor background;
  private final Executor fxThread;

  private final StringProperty clients = new SimpleStringProperty(join(HerdSettings.defaults().clients()));
  private final StringProperty trials = new SimpleStringProperty(Integer.toString(HerdSettings.defaults().trials()));
  private final StringProperty seed = new SimpleStringProperty(Long.toString(HerdSettings.DEFAULT_SEED));
  private final ReadOnlyStringWrapper clientsError = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper trialsError = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper seedError = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Set the crowd sizes and trials, then Run.");
  private final ObservableList<HerdRow> rows = FXCollections.observableArrayList();
  private final ReadOnlyObjectWrapper<HerdResult> result = new ReadOnlyObjectWrapper<>();
  private final ObservableList<HerdConclusions.Conclusion> conclusions = FXCollections.observableArrayList();
  private final BooleanBinding canRun;
  private final BooleanBinding canExport;
  private AtomicBoolean cancelled = new AtomicBoolean();

  HerdLabViewModel(Executor background, Executor fxThread) {
    this.background = Objects.requireNonNull(background, "background");
    this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
    clients.addListener((o, a, b) -> parseClients());
    trials.addListener((o, a, b) -> parseTrials());
    seed.addListener((o, a, b) -> parseSeed());
    canRun = Bindings.createBooleanBinding(() -> !running.get() && clientsError.get().isEmpty()
        && trialsError.get().isEmpty() && seedError.get().isEmpty(), running, clientsError, trialsError, seedError);
    canExport = Bindings.createBooleanBinding(() -> !running.get() && result.get() != null, running, result);
  }

  /** Client counts, comma-separated, e.g. "10, 25, 50, 100". */
  StringProperty clientsProperty() { return clients; }

  StringProperty trialsProperty() { return trials; }

  StringProperty seedProperty() { return seed; }

  ReadOnlyStringProperty clientsErrorProperty() { return clientsError.getReadOnlyProperty(); }

  ReadOnlyStringProperty trialsErrorProperty() { return trialsError.getReadOnlyProperty(); }

  ReadOnlyStringProperty seedErrorProperty() { return seedError.getReadOnlyProperty(); }

  ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }

  /** 0..1: trials done of the run's total. */
  ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }

  ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }

  /** The points so far, in the order they arrived: every strategy at one client count, then the next count. */
  ObservableList<HerdRow> rows() { return rows; }

  /** The whole grid once a run has finished (not after Cancel), else null. */
  ReadOnlyObjectProperty<HerdResult> resultProperty() { return result.getReadOnlyProperty(); }

  /** The published conclusions and whether the finished run reproduced them. */
  ObservableList<HerdConclusions.Conclusion> conclusions() { return conclusions; }

  BooleanBinding canRunProperty() { return canRun; }

  BooleanBinding canExportProperty() { return canExport; }

  /** The settings as typed, or null when one of them is invalid (its message says why). */
  HerdSettings settings() {
    List<Integer> c = parseClients();
    Integer t = parseTrials();
    Long s = parseSeed();
    if (c == null || t == null || s == null) return null;
    return HerdSettings.defaults().withClients(c).withTrials(t).withSeed(s);
  }

  /** Starts a run on the background executor; does nothing unless {@link #canRunProperty()} is true. */
  void run() {
    HerdSettings settings = settings();
    if (settings == null || !canRun.get()) return;
    AtomicBoolean stop = new AtomicBoolean();
    cancelled = stop;
    rows.clear();
    conclusions.clear();
    result.set(null);
    progress.set(0);
    running.set(true);
    status.set("Running " + settings.totalTrials() + " trials …");
    Listener listener = new Listener();
    background.execute(() -> {
      try {
        HerdResult r = HerdLab.run(settings, HerdEngine.VIRTUAL_CLOCK, listener, stop::get);
        fxThread.execute(() -> finished(r));
      } catch (CancellationException e) {
        fxThread.execute(() -> cancelled(listener.done.get(), settings.totalTrials()));
      } catch (RuntimeException e) {
        fxThread.execute(() -> failed(e));
      }
    });
  }

  /** Asks the run to stop before its next trial; the points so far stay. */
  void cancel() {
    if (!running.get()) return;
    cancelled.set(true);
    status.set("Cancelling …");
  }

  /** The CSV of the finished run: {@code strategy,clients,calls,completion_ms}, as the {@code herd} command writes it. */
  String csv() {
    if (result.get() == null) throw new IllegalStateException("no finished run to export");
    return HerdTable.csv(result.get());
  }

  /** Writes {@link #csv()} to {@code file} on the background executor; the status says how it went. */
  CompletableFuture<Path> exportCsv(Path file) {
    String text = csv();
    CompletableFuture<Path> written = CompletableFuture.supplyAsync(() -> {
      String problem = OutputPaths.fileProblem(file); // a folder, a device, a missing folder: said as such
      if (problem != null) throw new CompletionException(new IOException(problem));
      try {
        return Files.writeString(file, text, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new CompletionException(e);
      }
    }, background);
    written.whenComplete((p, e) -> fxThread.execute(() -> status.set(e == null
        ? "CSV written to " + file.getFileName()
        : "Could not write " + file.getFileName() + ": " + reason(e))));
    return written;
  }

  /** Hears the run on the background thread; hands rows over in order and progress at most one pending at a time. */
  private final class Listener implements HerdListener {
    final AtomicLong done = new AtomicLong();
    final AtomicBoolean progressPending = new AtomicBoolean();
    volatile long total = 1;

    @Override
    public void onProgress(long d, long t) {
      done.set(d);
      total = t;
      if (progressPending.compareAndSet(false, true)) {
        fxThread.execute(() -> {
          progressPending.set(false);
          progressed(done.get(), total);
        });
      }
    }

    @Override
    public void onRow(HerdRow row) {
      fxThread.execute(() -> rows.add(row));
    }
  }

  private void progressed(long done, long total) {
    if (!running.get()) return; // a late report after the end
    progress.set((double) done / total);
    if (!cancelled.get()) status.set(done + " of " + total + " trials");
  }

  private void finished(HerdResult r) {
    running.set(false);
    progress.set(1);
    result.set(r);
    conclusions.setAll(HerdConclusions.of(r));
    long reproduced = conclusions.stream().filter(HerdConclusions.Conclusion::reproduced).count();
    status.set("Done: " + r.settings().totalTrials() + " trials, seed " + r.settings().seed() + "; "
        + reproduced + " of " + conclusions.size() + " published conclusions reproduced.");
  }

  private void cancelled(long done, long total) {
    running.set(false);
    status.set("Cancelled after " + done + " of " + total + " trials; the points so far stay.");
  }

  private void failed(RuntimeException e) {
    running.set(false);
    status.set("The lab failed: " + reason(e));
  }

  private List<Integer> parseClients() {
    String text = clients.get() == null ? "" : clients.get().strip();
    List<Integer> counts = new ArrayList<>();
    if (!text.isEmpty()) {
      String[] parts = text.split(",", -1);
      for (int i = 0; i < parts.length; i++) {
        String p = parts[i].strip();
        try {
          counts.add(Integer.parseInt(p));
        } catch (NumberFormatException e) {
          clientsError.set("clients[" + i + "] must be a whole number, was \"" + p + "\"");
          return null;
        }
      }
    }
    try {
      HerdSettings.defaults().withClients(counts);
    } catch (IllegalArgumentException e) {
      clientsError.set(e.getMessage());
      return null;
    }
    clientsError.set("");
    return counts;
  }

  private Integer parseTrials() {
    String text = trials.get() == null ? "" : trials.get().strip();
    try {
      int t = Integer.parseInt(text);
      HerdSettings.defaults().withTrials(t);
      trialsError.set("");
      return t;
    } catch (NumberFormatException e) {
      trialsError.set("trials must be a whole number, was \"" + text + "\"");
    } catch (IllegalArgumentException e) {
      trialsError.set(e.getMessage());
    }
    return null;
  }

  private Long parseSeed() {
    String text = seed.get() == null ? "" : seed.get().strip();
    try {
      long s = Long.parseLong(text);
      seedError.set("");
      return s;
    } catch (NumberFormatException e) {
      seedError.set("seed must be a whole number, was \"" + text + "\"");
      return null;
    }
  }

  private static String join(List<Integer> values) {
    return String.join(", ", values.stream().map(String::valueOf).toList());
  }

  private static String reason(Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }
}
