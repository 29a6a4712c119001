package dev.playground.bench;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/** Temporary: where the time before the first frame goes. */
public final class ColdProbe {
  static long t0;
  public static void main(String[] args) {
    t0 = System.nanoTime();
    Application.launch(App.class, args);
  }
  static void mark(String what) {
    System.out.printf("%6.0f ms %s%n", (System.nanoTime() - t0) / 1e6, what);
  }
  public static final class App extends Application {
    @Override public void start(Stage stage) throws Exception {
      mark("start()");
      long a = System.nanoTime();
      var preset = dev.playground.scenario.Presets.get("outage-and-recovery");
      mark("presets");
      var settings = dev.playground.ui.session.SessionSettings.of(preset);
      var session = new dev.playground.ui.session.Session(settings, e -> {}, null, System::getenv, java.nio.file.Files.createTempDirectory("x"));
      mark("session");
      var window = dev.playground.ui.main.PlaygroundWindow.create(session);
      mark("window");
      var vm = new dev.playground.ui.session.SessionViewModel(session, Platform::runLater, System::getenv);
      mark("session vm");
      var lesson = new dev.playground.ui.lesson.LessonViewModel();
      lesson.show(settings.effectiveScenario(), null);
      mark("lesson show");
      var scene = window.createScene(1280, 800);
      mark("scene");
      stage.setScene(scene);
      scene.addPostLayoutPulseListener(() -> { mark("pulse"); });
      stage.show();
      mark("shown");
      new Thread(() -> { try { Thread.sleep(2500); } catch (InterruptedException e) {} System.exit(0); }).start();
    }
  }
}
