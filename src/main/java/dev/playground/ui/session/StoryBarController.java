package dev.playground.ui.session;

import dev.playground.scenario.StorySchedule.Timed;
import dev.playground.scenario.StorySchedule;
import java.util.Locale;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;

/**
 * The story strip under the top bar: the open run's timed faults on the story's clock, a line where the run is
 * now, and a note saying whether the story runs or waits for "Run scenario". Redrawn when the story, its start
 * or the width changes; the line moves with {@link SessionViewModel#scenarioNowMsProperty()}. FX thread.
 */
public final class StoryBarController {
  @FXML private Pane storyTrack;
  @FXML private Label storyNote;

  private final SessionViewModel model;
  private final Line now = new Line();

  public StoryBarController(SessionViewModel model) {
    this.model = model;
  }

  @FXML
  private void initialize() {
    now.getStyleClass().add("story-now");
    model.storyProperty().addListener((o, a, b) -> draw());
    model.storyStartMsProperty().addListener((o, a, b) -> draw());
    storyTrack.widthProperty().addListener((o, a, b) -> draw());
    model.scenarioNowMsProperty().addListener((o, a, b) -> moveNow());
    draw();
  }

  private void draw() {
    StorySchedule story = model.storyProperty().get();
    double w = storyTrack.getWidth();
    storyTrack.getChildren().clear();
    Rectangle track = new Rectangle(0, 4, Math.max(0, w), 8);
    track.getStyleClass().add("story-base");
    storyTrack.getChildren().add(track);
    long length = Math.max(1, story.lengthMs());
    for (Timed t : story.timed()) {
      double x = w * t.fromMs() / length;
      double end = t.toMs() == null ? w : w * Math.min(t.toMs(), length) / length;
      Rectangle r = new Rectangle(x, 2, Math.max(2, end - x), 12);
      r.getStyleClass().add("story-fault");
      Tooltip.install(r, new Tooltip(t.label()));
      storyTrack.getChildren().add(r);
      Label text = new Label(t.label());
      text.getStyleClass().add("story-fault-label");
      text.setLayoutX(x + 3);
      text.setLayoutY(-1);
      text.setMaxWidth(Math.max(0, end - x - 4));
      storyTrack.getChildren().add(text);
    }
    storyTrack.getChildren().add(now);
    storyNote.setText(note(story));
    moveNow();
  }

  private String note(StorySchedule story) {
    String length = String.format(Locale.ROOT, "%.0f s", model.storyProperty().get().lengthMs() / 1000.0);
    if (story.isEmpty()) return "no timed faults · " + length;
    if (model.storyStartMsProperty().get() < 0) return "waits for Run scenario · " + length;
    long start = model.storyStartMsProperty().get();
    long nowMs = Math.max(start, model.scenarioNowMsProperty().get());
    return String.format(Locale.ROOT, "story %.1f s of %s", (nowMs - start) / 1000.0, length);
  }

  private void moveNow() {
    long start = model.storyStartMsProperty().get();
    long nowMs = model.scenarioNowMsProperty().get();
    StorySchedule story = model.storyProperty().get();
    boolean show = start >= 0 && nowMs >= 0 && story.lengthMs() > 0;
    now.setVisible(show);
    storyNote.setText(note(story));
    if (!show) return;
    double x = storyTrack.getWidth() * Math.min(1.0, (nowMs - start) / (double) story.lengthMs());
    now.setStartX(x);
    now.setEndX(x);
    now.setStartY(0);
    now.setEndY(16);
  }
}
