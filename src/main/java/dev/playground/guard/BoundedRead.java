package dev.playground.guard;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads input with a bound on the bytes actually read, not on the size a file reports: a pipe or a device
 * such as {@code /dev/zero} reports 0 and never ends. Stateless and thread-safe.
 */
public final class BoundedRead {
  private BoundedRead() {}

  /** More bytes than allowed; the message says the bound, e.g. "larger than 4 MiB (4194304 bytes)". */
  public static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;
    private final long limit;

    public TooLarge(long limit) {
      super("larger than " + size(limit));
      this.limit = limit;
    }

    public long limit() {
      return limit;
    }
  }

  /** All bytes of {@code file}, at most {@code maxBytes}; {@link TooLarge} as soon as there are more. */
  public static byte[] bytes(Path file, long maxBytes) throws IOException {
    if (maxBytes < 0 || maxBytes >= Integer.MAX_VALUE - 8) throw new IllegalArgumentException(
        "maxBytes must be in [0, " + (Integer.MAX_VALUE - 9) + "], was " + maxBytes);
    try (InputStream in = Files.newInputStream(file)) {
      byte[] read = in.readNBytes((int) maxBytes + 1);
      if (read.length > maxBytes) throw new TooLarge(maxBytes);
      return read;
    }
  }

  /**
   * The text of {@code file} as UTF-8, at most {@code maxBytes}; a {@link CharacterCodingException} if it is
   * not UTF-8 (a picture, a binary).
   */
  public static String utf8(Path file, long maxBytes) throws IOException {
    byte[] bytes = bytes(file, maxBytes);
    return StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes)).toString();
  }

  /** {@code in}, failing with {@link TooLarge} on the read that would go past {@code maxBytes}. */
  public static InputStream limit(InputStream in, long maxBytes) {
    return new Limited(in, maxBytes);
  }

  /** 4194304 → "4 MiB (4194304 bytes)"; 1000 → "1000 bytes". */
  public static String size(long bytes) {
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) return bytes / (1024 * 1024) + " MiB (" + bytes + " bytes)";
    if (bytes >= 1024 && bytes % 1024 == 0) return bytes / 1024 + " KiB (" + bytes + " bytes)";
    return bytes + " bytes";
  }

  private static final class Limited extends FilterInputStream {
    private final long max;
    private long count;

    Limited(InputStream in, long max) {
      super(in);
      this.max = max;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) counted(1);
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) counted(n);
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      counted(skipped);
      return skipped;
    }

    private void counted(long n) throws TooLarge {
      count += n;
      if (count > max) throw new TooLarge(max);
    }

    @Override
    public boolean markSupported() {
      return false;
    }
  }
}
