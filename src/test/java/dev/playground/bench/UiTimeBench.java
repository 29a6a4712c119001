package dev.playground.bench;

import dev.playground.lab.HerdLab;
import dev.playground.lab.HerdSettings;
import dev.playground.policy.Jitter;
import dev.playground.policy.PolicyJson;
import dev.playground.policy.RetrySpec;
import dev.playground.policy.SchedulePreview;
import dev.playground.scenario.Compare;
import dev.playground.scenario.Presets;
import dev.playground.scenario.Scenario;
import dev.playground.ui.compare.CompareView;
import dev.playground.ui.lab.HerdLabView;
import dev.playground.ui.preview.SchedulePreviewView;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * How long the virtual-time views keep the FX thread, against the same work without a UI in the same run: a
 * preview redraw for a new retry spec (against computing the preview alone), a redraw of both compare sides at
 * another moment (against a 60 Hz frame), a comparison and a herd-lab grid run through the views (against the
 * bare {@code Compare.run} and {@code HerdLab.run}). Needs a display (Xvfb) or Monocle.
 *
 * <p>{@code ./mvnw -q -Pbench test-compile exec:exec -Dbench=UiTimeBench [-Dbench.args="SAMPLES"]}
 */
public final class UiTimeBench {
  private static final double FRAME_MS = 1000.0 / 60;

  private UiTimeBench() {}

  public static void main(String[] args) throws Exception {
    int samples = args.length > 0 ? Integer.parseInt(args[0]) : 25;
    Platform.startup(() -> {});
    Scenario outage = Presets.get("outage-and-recovery");
    RetrySpec small = RetrySpec.defaults().withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 2)
        .withMaxAttempts(6).withJitter(Jitter.FULL, 0);
    RetrySpec large = small.withMaxAttempts(100);

    SchedulePreviewView preview = fx(SchedulePreviewView::create);
    CompareView compare = fx(CompareView::create);
    HerdLabView lab = fx(HerdLabView::create);
    fx(() -> {
      Stage stage = new Stage();
      TabPane tabs = new TabPane(new Tab("preview", preview.root()), new Tab("compare", compare.root()),
          new Tab("lab", lab.root()));
      StackPane root = new javafx.scene.layout.StackPane(tabs);
      root.getStyleClass().add("playground");
      for (String sheet : new String[] {"base", "main", "charts"})
        root.getStylesheets().add(UiTimeBench.class.getResource("/styles/" + sheet + ".css").toExternalForm());
      stage.setScene(new Scene(root, 1280, 800));
      stage.show();
      return stage;
    });

    // 1. preview: a new spec on the FX thread (recompute, table, one chart redraw) vs the preview alone
    for (RetrySpec spec : new RetrySpec[] {small, large}) {
      double[] bare = new double[samples];
      double[] view = new double[samples];
      for (int i = 0; i < samples; i++) {
        RetrySpec s = spec.withDelay(Duration.ofMillis(1000 + i)); // a new value each time, as an edit would be
        long t0 = System.nanoTime();
        SchedulePreview.of(s, 42, 0, 0);
        bare[i] = ms(t0);
        view[i] = fx(() -> {
          long t = System.nanoTime();
          preview.setRetrySpec(s);
          return ms(t);
        });
      }
      row("preview: new spec, " + spec.maxAttempts() + " attempts", median(view), "SchedulePreview.of alone",
          median(bare));
    }

    // 2. compare: one comparison through the view vs Compare.run alone; then both sides redrawn at another moment
    String noBreaker = PolicyJson.write(outage.policies().withBreaker(null));
    double[] bareRun = new double[samples];
    double[] viewRun = new double[samples];
    for (int i = 0; i < samples; i++) {
      long t0 = System.nanoTime();
      Compare.run(outage, new Compare.Side("A", outage.policies()),
          new Compare.Side("B", PolicyJson.read(noBreaker)));
      bareRun[i] = ms(t0);
      Label status = fx(() -> {
        compare.setScenario(outage);
        ((TextArea) compare.root().lookup("#bJsonArea")).setText(noBreaker);
        return (Label) compare.root().lookup("#statusLabel");
      });
      long t1 = System.nanoTime();
      fx(() -> {
        ((Button) compare.root().lookup("#runButton")).fire();
        return null;
      });
      await(() -> fx(() -> status.getText().contains("B is better")));
      viewRun[i] = ms(t1);
    }
    row("compare: Run to table and charts", median(viewRun), "Compare.run alone", median(bareRun));
    Slider until = fx(() -> (Slider) compare.root().lookup("#untilSlider"));
    double[] redraw = new double[samples];
    for (int i = 0; i < samples; i++) {
      double at = i % 2 == 0 ? 32 : 60;
      redraw[i] = fx(() -> {
        long t = System.nanoTime();
        until.setValue(at);
        return ms(t);
      });
    }
    row("compare: both sides at another moment", median(redraw), "one 60 Hz frame", FRAME_MS);

    // 3. herd lab: the published grid through the view (rows and progress to the FX thread) vs HerdLab.run
    double[] bareLab = new double[samples];
    double[] viewLab = new double[samples];
    Label labStatus = fx(() -> (Label) lab.root().lookup("#statusLabel"));
    for (int i = 0; i < samples; i++) {
      long t0 = System.nanoTime();
      HerdLab.run(HerdSettings.defaults());
      bareLab[i] = ms(t0);
      long t1 = System.nanoTime();
      fx(() -> {
        ((Button) lab.root().lookup("#runButton")).fire();
        return null;
      });
      await(() -> fx(() -> labStatus.getText().startsWith("Done")));
      await(() -> fx(() -> !((Button) lab.root().lookup("#runButton")).isDisabled()));
      viewLab[i] = ms(t1);
    }
    row("herd lab: the published grid", median(viewLab), "HerdLab.run alone", median(bareLab));
    compare.close();
    lab.close();
    Platform.exit();
  }

  private static void row(String what, double ms, String baseline, double baseMs) {
    System.out.printf(Locale.ROOT, "%-40s median %8.2f ms   %-26s %8.2f ms   ratio %.2f%n", what, ms, baseline,
        baseMs, ms / baseMs);
  }

  private static <T> T fx(Supplier<T> work) {
    CompletableFuture<T> done = new CompletableFuture<>();
    Platform.runLater(() -> {
      try {
        done.complete(work.get());
      } catch (RuntimeException e) {
        done.completeExceptionally(e);
      }
    });
    try {
      return done.get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Polls the FX thread until the condition holds (a bench may wait; a test never does). */
  private static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new IllegalStateException("timed out");
      LockSupport.parkNanos(2_000_000); // not too often: each poll is an FX task
    }
  }

  private static double ms(long since) {
    return (System.nanoTime() - since) / 1e6;
  }

  private static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v[v.length / 2];
  }
}
