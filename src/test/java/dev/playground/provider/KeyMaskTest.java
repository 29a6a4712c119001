package dev.playground.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KeyMaskTest {
  private static final String KEY = "sk-canary-0123456789";

  private static String through(KeyMask mask, String... pieces) {
    var out = new ByteArrayOutputStream();
    for (String p : pieces) out.writeBytes(mask.next(p.getBytes(StandardCharsets.UTF_8)));
    out.writeBytes(mask.finish());
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aKeyIsMaskedWithAsManyStarsAsItHasBytes() {
    assertThat(through(new KeyMask(KEY), "Incorrect API key provided: Bearer " + KEY + "."))
        .isEqualTo("Incorrect API key provided: Bearer " + "*".repeat(KEY.length()) + ".");
  }

  @Test
  void aKeySplitAcrossPiecesIsMaskedToo() {
    for (int cut = 1; cut < KEY.length(); cut++) {
      String text = through(new KeyMask(KEY), "key: " + KEY.substring(0, cut), KEY.substring(cut) + " end");
      assertThat(text).as("cut at %d", cut).isEqualTo("key: " + "*".repeat(KEY.length()) + " end");
    }
  }

  @Test
  void onlyBytesThatMayBeginTheKeyAreHeldBack() {
    KeyMask mask = new KeyMask(KEY);

    assertThat(new String(mask.next("data: {\"a\":1}\n\n".getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8))
        .as("a stream's event passes at once").isEqualTo("data: {\"a\":1}\n\n");
    assertThat(mask.next("ends with sk-ca".getBytes(StandardCharsets.UTF_8))).hasSize("ends with ".length());
    assertThat(new String(mask.finish(), StandardCharsets.UTF_8)).isEqualTo("sk-ca");
  }
}
