package dev.playground.ui.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Pictures of chart nodes: a snapshot on the FX thread, PNG bytes anywhere. Stateless and thread-safe. */
public final class ChartImages {
  private ChartImages() {}

  /** A picture of {@code node} as it is drawn now. FX thread only. */
  public static WritableImage snapshot(Node node) {
    return node.snapshot(new SnapshotParameters(), null);
  }

  /** {@code image} as PNG bytes; any thread (the image is not changed once taken). */
  public static byte[] png(Image image) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("could not encode the chart as PNG", e);
    }
  }
}
