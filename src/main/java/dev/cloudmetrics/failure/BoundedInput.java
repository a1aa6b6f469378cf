package dev.cloudmetrics.failure;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A file the user names, read as UTF-8 only up to a size no real one reaches, so that
 * {@code /dev/zero} or a mistaken multi-gigabyte file is refused (exit 2) instead of filling memory.
 */
public final class BoundedInput {
  private BoundedInput() {}

  /**
   * Reads {@code in}; past {@code maxBytes} throws {@link InvalidInputException} saying that
   * {@code what} is longer than that.
   */
  public static BufferedReader reader(InputStream in, long maxBytes, String what) {
    // A decoder of its own reports malformed UTF-8, as Files.readAllLines does, instead of replacing it.
    return new BufferedReader(new InputStreamReader(new Limited(in, maxBytes, what), StandardCharsets.UTF_8.newDecoder()));
  }

  /**
   * The same, but malformed UTF-8 becomes U+FFFD, for a reader that names the line it is on
   * (a decoder's report says only "Input length = 1").
   */
  public static BufferedReader replacingReader(InputStream in, long maxBytes, String what) {
    return new BufferedReader(new InputStreamReader(new Limited(in, maxBytes, what), StandardCharsets.UTF_8));
  }

  /** Counts what passes and stops at the limit. */
  private static final class Limited extends FilterInputStream {
    private final long maxBytes;
    private final String what;
    private long read;

    Limited(InputStream in, long maxBytes, String what) {
      super(in);
      this.maxBytes = maxBytes;
      this.what = what;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
      int n = in.read(bytes, offset, (int) Math.min(length, maxBytes + 1 - read));
      if (n > 0) {
        read += n;
        if (read > maxBytes) {
          throw new InvalidInputException(what + " is longer than " + (maxBytes >> 20) + " MiB; no real one is: "
              + "is it the right file?");
        }
      }
      return n;
    }
  }
}
