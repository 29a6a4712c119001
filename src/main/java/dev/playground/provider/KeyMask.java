package dev.playground.provider;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Masks one secret in a body that arrives in pieces, with as many {@code *} as it has bytes (so a
 * {@code Content-Length} stays true). Holds back only the last bytes of a piece that could begin the secret,
 * so a stream's events pass at once. Not thread-safe: one per body.
 */
final class KeyMask {
  private static final byte[] NOTHING = new byte[0];

  private final byte[] key;
  private byte[] carry = NOTHING;

  KeyMask(String key) {
    this.key = key.getBytes(StandardCharsets.UTF_8);
  }

  /** The bytes of {@code piece} (after any held back) that can go out now, the secret masked. */
  byte[] next(byte[] piece) {
    byte[] buffer = carry.length == 0 ? piece : concat(carry, piece);
    mask(buffer);
    int hold = heldBack(buffer);
    carry = hold == 0 ? NOTHING : Arrays.copyOfRange(buffer, buffer.length - hold, buffer.length);
    return hold == 0 ? buffer : Arrays.copyOf(buffer, buffer.length - hold);
  }

  /** What was held back, at the end of the body. */
  byte[] finish() {
    byte[] rest = carry;
    carry = NOTHING;
    return rest;
  }

  private void mask(byte[] buffer) {
    for (int i = 0; i + key.length <= buffer.length; i++) {
      if (matchesAt(buffer, i, key.length)) {
        Arrays.fill(buffer, i, i + key.length, (byte) '*');
        i += key.length - 1;
      }
    }
  }

  /** The length of the longest end of {@code buffer} that is a beginning of the key (shorter than the key). */
  private int heldBack(byte[] buffer) {
    for (int k = Math.min(key.length - 1, buffer.length); k > 0; k--)
      if (matchesAt(buffer, buffer.length - k, k)) return k;
    return 0;
  }

  private boolean matchesAt(byte[] buffer, int at, int length) {
    for (int j = 0; j < length; j++) if (buffer[at + j] != key[j]) return false;
    return true;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
