package dev.playground.bench;

import dev.playground.app.PlaygroundApp;
import dev.playground.cli.WindowOptions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * Cold start to the first frame: the playground window, as the app opens it (wired to its session, on the
 * default preset), against a bare JavaFX window (one label), each in a fresh JVM, alternating, several runs;
 * prints the medians and their ratio (goal ≤ 1.3×). Time runs from just before the JVM is started to the end of
 * the first pulse's layout (the first frame then goes to the renderer); for the playground also to the pulse in
 * which its charts (built right after the first frame) are laid out, and to its first run being open (servers
 * listening, {@code run_started} shown). Needs a display (Xvfb) or Monocle.
 *
 * <p>{@code ./mvnw -q -Pbench test-compile exec:exec -Dbench=UiColdStartBench [-Dbench.args="RUNS"]}
 */
public final class UiColdStartBench {
  private UiColdStartBench() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    List<Long> bare = new ArrayList<>(), playground = new ArrayList<>(), charts = new ArrayList<>();
    List<Long> session = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      bare.add(launch("bare"));
      playground.add(launch("playground"));
      charts.add(lastChartsReady);
      session.add(lastSessionReady);
    }
    double b = median(bare), p = median(playground);
    System.out.printf("UiColdStartBench (%d runs each, prism %s)%n", runs, System.getProperty("prism.order", "default"));
    System.out.printf("bare window      : median %.0f ms  %s%n", b, bare);
    System.out.printf("playground window: median %.0f ms  %s%n", p, playground);
    System.out.printf("ratio playground/bare: %.2f  (goal <= 1.3)%n", p / b);
    System.out.printf("playground charts built and laid out: median %.0f ms  %s (ratio to bare %.2f)%n", median(charts),
        charts, median(charts) / b);
    System.out.printf("playground first run open (run_started in the log): median %.0f ms  %s%n", median(session),
        session);
  }

  private static long launch(String kind) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path")));
    for (String prop : List.of("prism.order", "glass.platform", "monocle.platform", "javafx.cachedir")) {
      if (System.getProperty(prop) != null) cmd.add("-D" + prop + "=" + System.getProperty(prop));
    }
    cmd.addAll(List.of(Child.class.getName(), kind));
    long start = System.currentTimeMillis();
    Process child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    long firstFrame = -1, charts = -1, session = -1;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        if (line.startsWith("FIRST_FRAME ")) firstFrame = Long.parseLong(line.substring(12).trim());
        if (line.startsWith("CHARTS_READY ")) charts = Long.parseLong(line.substring(13).trim());
        if (line.startsWith("SESSION_READY ")) session = Long.parseLong(line.substring(14).trim());
      }
    }
    if (child.waitFor() != 0 || firstFrame < 0) throw new IllegalStateException(kind + " window did not report a frame");
    lastChartsReady = charts - start;
    lastSessionReady = session - start;
    return firstFrame - start;
  }

  private static long lastChartsReady;
  private static long lastSessionReady;

  private static double median(List<Long> values) {
    long[] s = values.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0;
  }

  /** The child JVM's entry point: {@code bare} or {@code playground}. */
  public static final class Child {
    private Child() {}

    public static void main(String[] args) {
      Application.launch(ChildApp.class, args);
    }
  }

  /** Shows one window and reports the wall time of its first frame. */
  public static final class ChildApp extends Application {
    @Override
    public void start(Stage stage) throws Exception {
      boolean bare = "bare".equals(getParameters().getRaw().get(0));
      if (bare) {
        stage.setTitle("cold start");
        stage.setScene(new Scene(new StackPane(new Label("Resilience Playground")), 1280, 800));
      } else {
        PlaygroundApp.open(stage, WindowOptions.defaults()); // shows the stage; its first pulse comes after start returns
      }
      Scene scene = stage.getScene();
      boolean[] first = {true};
      boolean[] charts = {bare};
      scene.addPostLayoutPulseListener(() -> {
        // the end of a pulse's layout: the frame goes to the renderer now
        if (first[0]) {
          first[0] = false;
          System.out.println("FIRST_FRAME " + System.currentTimeMillis());
        }
        if (!charts[0] && scene.lookup("#latencyChart") != null) {
          charts[0] = true;
          System.out.println("CHARTS_READY " + System.currentTimeMillis());
        }
        // the event log's first row is run_started: the first run is open
        var table = (TableView<?>) scene.lookup("#eventTable");
        if (charts[0] && (bare || (table != null && !table.getItems().isEmpty()))) {
          if (bare) System.out.println("CHARTS_READY " + System.currentTimeMillis());
          System.out.println("SESSION_READY " + System.currentTimeMillis());
          System.exit(0); // the playground's run and servers end with the process
        }
      });
      if (bare) stage.show();
      Platform.requestNextPulse();
    }
  }
}
