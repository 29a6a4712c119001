package dev.playground.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoundedReadTest {
  @Test
  void aFileUpToTheBoundIsReadWhole(@TempDir Path dir) throws Exception {
    Path file = Files.write(dir.resolve("plan.json"), new byte[1024]);

    assertThat(BoundedRead.bytes(file, 1024)).hasSize(1024);
    assertThatThrownBy(() -> BoundedRead.bytes(file, 1023)).isInstanceOf(BoundedRead.TooLarge.class)
        .hasMessage("larger than 1023 bytes");
  }

  @Test
  void aDeviceThatNeverEndsIsReadOnlyToTheBound() {
    assumeTrue(Files.exists(Path.of("/dev/zero")), "a system with /dev/zero");

    assertThatThrownBy(() -> BoundedRead.bytes(Path.of("/dev/zero"), 4L * 1024 * 1024))
        .isInstanceOf(BoundedRead.TooLarge.class).hasMessage("larger than 4 MiB (4194304 bytes)");
  }

  @Test
  void textThatIsNotUtf8IsRefused(@TempDir Path dir) throws Exception {
    Path file = Files.write(dir.resolve("chart.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', (byte) 0xff});

    assertThatThrownBy(() -> BoundedRead.utf8(file, 100)).isInstanceOf(CharacterCodingException.class);
  }

  @Test
  void aLimitedStreamFailsOnTheReadThatGoesPastTheBound() throws Exception {
    InputStream in = BoundedRead.limit(new ByteArrayInputStream(new byte[100]), 64);

    assertThat(in.readNBytes(64)).hasSize(64);
    assertThatThrownBy(in::read).isInstanceOf(BoundedRead.TooLarge.class);
  }
}
