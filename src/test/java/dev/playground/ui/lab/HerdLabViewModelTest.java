package dev.playground.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playground.lab.HerdLab;
import dev.playground.lab.HerdResult;
import dev.playground.lab.HerdRow;
import dev.playground.lab.HerdSettings;
import dev.playground.lab.HerdStrategy;
import dev.playground.lab.HerdTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HerdLabViewModelTest {
  /** Holds background work until the test runs it: the test is the background thread. */
  private static final class HeldExecutor implements Executor {
    final Queue<Runnable> tasks = new ArrayDeque<>();

    @Override
    public void execute(Runnable task) {
      tasks.add(task);
    }

    void runAll() {
      while (!tasks.isEmpty()) tasks.poll().run();
    }
  }

  private final HeldExecutor background = new HeldExecutor();
  private final HerdLabViewModel model = new HerdLabViewModel(background, Runnable::run);

  @Test
  void theDefaultsAreThePublishedExperiment() {
    assertThat(model.settings()).isEqualTo(HerdSettings.defaults());
  }

  @Test
  void rowsArriveInTheLabsOrderAndMakeTheWholeResult() {
    model.clientsProperty().set("12, 4");
    model.trialsProperty().set("3");
    model.seedProperty().set("7");
    List<Double> progress = new ArrayList<>();
    model.progressProperty().addListener((o, a, b) -> progress.add(b.doubleValue()));

    model.run();
    assertThat(model.runningProperty().get()).isTrue();
    assertThat(model.rows()).as("nothing ran on the caller's thread").isEmpty();
    background.runAll();

    HerdSettings settings = HerdSettings.defaults().withClients(List.of(12, 4)).withTrials(3).withSeed(7);
    List<String> order = new ArrayList<>();
    for (int n : List.of(12, 4)) for (HerdStrategy s : HerdStrategy.values()) order.add(s.id() + "@" + n);
    assertThat(model.rows()).extracting(r -> r.strategy().id() + "@" + r.clients()).containsExactlyElementsOf(order);
    HerdResult expected = HerdLab.run(settings);
    assertThat(model.resultProperty().get()).isEqualTo(expected);
    assertThat(model.rows()).containsExactlyInAnyOrderElementsOf(expected.rows());
    assertThat(progress).isSorted().last().isEqualTo(1.0);
    assertThat(progress.get(0)).isEqualTo(1.0 / 30);
    assertThat(model.runningProperty().get()).isFalse();
    assertThat(model.canExportProperty().get()).isTrue();
    assertThat(model.conclusions()).hasSize(4);
    assertThat(model.statusProperty().get()).startsWith("Done: 30 trials, seed 7;");
  }

  @Test
  void cancelStopsBeforeTheNextTrialAndKeepsThePointsSoFar() {
    model.clientsProperty().set("5, 10");
    model.trialsProperty().set("4");
    model.rows().addListener((ListChangeListener<HerdRow>) c -> {
      if (model.rows().size() == 2) model.cancel(); // while the lab runs, as a click would
    });

    model.run();
    background.runAll();

    assertThat(model.rows()).hasSize(2);
    assertThat(model.runningProperty().get()).isFalse();
    assertThat(model.resultProperty().get()).isNull();
    assertThat(model.canExportProperty().get()).isFalse();
    assertThat(model.canRunProperty().get()).isTrue();
    assertThat(model.statusProperty().get()).isEqualTo("Cancelled after 8 of 40 trials; the points so far stay.");
  }

  @Test
  void badInputsAreRefusedWithTheLabsOwnMessages() {
    model.clientsProperty().set("10, 0");
    assertThat(model.clientsErrorProperty().get()).isEqualTo("clients[1] must be in [1, 1000], was 0");
    model.clientsProperty().set("10, ten");
    assertThat(model.clientsErrorProperty().get()).isEqualTo("clients[1] must be a whole number, was \"ten\"");
    model.clientsProperty().set(" ");
    assertThat(model.clientsErrorProperty().get()).isEqualTo("clients must not be empty");
    model.clientsProperty().set("10, 10");
    assertThat(model.clientsErrorProperty().get()).isEqualTo("clients[1] repeats 10");
    model.trialsProperty().set("0");
    assertThat(model.trialsErrorProperty().get()).isEqualTo("trials must be in [1, 10000], was 0");
    model.seedProperty().set("x");
    assertThat(model.seedErrorProperty().get()).isEqualTo("seed must be a whole number, was \"x\"");

    assertThat(model.canRunProperty().get()).isFalse();
    model.run();
    assertThat(background.tasks).isEmpty();

    model.clientsProperty().set("10");
    model.trialsProperty().set("1");
    model.seedProperty().set("-3");
    assertThat(model.canRunProperty().get()).isTrue();
  }

  @Test
  void theCsvIsTheHerdCommandsAndIsWrittenOffTheCallersThread(@TempDir Path dir) throws Exception {
    model.clientsProperty().set("3");
    model.trialsProperty().set("2");
    model.run();
    background.runAll();

    var written = model.exportCsv(dir.resolve("herd.csv"));
    assertThat(written).isNotDone();
    background.runAll();

    Path file = written.get(5, TimeUnit.SECONDS);
    assertThat(Files.readString(file)).isEqualTo(HerdTable.csv(model.resultProperty().get()))
        .startsWith("strategy,clients,calls,completion_ms\nnone,3,");
    assertThat(model.statusProperty().get()).isEqualTo("CSV written to herd.csv");
  }
}
